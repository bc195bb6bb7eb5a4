// Where the problem ledger stands: the facts derived for each problem and the wall panel's summary.
import type { ProblemDetail, ProblemSummary } from '../../shared/problems.js';
import { chinaDate, daysBetween, monthOf } from '../../shared/dates.js';
import type { AgendaEntry } from '../../shared/problems.js';
import { UNCLOSED_PROBLEM_STATES, type ProblemState } from '../../shared/types.js';
import { isStalled } from './problemRules.js';

const OLDEST_SHOWN = 8;

// 未销号 (口径说明): a unit's own 已解决 stays open until staff confirm it.
const isOpen = (state: ProblemState) => UNCLOSED_PROBLEM_STATES.includes(state);

/** The China date of a timestamp; one after `today` (a frozen demo year) counts as today. */
export function dayOf(at: string, today: string): string {
  const day = chinaDate(new Date(at));
  return day > today ? today : day;
}

/**
 * overdue: not 销号 and past its due date; flagged: 通报批评 (problemRules.isStalled, 上犹 附件2 四(三));
 * ageDays: whole days since it was raised, counted in China's calendar.
 */
export function problemFacts(
  p: { state: ProblemState; dueOn: string | null; createdAt: string; agenda: readonly AgendaEntry[] },
  today: string,
): { overdue: boolean; flagged: boolean; ageDays: number } {
  const unclosed = UNCLOSED_PROBLEM_STATES.includes(p.state);
  return {
    overdue: unclosed && p.dueOn !== null && p.dueOn < today,
    flagged: isStalled(p, today),
    ageDays: daysBetween(dayOf(p.createdAt, today), today),
  };
}

/**
 * Counts by state, by category (configured categories first, in order, then any other found) and the
 * oldest open items. Overdue and flagged are worked out afresh for `today`. Returned problems were
 * never the county's to solve and count nowhere.
 */
export function summarizeProblems(problems: readonly ProblemDetail[], today: string, categories: readonly string[]): ProblemSummary {
  const counted = problems.filter((p) => p.state !== 'returned');
  const withFacts = counted.map((p) => ({ p, ...problemFacts(p, today) }));
  const count = (state: ProblemState) => counted.filter((p) => p.state === state).length;

  const byCategory = new Map<string, { category: string; open: number; closed: number }>();
  for (const category of [...categories, ...counted.map((p) => p.category)]) {
    if (!byCategory.has(category)) byCategory.set(category, { category, open: 0, closed: 0 });
  }
  for (const p of counted) {
    const row = byCategory.get(p.category)!;
    if (isOpen(p.state)) row.open++;
    else if (p.state === 'closed') row.closed++;
  }

  const oldest = withFacts
    .filter(({ p }) => isOpen(p.state))
    .sort((a, b) => Date.parse(a.p.createdAt) - Date.parse(b.p.createdAt) || a.p.id - b.p.id)
    .slice(0, OLDEST_SHOWN)
    .map(({ p, ageDays, overdue }) => ({
      id: p.id,
      project: p.project,
      unit: p.unit,
      category: p.category,
      description: p.description,
      ageDays,
      level: p.level,
      overdue,
    }));

  return {
    pending: count('pending'),
    coordinating: count('coordinating'),
    resolved: count('resolved'),
    closedThisMonth: counted.filter((p) => p.state === 'closed' && p.closedAt !== null && monthOf(dayOf(p.closedAt, today)) === monthOf(today)).length,
    overdue: withFacts.filter((f) => f.overdue).length,
    flagged: withFacts.filter((f) => f.flagged).length,
    byCategory: [...byCategory.values()],
    oldest,
  };
}
