// The problem-ledger panel's rows: category bars scaled to the largest, and the oldest open items.
import type { ProblemSummary } from '../../../../shared/problems.js';

export interface CategoryBar {
  category: string;
  open: number;
  closed: number;
  /** Open count over the largest open count, as a CSS width. */
  width: string;
}

export function categoryBars(byCategory: ProblemSummary['byCategory']): CategoryBar[] {
  const max = Math.max(1, ...byCategory.map((c) => c.open));
  return byCategory.map((c) => ({ ...c, width: `${(c.open / max) * 100}%` }));
}

/** The panel's figure tiles, in reading order. */
export function problemTiles(s: ProblemSummary) {
  return [
    { key: 'pending', label: '待协调', value: s.pending, tone: 'warn' },
    { key: 'coordinating', label: '协调中', value: s.coordinating, tone: 'info' },
    { key: 'closed-month', label: '本月销号', value: s.closedThisMonth, tone: 'good' },
    { key: 'overdue', label: '逾期', value: s.overdue, tone: s.overdue > 0 ? 'bad' : 'info' },
  ] as const;
}
