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
import { emptyUnitTally, rankUnits, type UnitTally } from './ranking.js';

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

interface Tally {
  projects: number;
  annualPlan: Yuan;
  completed: Yuan;
  schedulePlan: Yuan;
  laggingCount: number;
}

const emptyTally = (): Tally => ({ projects: 0, annualPlan: 0, completed: 0, schedulePlan: 0, laggingCount: 0 });

function add(tally: Tally | undefined, row: Tally): void {
  if (!tally) return;
  tally.projects += row.projects;
  tally.annualPlan += row.annualPlan;
  tally.completed += row.completed;
  tally.schedulePlan += row.schedulePlan;
  tally.laggingCount += row.laggingCount;
}

interface LeaderTally extends Tally {
  pointProjects: number;
  chargeProjects: number;
  openProblems: number;
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

/** What a summary leaves for the next one: each project's facts, under the context they were computed in. */
export interface SummaryMemo {
  readonly key: string;
  readonly facts: ReadonlyMap<number, ProjectFacts>;
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
 * changed projects' rows are grouped and their facts computed. The figures are those computeSummary
 * gives, in the same order: the projects' facts are added up in the ledger's order every time.
 */
export function recomputeSummary(input: LedgerInput, reuse: SummaryReuse | null): { summary: Summary; memo: SummaryMemo } {
  const ctx = factsContext(input);
  const { campaign, today } = input;
  const { year, months, asOf } = ctx;
  const month = asOf.month;
  const held = reuse?.memo?.key === ctx.key ? reuse.memo.facts : null;
  const stale = held && new Set(input.projects.filter((p) => reuse!.changed.has(p.id) || !held.has(p.id)).map((p) => p.id));
  const rowsOf = rowsByProject(input, stale);
  const openMonth = asOf.monthEnd ? null : openMonthOf(input.monthly, year, month, today);
  const facts = new Map<number, ProjectFacts>();
  const units = new Map<number, UnitTally>();

  const total = emptyTally();
  const byDomain = new Map(input.domains.map((d) => [d.id, emptyTally()]));
  const byLevel = new Map(input.levels.map((l) => [l.code, emptyTally()]));
  const byLeader = new Map(input.leaders.map((l) => [l.id, { ...emptyTally(), pointProjects: 0, chargeProjects: 0, openProblems: 0 } as LeaderTally]));
  const planByMonth = new Array<Yuan>(12).fill(0);
  const actualByMonth = new Array<Yuan>(12).fill(0);
  const counts = { startPlanned: 0, started: 0, completionPlanned: 0, completedProjects: 0 };
  const completedByProject = new Map<number, Yuan>();
  const scheduleByProject = new Map<number, Yuan>();
  const hits: LagHit[] = [];
  const lagging: LaggingEntry[] = [];
  let totalInvestment = 0;

  for (const project of input.projects) {
    const f = (held && !stale!.has(project.id) && held.get(project.id)) || projectFacts(project, rowsOf(project.id), ctx);
    facts.set(project.id, f);
    const { completed, schedulePlan } = f;
    for (let i = 0; i < f.actual.length; i += 2) actualByMonth[f.actual[i]] += f.actual[i + 1];
    for (let i = 0; i < f.plan.length; i += 2) planByMonth[f.plan[i]] += f.plan[i + 1];
    completedByProject.set(project.id, completed);
    scheduleByProject.set(project.id, schedulePlan);
    totalInvestment += project.totalInvestment;
    for (const hit of f.hits) hits.push(hit);
    if (f.lagging) lagging.push(f.lagging);

    const row: Tally = { projects: 1, annualPlan: project.annualPlan, completed, schedulePlan, laggingCount: f.hits.length > 0 ? 1 : 0 };
    add(total, row);
    if (project.domainId !== null) add(byDomain.get(project.domainId), row);
    for (const level of project.levels) add(byLevel.get(level), row);
    addToLeaders(byLeader, project, row, f.openProblems);

    const unit = units.get(project.unitId) ?? emptyUnitTally(project.unitId, project.unit);
    units.set(project.unitId, unit);
    add(unit, row);
    counts.startPlanned += f.counts.startPlanned;
    counts.started += f.counts.started;
    counts.completionPlanned += f.counts.completionPlanned;
    counts.completedProjects += f.counts.completedProjects;
    unit.startDue += f.unit.startDue;
    unit.started += f.unit.started;
    unit.completionDue += f.unit.completionDue;
    unit.completedProjects += f.unit.completedProjects;
    unit.reportsDue += f.unit.reportsDue;
    unit.reportsOnTime += f.unit.reportsOnTime;
    unit.problems += f.unit.problems;
    unit.problemsResolved += f.unit.problemsResolved;
  }

  const summary: Summary = {
    today,
    reportingMonth: month,
    scheduleRatio: months / 12,
    openMonth,
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
    lagging: worstFirst(lagging, LAGGING_LIMIT).map((l) => l.project),
    hits,
    completedByProject,
    scheduleByProject,
    ranking: rankUnits(units.values(), campaign.settings.rankingWeights),
    rankingWeights: campaign.settings.rankingWeights,
  };
  return { summary, memo: { key: ctx.key, facts } };
}

/** Counts the project once for each of its leaders (挂点 and 包干; once for a leader who is both). */
function addToLeaders(byLeader: Map<number, LeaderTally>, project: Project, row: Tally, openProblems: number): void {
  addToLeader(byLeader, project.leaderId, project, row, openProblems);
  if (project.chargeLeaderId !== project.leaderId) addToLeader(byLeader, project.chargeLeaderId, project, row, openProblems);
}

function addToLeader(byLeader: Map<number, LeaderTally>, id: number | null, project: Project, row: Tally, openProblems: number): void {
  const tally = id === null ? undefined : byLeader.get(id);
  if (!tally) return;
  add(tally, row);
  if (id === project.leaderId) tally.pointProjects++;
  if (id === project.chargeLeaderId) tally.chargeProjects++;
  tally.openProblems += openProblems;
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
function leaderFigures(leaders: readonly Leader[], byLeader: Map<number, LeaderTally>): LeaderFigures[] {
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
