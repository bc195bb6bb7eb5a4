// Loads everything the aggregate recompute needs for one campaign, in a handful of queries run together.
import type { Campaign, Domain, Leader, Level } from '../../shared/types.js';
import type { LedgerInput, LedgerProblem, MonthlyFigure, MonthlyPlan, OpeningBalance } from '../domain/ledger.js';
import type { Queryable } from './db.js';
import { AGENDA, HELD_MEETINGS, STATE_HISTORY } from './problems.js';
import { listProjectsBare, listProjectsBareByIds } from './projects.js';

/** The rows a change of one project touches: its plans, reports, opening balance and problems. */
export type ProjectRows = Pick<LedgerInput, 'plans' | 'monthly' | 'problems'> & { openings: OpeningBalance[] };

export async function loadLedger(q: Queryable, campaign: Campaign, today: string): Promise<LedgerInput> {
  const [names, projects, rows] = await Promise.all([loadNames(q, campaign.id), listProjectsBare(q, campaign.id), loadProjectRows(q, campaign.id, null)]);
  return { campaign, today, ...names, projects, ...rows };
}

/** The campaign's small tables: domains, levels, leaders (read whole by every recompute). */
async function loadNames(q: Queryable, campaignId: number): Promise<Pick<LedgerInput, 'domains' | 'levels' | 'leaders'>> {
  const [domains, levels, leaders] = await Promise.all([
    q.query<Domain>('SELECT id, code, name, target, sort_order AS "sortOrder" FROM domains WHERE campaign_id = $1 ORDER BY sort_order, id', [campaignId]),
    q.query<Level>(
      `SELECT code, name, planned_count AS "plannedCount", planned_annual AS "plannedAnnual"
       FROM levels WHERE campaign_id = $1 ORDER BY sort_order, code`,
      [campaignId],
    ),
    q.query<Leader>('SELECT id, name, title, rank FROM leaders ORDER BY id'),
  ]);
  return { domains, levels, leaders };
}

/**
 * The ledger with only `touched` projects read again (their rows, plans, reports, opening balances,
 * problems), the rest from `held`, the ledger as it stood at the version before the change: every
 * other write (a rename, a setting, a project's edit) bumps the version and reads the whole ledger.
 * Null when `held` lacks a touched project: read the whole ledger then.
 */
export async function reloadLedger(
  q: Queryable, held: LedgerInput, campaign: Campaign, today: string, touched: readonly number[], opts: { problems: boolean } = { problems: true },
): Promise<LedgerInput | null> {
  const [fresh, rows] = await Promise.all([listProjectsBareByIds(q, touched), loadProjectRows(q, campaign.id, [...touched], opts.problems)]);
  const ids = new Set(touched);
  if (fresh.length !== ids.size || fresh.some((p) => !held.projects.some((h) => h.id === p.id))) return null;
  const byId = new Map(fresh.map((p) => [p.id, p]));
  const projects = held.projects.map((p) => byId.get(p.id) ?? p);
  const keep = <T extends { projectId: number }>(old: readonly T[] | undefined, now: T[]) => [...(old ?? []).filter((r) => !ids.has(r.projectId)), ...now];
  return {
    campaign, today, domains: held.domains, levels: held.levels, leaders: held.leaders, projects,
    plans: keep(held.plans, rows.plans),
    monthly: keep(held.monthly, rows.monthly),
    openings: keep(held.openings, rows.openings),
    problems: rows.problems ? keep(held.problems, rows.problems) : held.problems,
  };
}

/** Plans, reports, opening balances and problems of the campaign's projects (`only` these, when given). */
async function loadProjectRows(q: Queryable, campaignId: number, only: number[] | null): Promise<ProjectRows>;
/** Without `problems` the problem rows are not read (null): the change wrote none. */
async function loadProjectRows(q: Queryable, campaignId: number, only: number[] | null, problems: boolean): Promise<Omit<ProjectRows, 'problems'> & { problems: LedgerProblem[] | null }>;
async function loadProjectRows(q: Queryable, campaignId: number, only: number[] | null, problems = true): Promise<Omit<ProjectRows, 'problems'> & { problems: LedgerProblem[] | null }> {
  const which = 'p.campaign_id = $1 AND ($2::int[] IS NULL OR p.id = ANY($2::int[]))';
  const args = [campaignId, only];
  const [plans, monthly, openings, problemRows] = await Promise.all([
    q.query<MonthlyPlan>(
      `SELECT mp.project_id AS "projectId", mp.month, mp.amount FROM monthly_plans mp
       JOIN projects p ON p.id = mp.project_id WHERE ${which}`,
      args,
    ),
    // Per project and month: the latest accepted revision, else the latest submitted, else the latest;
    // with when the month was first filed (not as a draft).
    q.query<MonthlyFigure>(
      `SELECT DISTINCT ON (r.project_id, r.month) r.project_id AS "projectId", r.month, r.investment, r.status,
         r.created_at AS "submittedAt",
         min(r.created_at) FILTER (WHERE r.status <> 'draft') OVER (PARTITION BY r.project_id, r.month) AS "firstFiledAt"
       FROM reports r JOIN projects p ON p.id = r.project_id
       WHERE ${which}
       ORDER BY r.project_id, r.month, (r.status = 'accepted') DESC, (r.status = 'submitted') DESC, r.revision DESC`,
      args,
    ),
    q.query<OpeningBalance>(
      `SELECT ob.project_id AS "projectId", ob.through_month AS "throughMonth", ob.completed, ob.since_start AS "sinceStart"
       FROM opening_balances ob JOIN projects p ON p.id = ob.project_id WHERE ${which}`,
      args,
    ),
    // The held meetings that had the problem on the agenda (通报批评) and its states over time (口径 as of a day).
    !problems ? null : q.query<LedgerProblem>(
      `SELECT pr.id, pr.project_id AS "projectId", pr.state, to_char(pr.due_on, 'YYYY-MM-DD') AS "dueOn",
         to_char(pr.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn", ${HELD_MEETINGS} AS meetings,
         ${AGENDA} AS agenda, to_char(pr.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn",
         ${STATE_HISTORY} AS history
       FROM problems pr JOIN projects p ON p.id = pr.project_id WHERE ${which}`,
      args,
    ),
  ]);
  return { plans, monthly, openings, problems: problemRows };
}
