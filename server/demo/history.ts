// The accepted report history of a demo year up to "today", and each project's state as of then.
import { addMonths, monthIndex, monthOf, monthsOfYear, reportingMonth, yearOf } from '../../shared/dates.js';
import { YUAN_PER_WAN, type Yuan } from '../../shared/money.js';
import type { SeedProject, SeedReport } from '../domain/ledger.js';
import { restOfMonth, roundWan } from './build.js';
import { completionText, progressText, startText, type WorksKind } from './progress.js';
import type { Rng } from './random.js';
import type { Timeline } from './timeline.js';

/** A project before its history is played: what will happen to it, and how fast it invests. */
export interface Draft {
  /** startedOn, completedOn and stage are settled by playHistory. */
  project: SeedProject;
  kind: WorksKind;
  fate: Timeline;
  /** Actual investment over plan: ~1, lagging projects 0.3–0.7. */
  pace: number;
  /** The twelve amounts the project is expected to invest (its monthly plan, set or not). */
  expected: Yuan[];
}

export interface HistoryOptions {
  year: number;
  today: string;
  /** Share of projects that have already reported on the month now due. */
  reportedShare: number;
  rng: Rng;
}

/** Plays each draft's year up to `today`: settles its project's state (in place) and writes its reports. */
export function playHistory(drafts: readonly Draft[], opts: HistoryOptions): { projects: SeedProject[]; reports: SeedReport[] } {
  const { year, today } = opts;
  const months = monthsOfYear(year);
  const endDays = months.map(monthEndDay);
  const submitMonths = months.map((m) => addMonths(m, 1));
  const yearStart = `${year}-01-01`;
  const due = reportingMonth(today);
  // Month indices (0-11) every unit has reported through, and the one now due (−1: none).
  const fullIdx = clampIndex(year, addMonths(due, -1));
  const dueIdx = yearOf(due) === year ? monthIndex(due) - 1 : -1;
  const clock = { todayMonth: monthOf(today), todayDay: Number(today.slice(8, 10)) };
  const reports: SeedReport[] = [];

  for (const { project, fate, kind, pace, expected } of drafts) {
    const rng = opts.rng.fork(project.code);
    const lastIdx = dueIdx >= 0 && rng.chance(opts.reportedShare) ? dueIdx : fullIdx;
    const start = fate.start;
    const startIdx = start === null || yearOf(start) > year ? 99 : clampIndex(year, start);
    const started = start !== null && start <= today && (start < yearStart || startIdx <= lastIdx);
    const completion = fate.completion;
    const endIdx = completion === null || yearOf(completion) !== year ? 99 : monthIndex(completion) - 1;
    const completed = started && endIdx <= lastIdx;
    project.startedOn = started ? start : null;
    project.completedOn = completed ? completion : null;
    project.stage = completed ? (kind === 'factory' ? 'operating' : 'completed') : started ? 'construction' : 'preparing';
    if (!started) continue;

    const startsThisYear = start >= yearStart;
    // The start month invests only the rest of that month, against a plan that may assume more or less of it.
    const plannedFirst = project.plannedStart !== null && monthOf(project.plannedStart) === monthOf(start) ? restOfMonth(project.plannedStart) : 1;
    const startFactor = Math.min(1.2, restOfMonth(start) / plannedFirst);
    const cap = roundDownWan(Math.min(project.annualPlan * 1.15, project.totalInvestment));
    const startDay = dayNumber(start);
    const plannedSpan = Math.max(30, (project.plannedCompletion ? dayNumber(project.plannedCompletion) : endDays[11]) - startDay);
    let cumulative = 0;
    for (let k = startsThisYear ? startIdx : 0; k <= (completed ? endIdx : lastIdx); k++) {
      const isStart = startsThisYear && k === startIdx;
      const isEnd = completed && k === endIdx;
      const planned = expected[k] || project.annualPlan * 0.03;
      const amount = planned * pace * rng.float(0.85, 1.15) * (isStart ? startFactor : 1);
      const investment = roundWan(Math.min(amount, cap - cumulative));
      cumulative += investment;
      reports.push({
        projectCode: project.code,
        month: months[k],
        investment,
        progress: isEnd ? completionText(kind) : isStart ? startText(kind, rng) : progressText(kind, (endDays[k] - startDay) / plannedSpan, rng),
        startedOn: isStart ? start : null,
        completedOn: isEnd ? completion : null,
        submittedAt: submittedAt(submitMonths[k], clock, rng),
      });
    }
  }
  return { projects: drafts.map((d) => d.project), reports };
}

/** The 0-based month index of a month or date within `year`: −1 before it, 11 after it. */
function clampIndex(year: number, monthOrDate: string): number {
  const y = yearOf(monthOrDate);
  return y < year ? -1 : y > year ? 11 : monthIndex(monthOrDate) - 1;
}

function roundDownWan(yuan: number): Yuan {
  return Math.floor(yuan / YUAN_PER_WAN) * YUAN_PER_WAN;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD date. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function monthEndDay(month: string): number {
  return Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0) / 86_400_000;
}

/** Office hours (China time, 08–18 = 00–10 UTC) early in the month after; a few late. Never after today. */
function submittedAt(month: string, clock: { todayMonth: string; todayDay: number }, rng: Rng): string {
  let day = rng.chance(0.1) ? rng.int(7, 12) : rng.int(1, 6);
  if (month === clock.todayMonth) day = Math.min(day, clock.todayDay);
  return `${month}-${two(day)}T${two(rng.int(0, 10))}:${two(rng.int(0, 59))}:00.000Z`;
}
