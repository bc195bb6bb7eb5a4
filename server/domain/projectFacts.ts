// One project's share of the campaign summary (aggregates.ts): its 序时 plan, completed investment,
// monthly plan and actual, rule hits, lagging entry and what it adds to the counts and its unit's
// ranking tallies. Computed from the project's own rows alone, so that a change of one project
// recomputes one project's facts and the summary adds up the others' as they were.
import { monthIndex, reportingMonth, yearOf } from '../../shared/dates.js';
import { ratio, type Yuan } from '../../shared/money.js';
import type { LaggingProject } from '../../shared/snapshot.js';
import type { CampaignSettings, ProblemState, Project } from '../../shared/types.js';
import { countsIn, type AsOf } from './asOf.js';
import { evaluateLagRules, worstSeverity } from './lagRules.js';
import type { LagHit, LedgerInput, LedgerProblem, MonthlyFigure, MonthlyPlan, OpeningBalance } from './ledger.js';
import { coveredByOpening, withOpening } from './openings.js';
import { countProblems, reportTimeliness } from './ranking.js';
import { dueScheduleMonths, monthsThrough, projectSchedulePlan, spreadAnnualPlan } from './schedule.js';
import { isCompletedThisYear, isCompletionPlanned, isStartedThisYear, isStartPlanned } from './yearPlan.js';

/** What a project's facts depend on besides its own rows. */
export interface FactsContext {
  today: string;
  asOf: AsOf;
  year: number;
  /** Months of the year through asOf.month (序时). */
  months: number;
  /** Months of 序时 the lag rules hold projects to. */
  dueMonths: number;
  settings: CampaignSettings;
  /** Names all of the above: facts computed under another key are not reused. */
  key: string;
}

export function factsContext(input: LedgerInput): FactsContext {
  const { campaign, today } = input;
  const asOf: AsOf = input.asOf ?? { day: today, month: reportingMonth(today), monthEnd: false };
  const year = campaign.year;
  const months = monthsThrough(year, asOf.month);
  // At a month end projects are held to 序时 through it; live, through the last month whose deadline passed.
  const dueMonths = asOf.monthEnd ? months : dueScheduleMonths(year, today, campaign.settings.reportDeadlineDay);
  const key = JSON.stringify([campaign.id, year, today, asOf, months, dueMonths, campaign.settings]);
  return { today, asOf, year, months, dueMonths, settings: campaign.settings, key };
}

/** One project's rows of the ledger, in the ledger's order. */
export interface ProjectRows {
  plans: MonthlyPlan[];
  monthly: MonthlyFigure[];
  openings: OpeningBalance[];
  problems: LedgerProblem[];
}

const NO_ROWS: ProjectRows = { plans: [], monthly: [], openings: [], problems: [] };

/** Each project's rows (`only` those of these projects, when given): one pass over each table. */
export function rowsByProject(input: LedgerInput, only: ReadonlySet<number> | null): (projectId: number) => ProjectRows {
  const index = new Map<number, ProjectRows>();
  const rowsOf = (projectId: number) => {
    let rows = index.get(projectId);
    if (!rows) index.set(projectId, (rows = { plans: [], monthly: [], openings: [], problems: [] }));
    return rows;
  };
  // One project (a report's change) is told by its id alone, without hashing every row's.
  const one = only?.size === 1 ? only.values().next().value! : null;
  const group = <K extends keyof ProjectRows>(table: readonly ProjectRows[K][number][] | undefined, key: K) => {
    for (const row of table ?? []) {
      if (one !== null ? row.projectId === one : !only || only.has(row.projectId)) (rowsOf(row.projectId)[key] as (typeof row)[]).push(row);
    }
  };
  group(input.plans, 'plans');
  group(input.monthly, 'monthly');
  group(input.openings, 'openings');
  group(input.problems, 'problems');
  return (projectId) => index.get(projectId) ?? NO_ROWS;
}

export interface LaggingEntry {
  project: LaggingProject;
  /** Schedule share minus completion share: how far behind 序时进度 the project is. */
  gap: number;
}

export interface ProjectFacts {
  /** 序时: planned to date. */
  schedulePlan: Yuan;
  /** Accepted investment counted this year. */
  completed: Yuan;
  /** Month index (0–11) and amount, flat pairs, in the order they add to the trend's plan and actual. */
  plan: number[];
  actual: number[];
  hits: LagHit[];
  lagging: LaggingEntry | null;
  /** Problems not yet 销号, for its leaders. */
  openProblems: number;
  /** Its part of the wall's 年度计划开工/竣工 counts (0 or 1 each). */
  counts: { startPlanned: number; started: number; completionPlanned: number; completedProjects: number };
  /** Its part of its unit's ranking tallies beyond the figures. */
  unit: {
    startDue: number; started: number; completionDue: number; completedProjects: number;
    reportsDue: number; reportsOnTime: number; problems: number; problemsResolved: number;
  };
}

/** Not yet 销号: a unit's own 已解决 stays open until confirmed (as for the rules and the ranking). */
const OPEN_FOR_LEADER = new Set<ProblemState>(['pending', 'coordinating', 'resolved']);

/** A month counts as reported once a report is submitted or accepted; a draft or a returned one does not. */
const isFiled = (f: MonthlyFigure | undefined) => f !== undefined && (f.status === 'submitted' || f.status === 'accepted');

export function projectFacts(project: Project, rows: ProjectRows, ctx: FactsContext): ProjectFacts {
  const { today, asOf, year, months, dueMonths, settings } = ctx;
  const projectPlans = byMonth(rows.plans, year, (p) => p.amount);
  // An opening balance stands for the months it runs through (counted in its last month); only
  // months through 数据统计至 count (asOf.countsIn), later accepted reports are 本月已报.
  let accepted = byMonth(rows.monthly, year, (f) => f.investment, (f) => f.status === 'accepted' && countsIn(f.month, asOf));
  for (const o of rows.openings) if (countsIn(o.throughMonth, asOf)) accepted = withOpening(accepted, o, year) ?? accepted;
  const opening = rows.openings.at(-1);
  const filings = new Map<string, MonthlyFigure>();
  for (const f of rows.monthly) filings.set(f.month, f);

  const schedulePlan = projectSchedulePlan(project, projectPlans, year, months);
  let completed = 0;
  const actual: number[] = [];
  for (const [month, amount] of accepted ?? []) {
    completed += amount;
    actual.push(monthIndex(month) - 1, amount);
  }
  const plan: number[] = [];
  if (projectPlans) for (const [month, amount] of projectPlans) plan.push(monthIndex(month) - 1, amount);
  else spreadAnnualPlan(project.annualPlan).forEach((amount, i) => plan.push(i, amount));

  const hits = evaluateLagRules(project, {
    today,
    year,
    settings,
    schedulePlan: dueMonths === months ? schedulePlan : projectSchedulePlan(project, projectPlans, year, dueMonths),
    completed,
    reportedMonths: { has: (m) => isFiled(filings.get(m)) || coveredByOpening(opening, m) },
    problems: rows.problems,
  });

  const counts = { startPlanned: 0, started: 0, completionPlanned: 0, completedProjects: 0 };
  const timely = reportTimeliness(project.startedOn, project.completedOn, filings, year, asOf.month, today, settings.reportDeadlineDay, opening?.throughMonth);
  const problems = countProblems(rows.problems);
  const unit = {
    startDue: 0, started: 0, completionDue: 0, completedProjects: 0,
    reportsDue: timely.due, reportsOnTime: timely.onTime, problems: problems.total, problemsResolved: problems.resolved,
  };
  // The wall counts the year's plan (年度计划开工/竣工); the ranking only what is due by today.
  if (isStartPlanned(project, year)) {
    const started = isStartedThisYear(project, year, today) ? 1 : 0;
    counts.startPlanned = 1;
    counts.started = started;
    if (started || (project.plannedStart !== null && project.plannedStart <= today)) {
      unit.startDue = 1;
      unit.started = started;
    }
  }
  if (isCompletionPlanned(project, year)) {
    const done = isCompletedThisYear(project, year, today) ? 1 : 0;
    counts.completionPlanned = 1;
    counts.completedProjects = done;
    if (done || (project.plannedCompletion !== null && project.plannedCompletion <= today)) {
      unit.completionDue = 1;
      unit.completedProjects = done;
    }
  }
  return {
    schedulePlan,
    completed,
    plan,
    actual,
    hits,
    lagging: hits.length > 0 ? laggingEntry(project, hits, completed, schedulePlan) : null,
    openProblems: rows.problems.filter((p) => OPEN_FOR_LEADER.has(p.state)).length,
    counts,
    unit,
  };
}

/** One project's rows of the year summed by month (as indexByProject, schedule.ts); undefined when none count. */
function byMonth<T extends { month: string }>(rows: readonly T[], year: number, amount: (row: T) => Yuan, include?: (row: T) => boolean): Map<string, Yuan> | undefined {
  let index: Map<string, Yuan> | undefined;
  for (const row of rows) {
    if (yearOf(row.month) !== year || (include && !include(row))) continue;
    index ??= new Map();
    index.set(row.month, (index.get(row.month) ?? 0) + amount(row));
  }
  return index;
}

function laggingEntry(project: Project, hits: LagHit[], completed: Yuan, schedulePlan: Yuan): LaggingEntry {
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
  return { project: entry, gap: ratio(schedulePlan - completed, project.annualPlan) };
}
