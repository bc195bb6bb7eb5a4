import type { Project, Stage } from '../../shared/types.js';
import type { Queryable } from './db.js';

/** Accepted investment of the campaign year: the latest accepted revision of each month. */
const COMPLETED_TO_DATE = `COALESCE((
  SELECT sum(investment) FROM (
    SELECT DISTINCT ON (r.month) r.investment FROM reports r
    WHERE r.project_id = p.id AND r.status = 'accepted' AND r.month LIKE c.year || '-%'
    ORDER BY r.month, r.revision DESC) a), 0)::int8`;

const SELECT = `SELECT p.id, p.code, p.name, p.domain_id AS "domainId", d.name AS domain, p.levels,
  p.unit_id AS "unitId", u.name AS unit, p.lead_unit AS "leadUnit",
  p.leader_id AS "leaderId", l1.name AS leader, p.charge_leader_id AS "chargeLeaderId", l2.name AS "chargeLeader",
  p.commissioner, p.total_investment AS "totalInvestment", p.annual_plan AS "annualPlan",
  to_char(p.planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(p.planned_completion, 'YYYY-MM-DD') AS "plannedCompletion",
  to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(p.completed_on, 'YYYY-MM-DD') AS "completedOn",
  p.stage, p.township, p.lat, p.lon, p.content`;

const FROM = `FROM projects p
  JOIN campaigns c ON c.id = p.campaign_id
  JOIN domains d ON d.id = p.domain_id
  JOIN units u ON u.id = p.unit_id
  LEFT JOIN leaders l1 ON l1.id = p.leader_id
  LEFT JOIN leaders l2 ON l2.id = p.charge_leader_id`;

/** The ledger with each project's completed investment this year. */
export async function listProjects(q: Queryable, campaignId: number): Promise<Project[]> {
  return q.query<Project>(`${SELECT}, ${COMPLETED_TO_DATE} AS "completedToDate" ${FROM} WHERE p.campaign_id = $1 ORDER BY p.code`, [campaignId]);
}

/** The ledger without per-project sums, for the aggregate recompute (which sums reports itself). */
export async function listProjectsBare(q: Queryable, campaignId: number): Promise<Project[]> {
  return q.query<Project>(`${SELECT}, 0 AS "completedToDate" ${FROM} WHERE p.campaign_id = $1 ORDER BY p.code`, [campaignId]);
}

export async function getProject(q: Queryable, id: number): Promise<Project | null> {
  const rows = await q.query<Project>(`${SELECT}, ${COMPLETED_TO_DATE} AS "completedToDate" ${FROM} WHERE p.id = $1`, [id]);
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
