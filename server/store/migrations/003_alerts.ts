// Issue 4: the alert lifecycle (acknowledge, letters, 分级调度 escalation) and issued letters.
export default `
ALTER TABLE alerts DROP CONSTRAINT alerts_state_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_state_check CHECK (state IN ('raised', 'acknowledged', 'letter_issued', 'cleared'));
ALTER TABLE alerts ADD COLUMN level int NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3);
ALTER TABLE alerts ADD COLUMN acknowledgement text;
ALTER TABLE alerts ADD COLUMN acknowledged_by text;
ALTER TABLE alerts ADD COLUMN acknowledged_at timestamptz;
ALTER TABLE alerts ADD COLUMN letter_id int;

CREATE TABLE letters (
  id serial PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  kind text NOT NULL CHECK (kind IN ('warning', 'supervision')),
  seq int NOT NULL,
  doc_number text NOT NULL,
  unit_id int NOT NULL REFERENCES units(id),
  title text NOT NULL,
  month char(7) NOT NULL,
  issued_on date NOT NULL,
  deadline date NOT NULL,
  alert_ids int[] NOT NULL,
  project_ids int[] NOT NULL,
  -- The document exactly as issued, so it can be downloaded again unchanged.
  content jsonb NOT NULL,
  issued_by int REFERENCES users(id),
  issued_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, kind, seq)
);

CREATE TABLE alert_escalations (
  id serial PRIMARY KEY,
  alert_id int NOT NULL REFERENCES alerts(id),
  from_level int NOT NULL,
  to_level int NOT NULL,
  reason text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE alerts ADD CONSTRAINT alerts_letter FOREIGN KEY (letter_id) REFERENCES letters(id);
ALTER TABLE problems ADD CONSTRAINT problems_state_check CHECK (state IN ('pending', 'coordinating', 'resolved', 'closed', 'returned'));
`;
