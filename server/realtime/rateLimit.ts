// Per-socket request rates: a token bucket (pure) and the rates of the wall's socket requests.
// A well-behaved wall stays far below them; a client asking in a loop is told to wait.

/** Up to `capacity` requests at once, then `perSecond` on average. */
export interface Rate {
  capacity: number;
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  /** When the tokens were counted (epoch ms). */
  at: number;
}

/** Drill-down lists and cards: a burst of clicks, then five a second. */
export const DRILL_RATE: Rate = { capacity: 10, perSecond: 5 };
/** Map requests (the points, for a wall that holds the map): a few at once, then one every 2 s. */
export const MAP_POINTS_RATE: Rate = { capacity: 3, perSecond: 1 / 2 };
/** Map requests answered with the full GeoJSON (megabytes): one every 10 s. */
export const MAP_FULL_RATE: Rate = { capacity: 1, perSecond: 1 / 10 };

export const RATE_LIMITED = '请求过于频繁，请稍后再试';

/** The bucket refilled up to `now`: full for a first request, never above capacity. */
export function refill(bucket: Bucket | null, rate: Rate, now: number): Bucket {
  if (!bucket) return { tokens: rate.capacity, at: now };
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  return { tokens: Math.min(rate.capacity, bucket.tokens + elapsed * rate.perSecond), at: Math.max(now, bucket.at) };
}

/**
 * Takes one token when there is one. Refused, the bucket is left as it was (a refused request
 * costs nothing) and `waitMs` says when the next token comes.
 */
export function take(bucket: Bucket | null, rate: Rate, now: number): { ok: boolean; bucket: Bucket; waitMs: number } {
  const full = refill(bucket, rate, now);
  if (full.tokens >= 1) return { ok: true, bucket: { tokens: full.tokens - 1, at: full.at }, waitMs: 0 };
  return { ok: false, bucket: full, waitMs: Math.ceil(((1 - full.tokens) / rate.perSecond) * 1000) };
}

/** One socket's bucket for one kind of request. */
export function createLimiter(rate: Rate, clock: () => number = Date.now): { tryTake(): boolean } {
  let bucket: Bucket | null = null;
  return {
    tryTake() {
      const r = take(bucket, rate, clock());
      bucket = r.bucket;
      return r.ok;
    },
  };
}
