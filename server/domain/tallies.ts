// The running sums of the summary (aggregates.ts): totals, by domain, level, leader and unit, the
// monthly trend and the year's start and completion counts, added up from each project's facts.
// Every term is an integer (yuan, counts), so the sums are exact in any order: a change of one
// project takes its old facts out and puts its new ones in, and gets the sums adding all would.
import type { Yuan } from '../../shared/money.js';
import type { Domain, Leader, Level, Project } from '../../shared/types.js';
import type { ProjectFacts } from './projectFacts.js';
import { emptyUnitTally, type UnitTally } from './ranking.js';

export interface Tally {
  projects: number;
  annualPlan: Yuan;
  completed: Yuan;
  schedulePlan: Yuan;
  laggingCount: number;
}

export interface LeaderTally extends Tally {
  pointProjects: number;
  chargeProjects: number;
  openProblems: number;
}

export interface Tallies {
  total: Tally;
  totalInvestment: Yuan;
  byDomain: Map<number, Tally>;
  byLevel: Map<string, Tally>;
  byLeader: Map<number, LeaderTally>;
  /** By unit, in the order of each unit's first project. */
  units: Map<number, UnitTally>;
  planByMonth: Yuan[];
  actualByMonth: Yuan[];
  counts: { startPlanned: number; started: number; completionPlanned: number; completedProjects: number };
}

const emptyTally = (): Tally => ({ projects: 0, annualPlan: 0, completed: 0, schedulePlan: 0, laggingCount: 0 });

export function emptyTallies(domains: readonly Domain[], levels: readonly Level[], leaders: readonly Leader[]): Tallies {
  return {
    total: emptyTally(),
    totalInvestment: 0,
    byDomain: new Map(domains.map((d) => [d.id, emptyTally()])),
    byLevel: new Map(levels.map((l) => [l.code, emptyTally()])),
    byLeader: new Map(leaders.map((l) => [l.id, { ...emptyTally(), pointProjects: 0, chargeProjects: 0, openProblems: 0 }])),
    units: new Map(),
    planByMonth: new Array<Yuan>(12).fill(0),
    actualByMonth: new Array<Yuan>(12).fill(0),
    counts: { startPlanned: 0, started: 0, completionPlanned: 0, completedProjects: 0 },
  };
}

/** A copy to update, the original left as it was. */
export function copyTallies(t: Tallies): Tallies {
  const copy = <K, V>(m: Map<K, V>) => new Map([...m].map(([k, v]) => [k, { ...v }]));
  return {
    total: { ...t.total },
    totalInvestment: t.totalInvestment,
    byDomain: copy(t.byDomain),
    byLevel: copy(t.byLevel),
    byLeader: copy(t.byLeader),
    units: copy(t.units),
    planByMonth: [...t.planByMonth],
    actualByMonth: [...t.actualByMonth],
    counts: { ...t.counts },
  };
}

function add(tally: Tally | undefined, row: Tally, sign: number): void {
  if (!tally) return;
  tally.projects += sign * row.projects;
  tally.annualPlan += sign * row.annualPlan;
  tally.completed += sign * row.completed;
  tally.schedulePlan += sign * row.schedulePlan;
  tally.laggingCount += sign * row.laggingCount;
}

/** Adds a project's facts to the sums (sign 1), or takes them out again (-1). */
export function addProject(t: Tallies, project: Project, f: ProjectFacts, sign: 1 | -1): void {
  const row: Tally = { projects: 1, annualPlan: project.annualPlan, completed: f.completed, schedulePlan: f.schedulePlan, laggingCount: f.hits.length > 0 ? 1 : 0 };
  for (let i = 0; i < f.actual.length; i += 2) t.actualByMonth[f.actual[i]] += sign * f.actual[i + 1];
  for (let i = 0; i < f.plan.length; i += 2) t.planByMonth[f.plan[i]] += sign * f.plan[i + 1];
  t.totalInvestment += sign * project.totalInvestment;
  add(t.total, row, sign);
  if (project.domainId !== null) add(t.byDomain.get(project.domainId), row, sign);
  for (const level of project.levels) add(t.byLevel.get(level), row, sign);
  // Once for each of its leaders (挂点 and 包干; once for a leader who is both).
  addToLeader(t.byLeader, project.leaderId, project, row, f.openProblems, sign);
  if (project.chargeLeaderId !== project.leaderId) addToLeader(t.byLeader, project.chargeLeaderId, project, row, f.openProblems, sign);

  let unit = t.units.get(project.unitId);
  if (!unit) t.units.set(project.unitId, (unit = emptyUnitTally(project.unitId, project.unit)));
  add(unit, row, sign);
  unit.startDue += sign * f.unit.startDue;
  unit.started += sign * f.unit.started;
  unit.completionDue += sign * f.unit.completionDue;
  unit.completedProjects += sign * f.unit.completedProjects;
  unit.reportsDue += sign * f.unit.reportsDue;
  unit.reportsOnTime += sign * f.unit.reportsOnTime;
  unit.problems += sign * f.unit.problems;
  unit.problemsResolved += sign * f.unit.problemsResolved;
  t.counts.startPlanned += sign * f.counts.startPlanned;
  t.counts.started += sign * f.counts.started;
  t.counts.completionPlanned += sign * f.counts.completionPlanned;
  t.counts.completedProjects += sign * f.counts.completedProjects;
}

function addToLeader(byLeader: Map<number, LeaderTally>, id: number | null, project: Project, row: Tally, openProblems: number, sign: number): void {
  const tally = id === null ? undefined : byLeader.get(id);
  if (!tally) return;
  add(tally, row, sign);
  if (id === project.leaderId) tally.pointProjects += sign;
  if (id === project.chargeLeaderId) tally.chargeProjects += sign;
  tally.openProblems += sign * openProblems;
}
