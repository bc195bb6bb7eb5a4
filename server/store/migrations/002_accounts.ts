// Issue 3: report review (draft → submitted → accepted | returned), display tokens for wall kiosks.
export default `
ALTER TABLE reports DROP CONSTRAINT reports_status_check;
ALTER TABLE reports ADD CONSTRAINT reports_status_check CHECK (status IN ('draft', 'submitted', 'accepted', 'returned'));
ALTER TABLE reports ADD COLUMN return_reason text;
ALTER TABLE reports ADD COLUMN reviewed_by text;
ALTER TABLE reports ADD COLUMN reviewed_at timestamptz;
CREATE INDEX reports_project_month ON reports (project_id, month, revision DESC);

CREATE TABLE display_tokens (
  id serial PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  rotate_seconds int NOT NULL DEFAULT 30,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX audit_recent ON audit_log (id DESC);
CREATE INDEX problems_project ON problems (project_id);
`;
