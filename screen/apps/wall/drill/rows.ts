// The drill-down list: its sortable columns, the default order for a query, and the summary line.
import type { ProjectQuery, ProjectRow } from '../../../../shared/drill.js';
import { formatYi } from '../../../../shared/money.js';
import { SEVERITY_LABELS, type Severity } from '../../../../shared/types.js';

export type SortKey = 'code' | 'name' | 'annualPlan' | 'completed' | 'completionRate' | 'scheduleRate' | 'lagging';
export type SortDir = 'asc' | 'desc';
export interface RowSort {
  key: SortKey;
  dir: SortDir;
}

export const SORT_LABELS: Record<SortKey, string> = {
  code: '编号',
  name: '项目名称',
  annualPlan: '年度计划',
  completed: '累计完成',
  completionRate: '完成率',
  // 完成/序时 (口径说明): completed over planned to date, not the target share 序时进度.
  scheduleRate: '完成/序时',
  lagging: '预警',
};

const SEVERITY_ORDER: Record<Severity, number> = { yellow: 1, orange: 2, red: 3 };

function value(row: ProjectRow, key: SortKey): number | string {
  if (key === 'lagging') return row.lagging ? SEVERITY_ORDER[row.lagging] : 0;
  return row[key];
}

/** Sorted copy; ties keep ledger (code) order. */
export function sortRows(rows: readonly ProjectRow[], sort: RowSort): ProjectRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/** Lagging lists open worst first; other lists with the furthest behind 序时进度 first. */
export function defaultSort(query: ProjectQuery): RowSort {
  if (query.status === 'lagging' || query.severity || query.rule) return { key: 'lagging', dir: 'desc' };
  return { key: 'scheduleRate', dir: 'asc' };
}

/** A click on a column: the same column flips, another starts with its natural direction. */
export function toggleSort(current: RowSort, key: SortKey): RowSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'code' || key === 'name' ? 'asc' : 'desc' };
}

/** "共 23 个项目 · 年度计划 12.34 亿元 · 累计完成 8.76 亿元 · 滞后 5 个" */
export function listSummary(rows: readonly ProjectRow[]): string {
  const plan = rows.reduce((s, r) => s + r.annualPlan, 0);
  const done = rows.reduce((s, r) => s + r.completed, 0);
  const lagging = rows.filter((r) => r.lagging).length;
  return `共 ${rows.length} 个项目 · 年度计划 ${formatYi(plan)} 亿元 · 累计完成 ${formatYi(done)} 亿元 · 滞后 ${lagging} 个`;
}

export const severityLabel = (s: Severity | null) => (s ? `${SEVERITY_LABELS[s]}` : '正常');
