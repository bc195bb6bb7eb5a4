// Issue 5: the problem ledger's lifecycle (销号式管理, 分级调度), coordination meetings with their
// agendas and decisions (上犹 附件2), linked leaders' duties (附件3) and commissioners' contacts (附件4).
export default `
ALTER TABLE problems ADD COLUMN level int NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3);
ALTER TABLE problems ADD COLUMN resolution text;
ALTER TABLE problems ADD COLUMN resolved_by text;
ALTER TABLE problems ADD COLUMN resolved_at timestamptz;
ALTER TABLE problems ADD COLUMN confirmed_by text;
ALTER TABLE problems ADD COLUMN return_reason text;
ALTER TABLE problems ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Every raise, transition and meeting decision, as the ledger's history shows it.
CREATE TABLE problem_steps (
  id bigserial PRIMARY KEY,
  problem_id int NOT NULL REFERENCES problems(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL CHECK (action IN ('raise', 'accept', 'return', 'resolve', 'confirm', 'reopen', 'escalate', 'decision')),
  from_state text,
  to_state text NOT NULL,
  note text NOT NULL DEFAULT ''
);
CREATE INDEX problem_steps_problem ON problem_steps (problem_id, id);

-- Problems raised before this migration begin their history with the raise.
INSERT INTO problem_steps (problem_id, at, actor, action, from_state, to_state, note)
  SELECT pr.id, pr.created_at, COALESCE(us.display_name, ''), 'raise', NULL, 'pending', pr.description
  FROM problems pr LEFT JOIN users us ON us.id = pr.raised_by;

CREATE TABLE meetings (
  id serial PRIMARY KEY,
  campaign_id int NOT NULL REFERENCES campaigns(id),
  kind text NOT NULL CHECK (kind IN ('dispatch', 'domain_group', 'joint')),
  title text NOT NULL,
  domain_id int REFERENCES domains(id),
  held_on date NOT NULL,
  location text NOT NULL DEFAULT '',
  chair text NOT NULL,
  state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'held')),
  attendees text[] NOT NULL DEFAULT '{}',
  created_by int REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  held_at timestamptz
);
CREATE INDEX meetings_campaign ON meetings (campaign_id, held_on DESC);

CREATE TABLE meeting_items (
  meeting_id int NOT NULL REFERENCES meetings(id),
  problem_id int NOT NULL REFERENCES problems(id),
  sort int NOT NULL,
  decision text,
  owner text,
  deadline date,
  PRIMARY KEY (meeting_id, problem_id)
);
CREATE INDEX meeting_items_problem ON meeting_items (problem_id);

CREATE TABLE leader_duties (
  id serial PRIMARY KEY,
  leader_id int NOT NULL REFERENCES leaders(id),
  campaign_id int NOT NULL REFERENCES campaigns(id),
  kind text NOT NULL CHECK (kind IN ('monthly_briefing', 'quarterly_visit')),
  period text NOT NULL,
  done_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (leader_id, kind, period)
);

CREATE TABLE commissioner_contacts (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  kind text NOT NULL CHECK (kind IN ('call', 'visit')),
  contacted_on date NOT NULL,
  note text NOT NULL,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commissioner_contacts_project ON commissioner_contacts (project_id, contacted_on DESC);
`;
