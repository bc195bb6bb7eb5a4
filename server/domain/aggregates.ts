// The campaign year's figures: totals, by domain and level, the monthly trend and the lagging list.
// Each project's facts (projectFacts.ts) are added up in the ledger's order; a province-scale ledger
// has ~15,000 projects and ~200,000 plan and report rows, so a change of one project reuses the
// others' facts from the previous recompute (recomputeSummary's memo).
import { monthOf, monthsOfYear, yearOf } from '../../shared/dates.js';
import { ratio, type Yuan } from '../../shared/money.js';
import { LAGGING_LIMIT, type OpenMonth, type GroupFigures, type LaggingProject, type LeaderFigures, type Totals, type TrendPoint, type UnitRank } from '../../shared/snapshot.js';
import type { Leader, LeaderRank, Project, RankingWeights } from '../../shared/types.js';
import { SEVERITY_RANK } from './lagRules.js';
import type { LagHit, LedgerInput, MonthlyFigure } from './ledger.js';
import { factsContext, projectFacts, rowsByProject, type LaggingEntry, type ProjectFacts } from './projectFacts.js';
import { rankUnits } from './ranking.js';
import { addProject, copyTallies, emptyTallies, type LeaderTally, type Tallies, type Tally } from './tallies.js';

export interface Summary {
  today: string;
  /** 数据统计至: money, plans and 序时 count through this month. */
  reportingMonth: string;
  /** Months of the year through reportingMonth / 12. */
  scheduleRatio: number;
  /** 本月已报 (live only). */
  openMonth: OpenMonth | null;
  totals: Totals;
  byDomain: GroupFigures[];
  byLevel: GroupFigures[];
  /** 挂点领导: the leaders linked to the campaign's projects, by rank; a project counts for each of its leaders. */
  byLeader: LeaderFigures[];
  trend: TrendPoint[];
  /** At most LAGGING_LIMIT, worst first. */
  lagging: LaggingProject[];
  /** Every rule hit, for the alert sync. */
  hits: LagHit[];
  completedByProject: Map<number, Yuan>;
  /** Each project's planned-to-date amount (序时). */
  scheduleByProject: Map<number, Yuan>;
  /** 比赶超, best first. */
  ranking: UnitRank[];
  /** The weights the ranking was scored with. */
  rankingWeights: RankingWeights;
}

/** 县长, 常务副县长, then the other leaders, each in the store's order. */
const LEADER_RANK_ORDER: Record<LeaderRank, number> = { county_head: 0, executive_deputy: 1, deputy: 2, other: 3 };

function figures(key: string, name: string, target: Yuan | null, t: Tally): GroupFigures {
  return {
    key,
    name,
    projects: t.projects,
    target,
    annualPlan: t.annualPlan,
    completed: t.completed,
    completionRate: ratio(t.completed, t.annualPlan),
    schedulePlan: t.schedulePlan,
    scheduleRate: ratio(t.completed, t.schedulePlan),
    laggingCount: t.laggingCount,
  };
}

/** What a summary leaves for the next one: each project's facts and their sums, under the context they were computed in. */
export interface SummaryMemo {
  readonly key: string;
  readonly facts: ReadonlyMap<number, ProjectFacts>;
  /** The projects and small tables the sums were added up over. */
  readonly projects: readonly Project[];
  readonly tables: Pick<LedgerInput, 'domains' | 'levels' | 'leaders'>;
  readonly sums: Sums;
}

/** What adds up over the projects (never changed once in a memo: the next call updates a copy). */
interface Sums {
  tallies: Tallies;
  completedByProject: Map<number, Yuan>;
  scheduleByProject: Map<number, Yuan>;
  /** Every project's hits and lagging entry, in the ledger's order. */
  hits: LagHit[];
  lagging: LaggingEntry[];
  /** Each project's place in the ledger. */
  position: ReadonlyMap<number, number>;
}

export interface SummaryReuse {
  memo: SummaryMemo | null;
  /** The projects whose row or rows may differ from those the memo was computed from. */
  changed: ReadonlySet<number>;
}

export function computeSummary(input: LedgerInput): Summary {
  return recomputeSummary(input, null).summary;
}

/**
 * The summary, and the memo for the next call. With `reuse`, the facts of a project not `changed`
 * are the memo's when it was computed in the same context (day, 口径, year, settings); only the
 * changed projects' rows are grouped and their facts computed, and where the ledger has the same
 * projects in the same order and units, the sums are the memo's with the changed projects' old
 * facts taken out and their new ones put in. The figures are those computeSummary gives, lists in
 * the same order.
 */
export function recomputeSummary(input: LedgerInput, reuse: SummaryReuse | null): { summary: Summary; memo: SummaryMemo } {
  const ctx = factsContext(input);
  const { campaign, today } = input;
  const { year, months, asOf } = ctx;
  const month = asOf.month;
  const held = reuse?.memo?.key === ctx.key ? reuse.memo : null;
  // Positions in the ledger of the projects whose facts are computed afresh (all without a memo).
  let stale: number[] | null = null;
  if (held) {
    stale = [];
    for (let i = 0; i < input.projects.length; i++) if (reuse!.changed.has(input.projects[i].id) || !held.facts.has(input.projects[i].id)) stale.push(i);
  }
  const rowsOf = rowsByProject(input, stale && new Set(stale.map((i) => input.projects[i].id)));
  const fresh = (i: number) => projectFacts(input.projects[i], rowsOf(input.projects[i].id), ctx);
  const { facts, sums } = held && stale && updatable(held, input, stale) ? updated(held, input, stale, fresh) : added(input, held, stale, fresh);

  const { total, totalInvestment, byDomain, byLevel, byLeader, units, planByMonth, actualByMonth, counts } = sums.tallies;
  const summary: Summary = {
    today,
    reportingMonth: month,
    scheduleRatio: months / 12,
    openMonth: asOf.monthEnd ? null : openMonthOf(input.monthly, year, month, today),
    totals: {
      projects: total.projects,
      totalInvestment,
      annualPlan: total.annualPlan,
      completed: total.completed,
      completionRate: ratio(total.completed, total.annualPlan),
      schedulePlan: total.schedulePlan,
      scheduleRate: ratio(total.completed, total.schedulePlan),
      ...counts,
      startRate: ratio(counts.started, counts.startPlanned),
      completionProjectRate: ratio(counts.completedProjects, counts.completionPlanned),
      laggingCount: total.laggingCount,
    },
    byDomain: [...input.domains]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((d) => figures(d.code, d.name, d.target || null, byDomain.get(d.id)!)),
    byLevel: input.levels.map((l) => figures(l.code, l.name, l.plannedAnnual, byLevel.get(l.code)!)),
    byLeader: leaderFigures(input.leaders, byLeader),
    trend: trendPoints(monthsOfYear(year), planByMonth, actualByMonth),
    lagging: worstFirst(sums.lagging, LAGGING_LIMIT).map((l) => l.project),
    // A copy: the memo's list is the next call's to update.
    hits: [...sums.hits],
    completedByProject: sums.completedByProject,
    scheduleByProject: sums.scheduleByProject,
    ranking: rankUnits(units.values(), campaign.settings.rankingWeights),
    rankingWeights: campaign.settings.rankingWeights,
  };
  const { domains, levels, leaders } = input;
  return { summary, memo: { key: ctx.key, facts, projects: input.projects, tables: { domains, levels, leaders }, sums } };
}

/** Every project's facts (the memo's where they hold) added up in the ledger's order. */
function added(input: LedgerInput, held: SummaryMemo | null, stale: number[] | null, fresh: (i: number) => ProjectFacts) {
  const again = stale && new Set(stale);
  const facts = new Map<number, ProjectFacts>();
  const position = new Map<number, number>();
  const sums: Sums = { tallies: emptyTallies(input.domains, input.levels, input.leaders), completedByProject: new Map(), scheduleByProject: new Map(), hits: [], lagging: [], position };
  input.projects.forEach((project, i) => {
    const f = held && !again!.has(i) ? held.facts.get(project.id)! : fresh(i);
    facts.set(project.id, f);
    position.set(project.id, i);
    addProject(sums.tallies, project, f, 1);
    sums.completedByProject.set(project.id, f.completed);
    sums.scheduleByProject.set(project.id, f.schedulePlan);
    for (const hit of f.hits) sums.hits.push(hit);
    if (f.lagging) sums.lagging.push(f.lagging);
  });
  return { facts, sums };
}

/**
 * Whether the memo's sums can be updated by the changed projects alone: the same projects in the
 * same order, the same small tables, and no changed project moved to another unit (the ranking
 * lists units in the order of their first project, named after it).
 */
function updatable(held: SummaryMemo, input: LedgerInput, stale: readonly number[]): boolean {
  const before = held.projects;
  if (held.tables.domains !== input.domains || held.tables.levels !== input.levels || held.tables.leaders !== input.leaders) return false;
  if (before.length !== input.projects.length || input.projects.some((p, i) => p.id !== before[i].id)) return false;
  return stale.every((i) => before[i].unitId === input.projects[i].unitId && before[i].unit === input.projects[i].unit);
}

/** The memo's sums with the stale projects' old facts taken out and their new ones put in. */
function updated(held: SummaryMemo, input: LedgerInput, stale: readonly number[], fresh: (i: number) => ProjectFacts) {
  const facts = new Map(held.facts);
  const now = stale.map(fresh);
  const { position } = held.sums;
  const sums: Sums = {
    tallies: copyTallies(held.sums.tallies),
    completedByProject: new Map(held.sums.completedByProject),
    scheduleByProject: new Map(held.sums.scheduleByProject),
    hits: respliced(held.sums.hits, (h) => h.projectId, position, input, stale, (k) => now[k].hits),
    lagging: respliced(held.sums.lagging, (l) => l.project.projectId, position, input, stale, (k) => (now[k].lagging ? [now[k].lagging!] : [])),
    position,
  };
  stale.forEach((i, k) => {
    const project = input.projects[i];
    const f = now[k];
    addProject(sums.tallies, held.projects[i], held.facts.get(project.id)!, -1);
    addProject(sums.tallies, project, f, 1);
    facts.set(project.id, f);
    sums.completedByProject.set(project.id, f.completed);
    sums.scheduleByProject.set(project.id, f.schedulePlan);
  });
  return { facts, sums };
}

/**
 * A list grouped by project in the ledger's order with the items of the projects at `stale`
 * (ascending) replaced by `now(k)` of the k-th: the others' stay where they were.
 */
function respliced<T>(
  list: readonly T[], projectOf: (item: T) => number, position: ReadonlyMap<number, number>, input: LedgerInput, stale: readonly number[], now: (k: number) => readonly T[],
): T[] {
  const out: T[] = [];
  let from = 0;
  stale.forEach((i, k) => {
    // The first item of a project at or after position i.
    let lo = from;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (position.get(projectOf(list[mid]))! < i) lo = mid + 1;
      else hi = mid;
    }
    for (let j = from; j < lo; j++) out.push(list[j]);
    for (const item of now(k)) out.push(item);
    const id = input.projects[i].id;
    from = lo;
    while (from < list.length && projectOf(list[from]) === id) from++;
  });
  for (let j = from; j < list.length; j++) out.push(list[j]);
  return out;
}

/** Most severe first, then furthest behind 序时, then by code. */
const compareLagging = (a: LaggingEntry, b: LaggingEntry) =>
  SEVERITY_RANK[b.project.severity] - SEVERITY_RANK[a.project.severity] ||
  b.gap - a.gap ||
  (a.project.code < b.project.code ? -1 : a.project.code > b.project.code ? 1 : 0);

/**
 * The first `limit` of `entries` stably sorted by compareLagging — what sort().slice() gives — in one
 * pass: a province has thousands of lagging projects and the wall lists fifty.
 */
function worstFirst(entries: readonly LaggingEntry[], limit: number): LaggingEntry[] {
  const top: LaggingEntry[] = [];
  for (const e of entries) {
    if (top.length === limit && compareLagging(e, top[limit - 1]) >= 0) continue;
    // After every entry that does not come after it (those earlier in the ledger stay first on a tie).
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareLagging(e, top[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, e);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The store's leaders serve every campaign year: those without a project this year are left out. */
function leaderFigures(leaders: readonly Leader[], byLeader: ReadonlyMap<number, LeaderTally>): LeaderFigures[] {
  return leaders
    .map((leader, order) => ({ leader, order }))
    .filter(({ leader }) => byLeader.get(leader.id)!.projects > 0)
    .sort((a, b) => LEADER_RANK_ORDER[a.leader.rank] - LEADER_RANK_ORDER[b.leader.rank] || a.order - b.order)
    .map(({ leader }) => {
      const t = byLeader.get(leader.id)!;
      return {
        ...figures(String(leader.id), leader.name, null, t),
        leaderId: leader.id,
        title: leader.title,
        rank: leader.rank,
        pointProjects: t.pointProjects,
        chargeProjects: t.chargeProjects,
        openProblems: t.openProblems,
      };
    });
}

/** 本月已报: the accepted reports of the campaign year's months after `month` (the month still open). */
function openMonthOf(monthly: readonly MonthlyFigure[], year: number, month: string, today: string): OpenMonth | null {
  const open = monthOf(today);
  if (yearOf(open) !== year || open <= month) return null;
  let investment = 0;
  const projects = new Set<number>();
  for (const f of monthly) {
    if (f.status !== 'accepted' || f.month <= month || yearOf(f.month) !== year) continue;
    investment += f.investment;
    projects.add(f.projectId);
  }
  return { month: open, investment, projects: projects.size };
}

function trendPoints(months: string[], plan: Yuan[], actual: Yuan[]): TrendPoint[] {
  let planCum = 0;
  let actualCum = 0;
  return months.map((month, i) => {
    planCum += plan[i];
    actualCum += actual[i];
    return { month, plan: plan[i], actual: actual[i], planCum, actualCum };
  });
}
