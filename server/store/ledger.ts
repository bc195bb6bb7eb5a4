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
 * problems), the rest from `held`, the ledger as it stood before the change. The small tables are
 * read whole, and every project's unit, leader and domain names follow them (a renamed unit bumps no
 * version). Null when `held` lacks a touched project: read the whole ledger then.
 */
export async function reloadLedger(q: Queryable, held: LedgerInput, campaign: Campaign, today: string, touched: readonly number[]): Promise<LedgerInput | null> {
  const [{ domains, levels, leaders }, units, fresh, rows] = await Promise.all([
    loadNames(q, campaign.id),
    q.query<{ id: number; name: string }>('SELECT id, name FROM units'),
    listProjectsBareByIds(q, touched),
    loadProjectRows(q, campaign.id, [...touched]),
  ]);
  const ids = new Set(touched);
  if (fresh.length !== ids.size || fresh.some((p) => !held.projects.some((h) => h.id === p.id))) return null;
  const byId = new Map(fresh.map((p) => [p.id, p]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
  const domainName = new Map(domains.map((d) => [d.id, d.name]));
  const projects = held.projects.map((p) => byId.get(p.id) ?? {
    ...p,
    unit: unitName.get(p.unitId) ?? p.unit,
    leader: p.leaderId === null ? null : leaderName.get(p.leaderId) ?? p.leader,
    chargeLeader: p.chargeLeaderId === null ? null : leaderName.get(p.chargeLeaderId) ?? p.chargeLeader,
    domain: p.domainId === null ? p.domain : domainName.get(p.domainId) ?? p.domain,
  });
  const keep = <T extends { projectId: number }>(old: readonly T[] | undefined, now: T[]) => [...(old ?? []).filter((r) => !ids.has(r.projectId)), ...now];
  return {
    campaign, today, domains, levels, leaders, projects,
    plans: keep(held.plans, rows.plans),
    monthly: keep(held.monthly, rows.monthly),
    openings: keep(held.openings, rows.openings),
    problems: keep(held.problems, rows.problems),
  };
}

/** Plans, reports, opening balances and problems of the campaign's projects (`only` these, when given). */
async function loadProjectRows(q: Queryable, campaignId: number, only: number[] | null): Promise<ProjectRows> {
  const which = 'p.campaign_id = $1 AND ($2::int[] IS NULL OR p.id = ANY($2::int[]))';
  const args = [campaignId, only];
  const [plans, monthly, openings, problems] = await Promise.all([
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
    q.query<LedgerProblem>(
      `SELECT pr.id, pr.project_id AS "projectId", pr.state, to_char(pr.due_on, 'YYYY-MM-DD') AS "dueOn",
         to_char(pr.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn", ${HELD_MEETINGS} AS meetings,
         ${AGENDA} AS agenda, to_char(pr.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn",
         ${STATE_HISTORY} AS history
       FROM problems pr JOIN projects p ON p.id = pr.project_id WHERE ${which}`,
      args,
    ),
  ]);
  return { plans, monthly, openings, problems };
}
