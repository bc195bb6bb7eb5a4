// 年度结转: copies what carries into the next campaign year — the projects not completed by 31
// December (with their investment since start as an opening balance) and their open problems.
import type { Actor } from './audit.js';
import { insertMany } from './bulk.js';
import type { Queryable } from './db.js';
import { getProject, listProjects } from './projects.js';

const PROJECT_COLUMNS = `code, name, levels, unit_id, lead_unit, leader_id, charge_leader_id, commissioner, total_investment,
  planned_start, planned_completion, started_on, stage, township, lat, lon, content`;

const PROBLEM_COLUMNS = `category, description, asked_of, coordinating_unit, due_on, state, raised_by, created_at, level,
  resolution, resolved_by, resolved_at, confirmed_by, return_reason, updated_at`;

/** Carries the unfinished projects of campaign `from` (year `year`) into `to`; returns old id → new id. */
export async function carryProjects(q: Queryable, from: number, to: number, year: number, actor: Actor): Promise<Map<number, number>> {
  const sinceStart = new Map((await listProjects(q, from)).map((p) => [p.id, p.investmentSinceStart]));
  // The new year's plans are set afresh (console or the annual-plan sheet): the annual plan starts at 0.
  const rows = await q.query<{ id: number; carriedFrom: number }>(
    `INSERT INTO projects (campaign_id, domain_id, annual_plan, completed_on, carried_from, ${PROJECT_COLUMNS})
     SELECT $2, nd.id, 0, NULL, p.id, ${PROJECT_COLUMNS.split(',').map((c) => `p.${c.trim()}`).join(', ')}
     FROM projects p
       LEFT JOIN domains od ON od.id = p.domain_id
       LEFT JOIN domains nd ON nd.campaign_id = $2 AND nd.code = od.code
     WHERE p.campaign_id = $1 AND (p.completed_on IS NULL OR p.completed_on > make_date($3, 12, 31))
     ORDER BY p.code
     RETURNING id, carried_from AS "carriedFrom"`,
    [from, to, year],
  );
  const carried = new Map(rows.map((r) => [r.carriedFrom, r.id]));
  await insertMany(
    q, 'opening_balances',
    ['project_id', 'through_month', 'completed', 'since_start', 'source_file', 'source_sheet', 'source_row', 'imported_by', 'imported_by_name'],
    rows.map((r) => [r.id, `${year}-12`, 0, sinceStart.get(r.carriedFrom) ?? 0, '年度结转', `${year}年度台账`, 0, actor.userId, actor.name]),
  );
  return carried;
}

/** The open problems of the carried projects, copied with a history step saying where they came from. */
export async function carryProblems(q: Queryable, carried: Map<number, number>, year: number, actor: Actor): Promise<number> {
  if (carried.size === 0) return 0;
  const [oldIds, newIds] = [[...carried.keys()], [...carried.values()]];
  const rows = await q.query<{ id: number; state: string }>(
    `INSERT INTO problems (project_id, ${PROBLEM_COLUMNS})
     SELECT m.new_id, ${PROBLEM_COLUMNS.split(',').map((c) => `pr.${c.trim()}`).join(', ')}
     FROM problems pr JOIN unnest($1::int[], $2::int[]) AS m(old_id, new_id) ON m.old_id = pr.project_id
     WHERE pr.state NOT IN ('closed', 'returned')
     ORDER BY pr.id
     RETURNING id, state`,
    [oldIds, newIds],
  );
  await insertMany(
    q, 'problem_steps', ['problem_id', 'actor', 'action', 'from_state', 'to_state', 'note'],
    rows.map((r) => [r.id, actor.name, 'raise', null, r.state, `由${year}年度结转`]),
  );
  return rows.length;
}

/**
 * After a late report in a year already rolled over: the next year's copy takes the new since-start
 * total. The next year's campaign id when it has a copy (its figures moved), else null.
 */
export async function syncCarriedSinceStart(q: Queryable, projectId: number): Promise<number | null> {
  // Most projects have no copy in a next year: the figures are read only for one that has.
  const [copy] = await q.query<{ campaignId: number }>('SELECT campaign_id AS "campaignId" FROM projects WHERE carried_from = $1 LIMIT 1', [projectId]);
  if (!copy) return null;
  const total = (await getProject(q, projectId))?.investmentSinceStart;
  if (total === undefined) return null;
  await q.query(
    `UPDATE opening_balances SET since_start = $2 WHERE project_id = (SELECT id FROM projects WHERE carried_from = $1)`,
    [projectId, total],
  );
  return copy.campaignId;
}

/**
 * The project a report of `year` belongs to: this one, or — for a month of an earlier year, across
 * the turn — the project it was carried from in that year.
 */
export async function projectOfYear(q: Queryable, projectId: number, year: number): Promise<number> {
  let id = projectId;
  for (let hops = 0; hops < 20; hops++) {
    const [row] = await q.query<{ year: number; carriedFrom: number | null }>(
      'SELECT c.year, p.carried_from AS "carriedFrom" FROM projects p JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = $1',
      [id],
    );
    if (!row || row.year <= year || row.carriedFrom === null) return id;
    id = row.carriedFrom;
  }
  return id;
}

/**
 * A late December report that completes a project after the rollover: its copy in the next year goes,
 * as completed projects stay in their year — unless the copy already has a life of its own (reports,
 * meeting items, escalations, contacts). Returns the next year's campaign id when the copy was removed.
 */
export async function dropCarriedIfCompleted(q: Queryable, projectId: number): Promise<number | null> {
  const [copy] = await q.query<{ id: number; campaignId: number }>(
    `SELECT n.id, n.campaign_id AS "campaignId" FROM projects n
       JOIN projects o ON o.id = n.carried_from JOIN campaigns c ON c.id = o.campaign_id
     WHERE n.carried_from = $1 AND o.completed_on IS NOT NULL AND o.completed_on <= make_date(c.year, 12, 31)
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.project_id = n.id)
       AND NOT EXISTS (SELECT 1 FROM commissioner_contacts k WHERE k.project_id = n.id)
       AND NOT EXISTS (SELECT 1 FROM meeting_items mi JOIN problems pr ON pr.id = mi.problem_id WHERE pr.project_id = n.id)
       AND NOT EXISTS (SELECT 1 FROM alert_escalations e JOIN alerts a ON a.id = e.alert_id WHERE a.project_id = n.id)`,
    [projectId],
  );
  if (!copy) return null;
  await q.query('DELETE FROM problem_steps WHERE problem_id IN (SELECT id FROM problems WHERE project_id = $1)', [copy.id]);
  for (const table of ['problems', 'alerts', 'events', 'opening_balances', 'monthly_plans']) {
    await q.query(`DELETE FROM ${table} WHERE project_id = $1`, [copy.id]);
  }
  await q.query('DELETE FROM projects WHERE id = $1', [copy.id]);
  return copy.campaignId;
}
