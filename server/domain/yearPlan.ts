// Which projects count in the year's start and completion figures (年度计划开工/竣工): one rule
// for the snapshot's totals and for the drill-down lists behind them.
import { yearOf } from '../../shared/dates.js';
import type { Project } from '../../shared/types.js';

export const inYear = (date: string | null, year: number): date is string => date !== null && yearOf(date) === year;

/** Counted in totals.startPlanned: due to start this year, or started this year. */
export function isStartPlanned(p: Pick<Project, 'plannedStart' | 'startedOn'>, year: number): boolean {
  return inYear(p.plannedStart, year) || inYear(p.startedOn, year);
}

/** Counted in totals.started: of the start-planned, started by today. */
export function isStartedThisYear(p: Pick<Project, 'plannedStart' | 'startedOn'>, year: number, today: string): boolean {
  return isStartPlanned(p, year) && p.startedOn !== null && p.startedOn <= today;
}

/** Counted in totals.completionPlanned. */
export function isCompletionPlanned(p: Pick<Project, 'plannedCompletion' | 'completedOn'>, year: number): boolean {
  return inYear(p.plannedCompletion, year) || inYear(p.completedOn, year);
}

/** Counted in totals.completedProjects. */
export function isCompletedThisYear(p: Pick<Project, 'plannedCompletion' | 'completedOn'>, year: number, today: string): boolean {
  return isCompletionPlanned(p, year) && inYear(p.completedOn, year) && p.completedOn <= today;
}
