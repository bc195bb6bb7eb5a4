// The map page's live rules, pure: which ticker events are new milestones, what they do to the
// points, which points ripple, and when the points may be fetched again.
import type { MapPoint } from '../../../../shared/map.js';
import type { TickerEvent } from '../../../../shared/snapshot.js';

/** How long a new start's or completion's point ripples. */
export const RIPPLE_MS = 45_000;
/** At most this many points ripple at once; the oldest stops first. */
export const RIPPLE_LIMIT = 8;
/** Points are fetched again at most this often as the figures move (and at once on a full snapshot). */
export const REFETCH_MIN_MS = 60_000;

export type Milestone = TickerEvent & { kind: 'started' | 'completed' };

/** The 开工 / 竣工 events of `next` that were not in the ticker before. */
export function newMilestones(seen: ReadonlySet<string>, next: readonly TickerEvent[]): Milestone[] {
  return next.filter((e): e is Milestone => (e.kind === 'started' || e.kind === 'completed') && !seen.has(e.id));
}

/**
 * A milestone moves its point at once: a completion to 竣工; a start to 已开工 unless it is already
 * 在建 or 竣工. The next fetch brings the server's word (a lagging project may stay 滞后).
 */
export function applyMilestone(points: readonly MapPoint[], m: Milestone): MapPoint[] {
  return points.map((p) => {
    if (p.projectId !== m.projectId) return p;
    if (m.kind === 'completed') return p.state === 'completed' ? p : { ...p, state: 'completed' };
    return p.state === 'planned' || p.state === 'lagging' ? { ...p, state: 'started' } : p;
  });
}

/** The rippling projects with `id` added last, the oldest dropped beyond the limit. */
export function addRipple(rippling: readonly number[], id: number, limit = RIPPLE_LIMIT): number[] {
  return [...rippling.filter((r) => r !== id), id].slice(-limit);
}

/** Milliseconds to wait before fetching again, given the last fetch (epoch ms). */
export function refetchDelay(lastAt: number | null, now: number, min = REFETCH_MIN_MS): number {
  return lastAt === null ? 0 : Math.max(0, lastAt + min - now);
}
