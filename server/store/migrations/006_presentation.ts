// Issue 6: meeting mode (会议模式). One session per campaign, kept in the store so every server
// process sees the same one; displays choose whether they follow it.
export default `
CREATE TABLE presentations (
  campaign_id int PRIMARY KEY REFERENCES campaigns(id),
  -- Session number and change counter, both only grow (a wall ignores an older state).
  session_id int NOT NULL DEFAULT 0,
  seq int NOT NULL DEFAULT 0,
  -- The PresentationState (shared/presentation.ts) while a session runs, NULL once it ended.
  state jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE display_tokens ADD COLUMN follows_meetings boolean NOT NULL DEFAULT true;
`;
