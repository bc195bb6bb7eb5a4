import type { Project, Stage } from '../../shared/types.js';
import type { Queryable } from './db.js';

/** The opening balance's last month, '' without one (every month is after it). */
const OPENING_THROUGH = `COALESCE((SELECT ob.through_month FROM opening_balances ob WHERE ob.project_id = p.id), '')`;

/**
 * Completed investment of the campaign year: the opening balance brought in by the ledger import
 * (when it runs through a month of the year), plus the latest accepted revision of each later month.
 */
const COMPLETED_TO_DATE = `(COALESCE((
  SELECT ob.completed FROM opening_balances ob WHERE ob.project_id = p.id AND ob.through_month LIKE c.year || '-%'), 0)
  + COALESCE((
  SELECT sum(investment) FROM (
    SELECT DISTINCT ON (r.month) r.investment FROM reports r
    WHERE r.project_id = p.id AND r.status = 'accepted' AND r.month LIKE c.year || '-%' AND r.month > ${OPENING_THROUGH}
    ORDER BY r.month, r.revision DESC) a), 0))::int8`;

/** Investment since the project started: the opening's since-start figure (else its year figure) plus later accepted months. */
const SINCE_START = `(COALESCE((
  SELECT COALESCE(ob.since_start, ob.completed) FROM opening_balances ob WHERE ob.project_id = p.id), 0)
  + COALESCE((
  SELECT sum(investment) FROM (
    SELECT DISTINCT ON (r.month) r.investment FROM reports r
    WHERE r.project_id = p.id AND r.status = 'accepted' AND r.month > ${OPENING_THROUGH}
    ORDER BY r.month, r.revision DESC) a), 0))::int8`;

const FIGURES = `${COMPLETED_TO_DATE} AS "completedToDate", ${SINCE_START} AS "investmentSinceStart"`;

const SELECT = `SELECT p.id, p.code, p.name, p.domain_id AS "domainId", d.name AS domain, p.levels,
  p.unit_id AS "unitId", u.name AS unit, p.lead_unit AS "leadUnit",
  p.leader_id AS "leaderId", l1.name AS leader, p.charge_leader_id AS "chargeLeaderId", l2.name AS "chargeLeader",
  p.commissioner, p.total_investment AS "totalInvestment", p.annual_plan AS "annualPlan",
  to_char(p.planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(p.planned_completion, 'YYYY-MM-DD') AS "plannedCompletion",
  to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(p.completed_on, 'YYYY-MM-DD') AS "completedOn",
  p.stage, p.township, p.lat, p.lon, p.content, p.row_version AS "rowVersion"`;

const FROM = `FROM projects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN domains d ON d.id = p.domain_id
  JOIN units u ON u.id = p.unit_id
  LEFT JOIN leaders l1 ON l1.id = p.leader_id
  LEFT JOIN leaders l2 ON l2.id = p.charge_leader_id`;

/** The ledger with each project's completed investment this year, optionally one unit's part. */
export async function listProjects(q: Queryable, campaignId: number, unitId?: number): Promise<Project[]> {
  return q.query<Project>(
    `${SELECT}, ${FIGURES} ${FROM}
     WHERE p.campaign_id = $1 AND ($2::int IS NULL OR p.unit_id = $2) ORDER BY p.code`,
    [campaignId, unitId ?? null],
  );
}

/** The ledger without per-project sums, for the aggregate recompute (which sums reports itself). */
export async function listProjectsBare(q: Queryable, campaignId: number): Promise<Project[]> {
  return q.query<Project>(`${SELECT}, 0 AS "completedToDate", 0 AS "investmentSinceStart" ${FROM} WHERE p.campaign_id = $1 ORDER BY p.code`, [campaignId]);
}

/** Some projects without per-project sums (a change's touched projects, for the recompute). */
export async function listProjectsBareByIds(q: Queryable, ids: readonly number[]): Promise<Project[]> {
  return q.query<Project>(`${SELECT}, 0 AS "completedToDate", 0 AS "investmentSinceStart" ${FROM} WHERE p.id = ANY($1::int[])`, [[...ids]]);
}

export async function getProject(q: Queryable, id: number): Promise<Project | null> {
  const rows = await q.query<Project>(`${SELECT}, ${FIGURES} ${FROM} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Locks the project row until the transaction ends, so reports on it apply one at a time. */
export async function lockProject(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [id])).length > 0;
}

export async function setMilestones(
  q: Queryable,
  id: number,
  m: { startedOn: string | null; completedOn: string | null; stage: Stage },
): Promise<void> {
  await q.query(
    `UPDATE projects SET started_on = $2, completed_on = $3, stage = $4, row_version = row_version + 1, updated_at = now()
     WHERE id = $1`,
    [id, m.startedOn, m.completedOn, m.stage],
  );
}

/** Columns staff may edit, by the field names of shared/api.ts projectPatchInput. */
const EDITABLE: Record<string, string> = {
  name: 'name', domainId: 'domain_id', levels: 'levels', unitId: 'unit_id', leadUnit: 'lead_unit',
  leaderId: 'leader_id', chargeLeaderId: 'charge_leader_id', commissioner: 'commissioner',
  totalInvestment: 'total_investment', plannedStart: 'planned_start', plannedCompletion: 'planned_completion',
  stage: 'stage', township: 'township', lat: 'lat', lon: 'lon', content: 'content', annualPlan: 'annual_plan',
};

/** Writes the given fields and bumps row_version; false when rowVersion is no longer current. */
export async function updateProject(q: Queryable, id: number, rowVersion: number, fields: Record<string, unknown>): Promise<boolean> {
  const params: unknown[] = [id, rowVersion];
  const sets = Object.entries(fields)
    .filter(([k]) => k in EDITABLE)
    .map(([k, v]) => `${EDITABLE[k]} = $${params.push(v)}`);
  const rows = await q.query(
    `UPDATE projects SET ${[...sets, 'row_version = row_version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 AND row_version = $2 RETURNING id`,
    params,
  );
  return rows.length > 0;
}

export async function getMonthlyPlan(q: Queryable, projectId: number, year: number): Promise<Map<string, number>> {
  const rows = await q.query<{ month: string; amount: number }>(
    `SELECT month, amount FROM monthly_plans WHERE project_id = $1 AND month LIKE $2 ORDER BY month`,
    [projectId, `${year}-%`],
  );
  return new Map(rows.map((r) => [r.month, r.amount]));
}

export async function replaceMonthlyPlan(q: Queryable, projectId: number, year: number, months: string[], amounts: number[] | null) {
  await q.query('DELETE FROM monthly_plans WHERE project_id = $1 AND month LIKE $2', [projectId, `${year}-%`]);
  if (!amounts) return;
  const params: unknown[] = [projectId];
  const tuples = months.map((m, i) => `($1, $${params.push(m)}, $${params.push(amounts[i])})`);
  await q.query(`INSERT INTO monthly_plans (project_id, month, amount) VALUES ${tuples.join(', ')}`, params);
}
