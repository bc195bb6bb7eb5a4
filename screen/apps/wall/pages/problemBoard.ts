// The 问题台账 page's figures from the snapshot's ProblemSummary: the 销号 pipeline, the alarms, the
// four groups and the oldest open items.
import type { ProblemSummary } from '../../../../shared/problems.js';
import { DISPATCH_LEVEL_LABELS } from '../../../../shared/types.js';

export interface PipelineStage {
  key: 'pending' | 'coordinating' | 'resolved' | 'closed';
  label: string;
  count: number;
  note: string;
}

/** 待协调 → 协调中 → 已解决 (awaiting confirmation) → 已销号 (all closed, this month's noted). */
export function pipeline(s: ProblemSummary): PipelineStage[] {
  const closed = s.byCategory.reduce((n, c) => n + c.closed, 0);
  return [
    { key: 'pending', label: '待协调', count: s.pending, note: '已上报 待受理' },
    { key: 'coordinating', label: '协调中', count: s.coordinating, note: '牵头单位协调' },
    { key: 'resolved', label: '已解决', count: s.resolved, note: '待确认销号' },
    { key: 'closed', label: '已销号', count: closed, note: `本月销号 ${s.closedThisMonth} 项` },
  ];
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The groups panel's title from the campaign's categories (1–12): 四类问题, or 问题分类 past twelve. */
export function categoryTitle(categories: number): string {
  return NUMERALS[categories] ? `${NUMERALS[categories]}类问题` : '问题分类';
}

/** Problems the ledger still carries: not yet closed (a unit's 已解决 waits for 销号). */
export function openCount(s: ProblemSummary): number {
  return s.pending + s.coordinating + s.resolved;
}

export interface OldestRow {
  id: number;
  project: string;
  unit: string;
  category: string;
  description: string;
  /** "96天"; a problem raised today reads "当天". */
  age: string;
  ageDays: number;
  level: string;
  overdue: boolean;
}

export function oldestRows(s: ProblemSummary): OldestRow[] {
  return s.oldest.map((o) => ({
    id: o.id,
    project: o.project,
    unit: o.unit,
    category: o.category,
    description: o.description,
    age: o.ageDays > 0 ? `${o.ageDays}天` : '当天',
    ageDays: Math.max(0, o.ageDays),
    level: DISPATCH_LEVEL_LABELS[o.level],
    overdue: o.overdue,
  }));
}
