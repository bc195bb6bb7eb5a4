// 比赶超: each responsible unit's score from five components, weighted per campaign.
//   investment  completed / planned to date (序时), capped at 100%
//   start       projects due to start this year that have started
//   completion  projects due to complete this year that have completed
//   timeliness  monthly reports filed by the deadline, from the start month through the reporting month
//   problems    problems raised that are resolved or closed (销号)
// A component with nothing to measure (no project due to start, no problem raised) counts as 100.
import { addMonths, chinaDateOf, monthOf, yearOf } from '../../shared/dates.js';
import { ratio, type Yuan } from '../../shared/money.js';
import type { RankComponents, UnitRank } from '../../shared/snapshot.js';
import type { RankingWeights } from '../../shared/types.js';
import { reportDeadlineFor } from './calendar.js';
import type { LedgerProblem, MonthlyFigure } from './ledger.js';

export interface UnitTally {
  unitId: number;
  unit: string;
  projects: number;
  annualPlan: Yuan;
  completed: Yuan;
  schedulePlan: Yuan;
  laggingCount: number;
  startDue: number;
  started: number;
  completionDue: number;
  completedProjects: number;
  reportsDue: number;
  reportsOnTime: number;
  problems: number;
  problemsResolved: number;
}

export const emptyUnitTally = (unitId: number, unit: string): UnitTally => ({
  unitId, unit, projects: 0, annualPlan: 0, completed: 0, schedulePlan: 0, laggingCount: 0, startDue: 0, started: 0,
  completionDue: 0, completedProjects: 0, reportsDue: 0, reportsOnTime: 0, problems: 0, problemsResolved: 0,
});

/**
 * Reports due from a project and those filed in time: one a month from its start (or January)
 * through the reporting month, while it is not yet completed; the reporting month only once its
 * deadline has passed or it is filed. A filing dated after `today` (a
 * frozen demo year) counts as filed today.
 */
export function reportTimeliness(
  startedOn: string | null,
  completedOn: string | null,
  filings: ReadonlyMap<string, MonthlyFigure> | undefined,
  year: number,
  reportingMonth: string,
  today: string,
  deadlineDay: number,
  /** The last month an opening balance covers: those months are not owed. */
  coveredThrough?: string,
): { due: number; onTime: number } {
  if (!startedOn || startedOn > today) return { due: 0, onTime: 0 };
  let month = yearOf(startedOn) < year ? `${year}-01` : monthOf(startedOn);
  let due = 0;
  let onTime = 0;
  for (; month <= reportingMonth && yearOf(month) === year; month = addMonths(month, 1)) {
    if (completedOn && monthOf(completedOn) < month) break;
    if (coveredThrough && month <= coveredThrough) continue;
    const deadline = reportDeadlineFor(month, { reportDeadlineDay: deadlineDay });
    const filing = filings?.get(month);
    // A draft is not filed (按时报送, 口径说明); a returned report neither.
    const filed = filing !== undefined && (filing.status === 'submitted' || filing.status === 'accepted');
    // A month still open for reporting counts only once it is filed.
    if (!filed && today <= deadline) continue;
    due++;
    if (!filed) continue;
    const filedAt = chinaDateOf(filing.firstFiledAt ?? filing.submittedAt);
    const filedOn = filedAt < today ? filedAt : today;
    if (filedOn <= deadline) onTime++;
  }
  return { due, onTime };
}

export function countProblems(problems: readonly LedgerProblem[]): { total: number; resolved: number } {
  // Only 销号 counts: a unit's own 已解决 is not yet confirmed.
  const resolved = problems.filter((p) => p.state === 'closed').length;
  return { total: problems.filter((p) => p.state !== 'returned').length, resolved };
}

const percent = (done: number, due: number) => (due === 0 ? 100 : (100 * done) / due);

export function components(t: UnitTally): RankComponents {
  return {
    investment: t.schedulePlan === 0 ? 100 : Math.min(100, (100 * t.completed) / t.schedulePlan),
    start: percent(t.started, t.startDue),
    completion: percent(t.completedProjects, t.completionDue),
    timeliness: percent(t.reportsOnTime, t.reportsDue),
    problems: percent(t.problemsResolved, t.problems),
  };
}

export function weightedScore(c: RankComponents, w: RankingWeights): number {
  const keys = Object.keys(c) as (keyof RankComponents)[];
  const total = keys.reduce((sum, k) => sum + Math.max(0, w[k]), 0);
  if (total === 0) return 0;
  return keys.reduce((sum, k) => sum + c[k] * Math.max(0, w[k]), 0) / total;
}

/** Units best first: by score, then by completed investment, then by name; equal scores share a rank. */
export function rankUnits(tallies: Iterable<UnitTally>, weights: RankingWeights): UnitRank[] {
  const rows = [...tallies].map((t) => {
    const c = components(t);
    return {
      rank: 0, unitId: t.unitId, unit: t.unit, projects: t.projects, annualPlan: t.annualPlan, completed: t.completed,
      schedulePlan: t.schedulePlan, completionRate: ratio(t.completed, t.annualPlan), scheduleRate: ratio(t.completed, t.schedulePlan),
      laggingCount: t.laggingCount, components: c, score: Math.round(weightedScore(c, weights) * 10) / 10,
    };
  });
  rows.sort((a, b) => b.score - a.score || b.completed - a.completed || a.unit.localeCompare(b.unit, 'zh-CN'));
  rows.forEach((r, i) => (r.rank = i > 0 && r.score === rows[i - 1].score ? rows[i - 1].rank : i + 1));
  return rows;
}
