// The first schema. Amounts are bigint yuan; every report revision and every write's audit row is kept.
export default `
-- A random identity per store, so a shared cache never mixes two stores' snapshots.
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO meta (key, value) VALUES ('store_id', gen_random_uuid()::text);

CREATE TABLE campaigns (
  id serial PRIMARY KEY,
  county text NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL,
  frozen_today date,
  settings jsonb NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE domains (
  id serial PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  code text NOT NULL,
  name text NOT NULL,
  target bigint NOT NULL DEFAULT 0 CHECK (target >= 0),
  sort_order int NOT NULL DEFAULT 0,
  UNIQUE (campaign_id, code)
);

CREATE TABLE levels (
  campaign_id int NOT NULL REFERENCES campaigns(id),
  code text NOT NULL,
  name text NOT NULL,
  planned_count int,
  planned_annual bigint,
  sort_order int NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, code)
);

CREATE TABLE units (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE leaders (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  title text NOT NULL,
  rank text NOT NULL CHECK (rank IN ('county_head', 'executive_deputy', 'deputy', 'other'))
);

CREATE TABLE projects (
  id serial PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  code text NOT NULL,
  name text NOT NULL,
  domain_id int NOT NULL REFERENCES domains(id),
  levels text[] NOT NULL DEFAULT '{}',
  unit_id int NOT NULL REFERENCES units(id),
  lead_unit text,
  leader_id int REFERENCES leaders(id),
  charge_leader_id int REFERENCES leaders(id),
  commissioner text,
  total_investment bigint NOT NULL CHECK (total_investment >= 0),
  annual_plan bigint NOT NULL CHECK (annual_plan >= 0),
  planned_start date,
  planned_completion date,
  started_on date,
  completed_on date,
  stage text NOT NULL CHECK (stage IN ('reserve', 'preparing', 'construction', 'completed', 'operating')),
  township text,
  lat double precision,
  lon double precision,
  content text NOT NULL DEFAULT '',
  row_version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, code)
);
CREATE INDEX projects_unit ON projects (unit_id);

CREATE TABLE monthly_plans (
  project_id int NOT NULL REFERENCES projects(id),
  month char(7) NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (project_id, month)
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'unit', 'leader')),
  unit_id int REFERENCES units(id),
  leader_id int REFERENCES leaders(id),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  month char(7) NOT NULL,
  revision int NOT NULL,
  investment bigint NOT NULL CHECK (investment >= 0),
  progress text NOT NULL,
  started_on date,
  completed_on date,
  remark text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned')),
  submitted_by int REFERENCES users(id),
  submitted_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, month, revision)
);

CREATE TABLE alerts (
  id serial PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  project_id int NOT NULL REFERENCES projects(id),
  rule text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('yellow', 'orange', 'red')),
  text text NOT NULL,
  state text NOT NULL CHECK (state IN ('raised', 'cleared')),
  raised_at timestamptz NOT NULL DEFAULT now(),
  cleared_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alerts_open ON alerts (project_id, rule) WHERE state <> 'cleared';

CREATE TABLE problems (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  category text NOT NULL,
  description text NOT NULL,
  asked_of text NOT NULL DEFAULT '',
  coordinating_unit text,
  due_on date,
  state text NOT NULL DEFAULT 'pending',
  raised_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  version bigint NOT NULL,
  kind text NOT NULL,
  project_id int NOT NULL REFERENCES projects(id),
  text text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_recent ON events (campaign_id, id DESC);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id int REFERENCES users(id),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
`;
