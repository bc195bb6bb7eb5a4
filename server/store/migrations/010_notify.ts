// Issue 21: work-chat robots (企业微信 / 钉钉) and the outbox of notices they are sent. A notice is
// written in the transaction of the event causing it; a worker claims rows with a lease and sends them.
export default `
CREATE TABLE notify_channels (
  id serial PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('wecom', 'dingtalk')),
  -- Webhook (its key is a credential too) and 加签 secret, sealed with AES-256-GCM, never returned.
  webhook_sealed text NOT NULL,
  webhook_hint text NOT NULL,
  secret_sealed text,
  audience_type text NOT NULL CHECK (audience_type IN ('county', 'unit', 'leader')),
  audience_id int,
  -- Notice kinds taken, empty: all.
  events text[] NOT NULL DEFAULT '{}',
  -- 'HH:MM' China time, a window may pass midnight.
  quiet_start text,
  quiet_end text,
  daily_cap int CHECK (daily_cap > 0),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE TABLE notify_outbox (
  id bigserial PRIMARY KEY,
  channel_id int NOT NULL REFERENCES notify_channels(id),
  kind text NOT NULL,
  -- One notice per channel and key (an alert's red, a reminder's day), whichever process writes it.
  dedupe_key text,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_at timestamptz NOT NULL,
  -- While sending: the claim's id and how long it holds, an expired lease is claimed again.
  batch uuid,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (channel_id, dedupe_key)
);
CREATE INDEX notify_outbox_due ON notify_outbox (channel_id, next_at) WHERE state IN ('pending', 'sending');
CREATE INDEX notify_outbox_recent ON notify_outbox (id DESC);

-- One row per message handed to a robot: the per-minute rate and the daily cap count these.
CREATE TABLE notify_deliveries (
  id bigserial PRIMARY KEY,
  channel_id int NOT NULL REFERENCES notify_channels(id),
  batch uuid NOT NULL,
  claimed_at timestamptz NOT NULL,
  ok boolean
);
CREATE INDEX notify_deliveries_recent ON notify_deliveries (channel_id, claimed_at);
`;
