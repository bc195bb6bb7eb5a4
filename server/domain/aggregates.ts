// The campaign year's figures: totals, by domain and level, the monthly trend and the lagging list.
// One pass over the projects with plans and reports indexed by project first: a province-scale
// ledger has ~15,000 projects and ~180,000 monthly rows.
import { monthIndex, monthOf, monthsOfYear, reportingMonth, yearOf } from '../../shared/dates.js';
import { ratio, type Yuan } from '../../shared/money.js';
import { LAGGING_LIMIT, type OpenMonth, type GroupFigures, type LaggingProject, type LeaderFigures, type Totals, type TrendPoint, type UnitRank } from '../../shared/snapshot.js';
import type { Leader, LeaderRank, ProblemState, Project, RankingWeights } from '../../shared/types.js';
import { evaluateLagRules, SEVERITY_RANK, worstSeverity } from './lagRules.js';
import type { LagHit, LedgerInput, MonthlyFigure } from './ledger.js';
import { countProblems, emptyUnitTally, rankUnits, reportTimeliness, type UnitTally } from './ranking.js';
import { isCompletedThisYear, isCompletionPlanned, isStartedThisYear, isStartPlanned } from './yearPlan.js';
import { countsIn, type AsOf } from './asOf.js';
import { applyOpenings, coveredByOpening, openingsByProject } from './openings.js';
import { dueScheduleMonths, indexByProject, monthsThrough, projectSchedulePlan, spreadAnnualPlan } from './schedule.js';

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

/** Not yet 销号: a unit's own 已解决 stays open until confirmed (as for the rules and the ranking). */
const OPEN_FOR_LEADER = new Set<ProblemState>(['pending', 'coordinating', 'resolved']);

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

export function computeSummary(input: LedgerInput): Summary {
  const { campaign, today } = input;
  const asOf: AsOf = input.asOf ?? { day: today, month: reportingMonth(today), monthEnd: false };
  const year = campaign.year;
  const month = asOf.month;
  const months = monthsThrough(year, month);
  // At a month end projects are held to 序时 through it; live, through the last month whose deadline passed.
  const dueMonths = asOf.monthEnd ? months : dueScheduleMonths(year, today, campaign.settings.reportDeadlineDay);
  const plans = indexByProject(input.plans, year, (p) => p.amount);
  const isAccepted = (f: MonthlyFigure) => f.status === 'accepted';
  // An opening balance stands for the months it runs through (counted in its last month); only
  // months through 数据统计至 count (asOf.countsIn), later accepted reports are 本月已报.
  const openings = openingsByProject(input.openings);
  const accepted = applyOpenings(
    indexByProject(input.monthly, year, (f) => f.investment, (f) => isAccepted(f) && countsIn(f.month, asOf)),
    input.openings?.filter((o) => countsIn(o.throughMonth, asOf)),
    year,
  );
  const openMonth = asOf.monthEnd ? null : openMonthOf(input.monthly, year, month, today);
  const filings = filingsByProject(input.monthly);
  const problems = groupBy(input.problems, (p) => p.projectId);
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
  const lagging: { project: LaggingProject; gap: number }[] = [];
  let totalInvestment = 0;

  for (const project of input.projects) {
    const projectPlans = plans.get(project.id);
    const schedulePlan = projectSchedulePlan(project, projectPlans, year, months);
    let completed = 0;
    for (const [month, amount] of accepted.get(project.id) ?? []) {
      completed += amount;
      actualByMonth[monthIndex(month) - 1] += amount;
    }
    if (projectPlans) for (const [month, amount] of projectPlans) planByMonth[monthIndex(month) - 1] += amount;
    else spreadAnnualPlan(project.annualPlan).forEach((amount, i) => (planByMonth[i] += amount));
    completedByProject.set(project.id, completed);
    scheduleByProject.set(project.id, schedulePlan);
    totalInvestment += project.totalInvestment;

    const projectFilings = filings.get(project.id);
    const opening = openings.get(project.id);
    const projectProblems = problems.get(project.id) ?? [];
    const projectHits = evaluateLagRules(project, {
      today,
      year,
      settings: campaign.settings,
      schedulePlan: dueMonths === months ? schedulePlan : projectSchedulePlan(project, projectPlans, year, dueMonths),
      completed,
      reportedMonths: { has: (m) => isFiled(projectFilings?.get(m)) || coveredByOpening(opening, m) },
      problems: projectProblems,
    });
    hits.push(...projectHits);
    if (projectHits.length > 0) lagging.push(laggingEntry(project, projectHits, completed, schedulePlan));

    const row: Tally = { projects: 1, annualPlan: project.annualPlan, completed, schedulePlan, laggingCount: projectHits.length > 0 ? 1 : 0 };
    add(total, row);
    if (project.domainId !== null) add(byDomain.get(project.domainId), row);
    for (const level of project.levels) add(byLevel.get(level), row);
    addToLeaders(byLeader, project, row, projectProblems.filter((p) => OPEN_FOR_LEADER.has(p.state)).length);

    const unit = units.get(project.unitId) ?? emptyUnitTally(project.unitId, project.unit);
    units.set(project.unitId, unit);
    add(unit, row);
    // The wall counts the year's plan (年度计划开工/竣工); the ranking only what is due by today.
    if (isStartPlanned(project, year)) {
      const started = isStartedThisYear(project, year, today) ? 1 : 0;
      counts.startPlanned++;
      counts.started += started;
      if (started || (project.plannedStart !== null && project.plannedStart <= today)) {
        unit.startDue++;
        unit.started += started;
      }
    }
    if (isCompletionPlanned(project, year)) {
      const done = isCompletedThisYear(project, year, today) ? 1 : 0;
      counts.completionPlanned++;
      counts.completedProjects += done;
      if (done || (project.plannedCompletion !== null && project.plannedCompletion <= today)) {
        unit.completionDue++;
        unit.completedProjects += done;
      }
    }
    const timely = reportTimeliness(
      project.startedOn, project.completedOn, projectFilings, year, month, today, campaign.settings.reportDeadlineDay, opening?.throughMonth,
    );
    unit.reportsDue += timely.due;
    unit.reportsOnTime += timely.onTime;
    const p = countProblems(projectProblems);
    unit.problems += p.total;
    unit.problemsResolved += p.resolved;
  }

  lagging.sort(
    (a, b) =>
      SEVERITY_RANK[b.project.severity] - SEVERITY_RANK[a.project.severity] ||
      b.gap - a.gap ||
      (a.project.code < b.project.code ? -1 : a.project.code > b.project.code ? 1 : 0),
  );

  return {
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
    lagging: lagging.slice(0, LAGGING_LIMIT).map((l) => l.project),
    hits,
    completedByProject,
    scheduleByProject,
    ranking: rankUnits(units.values(), campaign.settings.rankingWeights),
    rankingWeights: campaign.settings.rankingWeights,
  };
}

/** Counts the project once for each of its leaders (挂点 and 包干; once for a leader who is both). */
function addToLeaders(byLeader: Map<number, LeaderTally>, project: Project, row: Tally, openProblems: number): void {
  const point = project.leaderId;
  const charge = project.chargeLeaderId;
  for (const id of new Set([point, charge])) {
    const tally = id === null ? undefined : byLeader.get(id);
    if (!tally) continue;
    add(tally, row);
    if (id === point) tally.pointProjects++;
    if (id === charge) tally.chargeProjects++;
    tally.openProblems += openProblems;
  }
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

/** A month counts as reported once a report is submitted or accepted; a draft or a returned one does not. */
const isFiled = (f: MonthlyFigure | undefined) => f !== undefined && (f.status === 'submitted' || f.status === 'accepted');

/** Each project's filings by month. */
function filingsByProject(monthly: readonly MonthlyFigure[]): Map<number, Map<string, MonthlyFigure>> {
  const index = new Map<number, Map<string, MonthlyFigure>>();
  for (const f of monthly) {
    let months = index.get(f.projectId);
    if (!months) index.set(f.projectId, (months = new Map()));
    months.set(f.month, f);
  }
  return index;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const index = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = index.get(k);
    if (list) list.push(item);
    else index.set(k, [item]);
  }
  return index;
}

function laggingEntry(project: Project, hits: LagHit[], completed: Yuan, schedulePlan: Yuan) {
  const entry: LaggingProject = {
    projectId: project.id,
    code: project.code,
    name: project.name,
    unit: project.unit,
    domain: project.domain ?? '',
    leader: project.leader,
    annualPlan: project.annualPlan,
    completed,
    completionRate: ratio(completed, project.annualPlan),
    scheduleShare: ratio(schedulePlan, project.annualPlan),
    scheduleRate: ratio(completed, schedulePlan),
    severity: worstSeverity(hits.map((h) => h.severity)),
    reasons: hits.map(({ rule, severity, text }) => ({ rule, severity, text })),
  };
  // Schedule share minus completion share: how far behind 序时进度 the project is.
  return { project: entry, gap: ratio(schedulePlan - completed, project.annualPlan) };
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
