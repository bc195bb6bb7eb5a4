// When the figures move, whether the open drill-down asks again: a card only for a change that
// concerns its project, a list at most once every LIST_REFRESH_MS. Pure; DrillOverlay applies it.
import type { Snapshot, TickerEvent } from '../../../../shared/snapshot.js';
import type { Alert } from '../../../../shared/types.js';

/** An open list is asked for again at most this often (a busy day of accepted reports). */
export const LIST_REFRESH_MS = 10_000;

/** What the wall showed at the last look: enough to tell which projects a change touched. */
export interface WallMark {
  generatedAt: string | null;
  tickerIds: ReadonlySet<string>;
  alerts: readonly Alert[];
}

export function markOf(snapshot: Snapshot | null, ticker: readonly TickerEvent[]): WallMark {
  return { generatedAt: snapshot?.generatedAt ?? null, tickerIds: new Set(ticker.map((e) => e.id)), alerts: snapshot?.alerts ?? [] };
}

/**
 * The projects a change touched: those of new ticker lines (investment:update, project:started and
 * completed, report:submitted, alert:raised and cleared, problem:update all carry one) and of alerts
 * that changed (alert:updated has no ticker line). 'all' when a full snapshot replaced everything.
 */
export function touchedProjects(before: WallMark, snapshot: Snapshot | null, ticker: readonly TickerEvent[]): ReadonlySet<number> | 'all' {
  if ((snapshot?.generatedAt ?? null) !== before.generatedAt) return 'all';
  const touched = new Set<number>();
  for (const e of ticker) if (!before.tickerIds.has(e.id)) touched.add(e.projectId);
  const was = new Map(before.alerts.map((a) => [a.id, a]));
  const now = snapshot?.alerts ?? [];
  for (const a of now) {
    if (was.get(a.id) !== a) touched.add(a.projectId);
    was.delete(a.id);
  }
  for (const gone of was.values()) touched.add(gone.projectId);
  return touched;
}

export type OpenView = { kind: 'card'; projectId: number } | { kind: 'list'; loadedAt: number | null };

export type RefreshDecision = { kind: 'now' } | { kind: 'later'; inMs: number } | { kind: 'skip' };

/** Whether what is open is asked for again after a change that touched `touched`. */
export function refreshDecision(open: OpenView | null, touched: ReadonlySet<number> | 'all', now: number): RefreshDecision {
  if (!open) return { kind: 'skip' };
  if (open.kind === 'card') return touched === 'all' || touched.has(open.projectId) ? { kind: 'now' } : { kind: 'skip' };
  // Not loaded yet: the answer on its way is as new as it gets.
  if (open.loadedAt === null) return { kind: 'skip' };
  const wait = open.loadedAt + LIST_REFRESH_MS - now;
  return wait <= 0 ? { kind: 'now' } : { kind: 'later', inMs: wait };
}
