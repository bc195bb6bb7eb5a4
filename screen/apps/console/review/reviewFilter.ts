// The review table's status filter.
import type { MonthReportRow } from '../../../../shared/api.js';

export type ReviewFilter = 'all' | 'submitted' | 'missing' | 'returned' | 'accepted' | 'late';

export const REVIEW_FILTERS: { value: ReviewFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'submitted', label: '待审核' },
  { value: 'missing', label: '未报' },
  { value: 'returned', label: '已退回' },
  { value: 'accepted', label: '已采纳' },
  { value: 'late', label: '逾期' },
];

/** 未报 includes drafts: nothing has reached staff yet. Awaiting review comes first. */
export function filterRows(rows: MonthReportRow[], filter: ReviewFilter): MonthReportRow[] {
  const kept = rows.filter((r) => {
    if (filter === 'all') return true;
    if (filter === 'late') return r.late;
    if (filter === 'missing') return r.status === 'missing' || r.status === 'draft';
    return r.status === filter;
  });
  const first = (r: MonthReportRow) => (r.status === 'submitted' ? 0 : 1);
  return kept.sort((a, b) => first(a) - first(b) || a.code.localeCompare(b.code));
}
