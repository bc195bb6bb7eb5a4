// The problem ledger's filters (问题台账), its order and its counts.
import type { ProblemDetail } from '../../../shared/problems.js';
import type { DispatchLevel, ProblemState } from '../../../shared/types.js';
import { isUnclosed } from './problemLabels.js';

/** 'open' is 未销号: pending, coordinating or resolved awaiting confirmation. */
export type ProblemStateFilter = ProblemState | 'open';

export interface ProblemFilter {
  /** Part of the project, unit, description or coordinating unit. */
  text: string;
  state: ProblemStateFilter | null;
  level: DispatchLevel | null;
  category: string | null;
  domainId: number | null;
  unitId: number | null;
}

export const emptyProblemFilter = (): ProblemFilter => ({ text: '', state: 'open', level: null, category: null, domainId: null, unitId: null });

/**
 * The query string of GET /api/problems for a filter. 未销号 is asked for as all and narrowed here,
 * so that problems resolved and awaiting 销号 stay in view.
 */
export function problemQuery(f: ProblemFilter): string {
  const params = new URLSearchParams();
  if (f.state != null && f.state !== 'open') params.set('state', f.state);
  if (f.level != null) params.set('level', String(f.level));
  if (f.category) params.set('category', f.category);
  if (f.domainId != null) params.set('domainId', String(f.domainId));
  if (f.unitId != null) params.set('unitId', String(f.unitId));
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** A cleared select leaves undefined rather than null: both mean "any". */
export function filterProblems(problems: readonly ProblemDetail[], f: ProblemFilter): ProblemDetail[] {
  const text = f.text.trim();
  return problems.filter(
    (p) =>
      (f.state == null || (f.state === 'open' ? isUnclosed(p) : p.state === f.state)) &&
      (f.level == null || p.level === f.level) &&
      (!f.category || p.category === f.category) &&
      (f.domainId == null || p.domainId === f.domainId) &&
      (f.unitId == null || p.unitId === f.unitId) &&
      (!text || [p.project, p.projectCode, p.unit, p.description, p.coordinatingUnit ?? '', p.askedOf].some((s) => s.includes(text))),
  );
}

/** What needs the office first: the state's urgency, then 通报批评, overdue, higher level, older. */
const STATE_RANK: Record<ProblemState, number> = { pending: 0, resolved: 1, coordinating: 2, closed: 3, returned: 4 };

export function sortProblems(problems: readonly ProblemDetail[]): ProblemDetail[] {
  return [...problems].sort(
    (a, b) =>
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      Number(b.flagged) - Number(a.flagged) ||
      Number(b.overdue) - Number(a.overdue) ||
      b.level - a.level ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id - b.id,
  );
}

export interface ProblemCounts {
  pending: number;
  coordinating: number;
  resolved: number;
  overdue: number;
  flagged: number;
}

/** The toolbar's counts over what was loaded. */
export function problemCounts(problems: readonly ProblemDetail[]): ProblemCounts {
  const counts: ProblemCounts = { pending: 0, coordinating: 0, resolved: 0, overdue: 0, flagged: 0 };
  for (const p of problems) {
    if (p.state === 'pending' || p.state === 'coordinating' || p.state === 'resolved') counts[p.state]++;
    if (p.overdue) counts.overdue++;
    if (p.flagged) counts.flagged++;
  }
  return counts;
}
