// Issue 14: a county moving in mid-year brings its own ledger's figures. An opening balance is what
// the sheet says a project had completed this year through a month (1-2月完成投资) and since it
// started (开工以来累计完成投资), kept with where it came from — never turned into monthly reports.
export default `
CREATE TABLE opening_balances (
  project_id int PRIMARY KEY REFERENCES projects(id),
  -- The last month (YYYY-MM) the figures run through (reports of later months add to them).
  through_month text NOT NULL,
  -- Completed this campaign year through through_month, integer yuan.
  completed int8 NOT NULL CHECK (completed >= 0),
  -- Completed since the project started through through_month, NULL when the sheet gave none
  since_start int8 CHECK (since_start >= 0),
  source_file text NOT NULL,
  source_sheet text NOT NULL,
  source_row int NOT NULL,
  imported_by int REFERENCES users(id),
  imported_by_name text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`;
