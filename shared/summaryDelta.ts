// What a push carries of the figures: the scalars whole, and of each keyed list only the rows that
// changed. The server diffs the new figures against the version walls hold; walls apply it. Both
// ends use this module, so "apply(prev, diff(prev, next)) = next" is one property, tested once.
import type { ProblemSummary } from './problems.js';
import type { RankingWeights } from './types.js';
import type { GroupFigures, LaggingProject, LeaderFigures, OpenMonth, Snapshot, Totals, TrendPoint, UnitRank } from './snapshot.js';

export type RowKey = string | number;

/**
 * A keyed list's change: rows new or different, keys gone, and the whole key order when it changed
 * (membership or sequence). Absent from a delta: the list did not change.
 */
export interface ListDelta<T> {
  upsert: T[];
  remove?: RowKey[];
  order?: RowKey[];
}

/** The figures as a change leaves them: small at any scale (a few rows of each list). */
export interface SummaryDelta {
  /** The product's date and the month the figures run through: both move on with the calendar. */
  today: string;
  reportingMonth: string;
  scheduleRatio: number;
  totals: Totals;
  rankingWeights: RankingWeights;
  /** 本月已报 (Snapshot.openMonth). */
  openMonth: OpenMonth | null;
  /** The problem panel's counts, which move with the date (ages, overdue) as well as with problems. */
  problems?: ProblemSummary;
  byDomain?: ListDelta<GroupFigures>;
  byLevel?: ListDelta<GroupFigures>;
  byLeader?: ListDelta<LeaderFigures>;
  trend?: ListDelta<TrendPoint>;
  lagging?: ListDelta<LaggingProject>;
  ranking?: ListDelta<UnitRank>;
}

/** The figures a delta is taken between: a snapshot's summary part. */
export type Figures = Pick<Snapshot, 'today' | 'reportingMonth' | 'scheduleRatio' | 'totals' | 'rankingWeights' | 'openMonth' | 'byDomain' | 'byLevel' | 'byLeader' | 'trend' | 'lagging' | 'ranking'>;

type ListName = 'byDomain' | 'byLevel' | 'byLeader' | 'trend' | 'lagging' | 'ranking';

const KEYS: { [K in ListName]: (row: Figures[K][number]) => RowKey } = {
  byDomain: (g) => g.key,
  byLevel: (g) => g.key,
  byLeader: (l) => l.leaderId,
  trend: (t) => t.month,
  lagging: (p) => p.projectId,
  ranking: (u) => u.unitId,
};
const LISTS = Object.keys(KEYS) as ListName[];

// Rows are plain JSON data from one serialiser: equal rows serialise equally.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffList<T>(prev: readonly T[] | null, next: readonly T[], key: (row: T) => RowKey): ListDelta<T> | undefined {
  if (prev === null) return { upsert: [...next], order: next.map(key) };
  const before = new Map(prev.map((r) => [key(r), r]));
  const nextKeys = next.map(key);
  const upsert = next.filter((r) => !before.has(key(r)) || !same(before.get(key(r)), r));
  const kept = new Set(nextKeys);
  const remove = prev.map(key).filter((k) => !kept.has(k));
  const reordered = nextKeys.length !== prev.length || nextKeys.some((k, i) => k !== key(prev[i]));
  if (!upsert.length && !remove.length && !reordered) return undefined;
  return { upsert, ...(remove.length ? { remove } : {}), ...(reordered ? { order: nextKeys } : {}) };
}

/** The delta from `prev` to `next`; with no `prev`, every list whole (a client holding anything can apply it). */
export function diffFigures(prev: Figures | null, next: Figures, problems?: ProblemSummary): SummaryDelta {
  const delta: SummaryDelta = {
    today: next.today, reportingMonth: next.reportingMonth, scheduleRatio: next.scheduleRatio,
    totals: next.totals, rankingWeights: next.rankingWeights, openMonth: next.openMonth,
    ...(problems ? { problems } : {}),
  };
  for (const name of LISTS) {
    const d = diffList<Figures[typeof name][number]>(prev ? prev[name] : null, next[name], KEYS[name] as (r: Figures[typeof name][number]) => RowKey);
    if (d) (delta as unknown as Record<ListName, unknown>)[name] = d;
  }
  return delta;
}

function applyList<T>(rows: readonly T[], d: ListDelta<T> | T[] | undefined, key: (row: T) => RowKey): T[] | null {
  if (!d) return rows as T[];
  // A whole list, as a process of the previous release still sends during a rolling restart.
  if (Array.isArray(d)) return d;
  const byKey = new Map(rows.map((r) => [key(r), r]));
  for (const k of d.remove ?? []) byKey.delete(k);
  const fresh = new Map(d.upsert.map((r) => [key(r), r]));
  if (d.order) {
    const out: T[] = [];
    for (const k of d.order) {
      const row = fresh.get(k) ?? byKey.get(k);
      if (row === undefined) return null; // the delta was taken against figures we do not hold
      out.push(row);
    }
    return out;
  }
  // Without an order the membership did not change: every upserted row replaces one in place.
  if (d.upsert.some((r) => !byKey.has(key(r)))) return null;
  return rows.filter((r) => byKey.has(key(r))).map((r) => fresh.get(key(r)) ?? r);
}

/**
 * The figures after a delta; null when it cannot apply to what the client holds (a row it names is
 * missing) — the client then asks for the whole snapshot, as after a version gap.
 */
export function applyFigures<S extends Figures>(prev: S, delta: SummaryDelta): S | null {
  const next = {
    ...prev,
    today: delta.today, reportingMonth: delta.reportingMonth, scheduleRatio: delta.scheduleRatio,
    totals: delta.totals, rankingWeights: delta.rankingWeights, openMonth: delta.openMonth,
  } as S;
  for (const name of LISTS) {
    const rows = applyList<Figures[typeof name][number]>(prev[name], delta[name] as ListDelta<Figures[typeof name][number]>, KEYS[name] as (r: Figures[typeof name][number]) => RowKey);
    if (rows === null) return null;
    (next as unknown as Record<ListName, unknown>)[name] = rows;
  }
  return next;
}
