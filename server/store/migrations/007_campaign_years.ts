// Issue 13: campaign years created from scratch. A campaign spans firstYear..lastYear (上犹 2021-2023);
// each of its years is one row; a county has one row per year. Levels-only campaigns (弋阳's 省重点 …)
// have no 领域, so a project's domain may be empty.
export default `
ALTER TABLE campaigns ADD COLUMN first_year int;
ALTER TABLE campaigns ADD COLUMN last_year int;
UPDATE campaigns SET first_year = year, last_year = year;
ALTER TABLE campaigns ALTER COLUMN first_year SET NOT NULL;
ALTER TABLE campaigns ALTER COLUMN last_year SET NOT NULL;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_years_check CHECK (first_year <= year AND year <= last_year);
CREATE UNIQUE INDEX campaigns_county_year ON campaigns (county, year);

ALTER TABLE projects ALTER COLUMN domain_id DROP NOT NULL;
`;
