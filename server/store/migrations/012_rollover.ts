// Issue 15: the turn of the year. A campaign year rolled over names the year it came from; a project
// carried into the next year names the project it continues (its investment since start carries on).
// Multi-year campaigns (上犹 2021-2023) keep one target per group for the whole period beside the year's.
export default `
ALTER TABLE campaigns ADD COLUMN rolled_from int REFERENCES campaigns(id);
CREATE UNIQUE INDEX campaigns_rolled_from ON campaigns (rolled_from);
ALTER TABLE projects ADD COLUMN carried_from int REFERENCES projects(id);
CREATE UNIQUE INDEX projects_carried_from ON projects (carried_from);
ALTER TABLE domains ADD COLUMN period_target bigint CHECK (period_target >= 0);
ALTER TABLE levels ADD COLUMN period_target bigint CHECK (period_target >= 0);
`;
