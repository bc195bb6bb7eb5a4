import { describe, expect, it } from 'vitest';
import { createLimiter, DRILL_RATE, MAP_FULL_RATE, MAP_POINTS_RATE, take, type Bucket } from '../../../server/realtime/rateLimit.js';

describe('token bucket', () => {
  it('allows a burst of capacity, then the rate, and a refused request costs nothing', () => {
    const rate = { capacity: 3, perSecond: 2 };
    let bucket: Bucket | null = null;
    const at = (now: number) => {
      const r = take(bucket, rate, now);
      bucket = r.bucket;
      return r;
    };
    expect([at(0), at(0), at(0)].map((r) => r.ok)).toEqual([true, true, true]);
    expect(at(0)).toMatchObject({ ok: false, waitMs: 500 });
    expect(at(499).ok).toBe(false);
    expect(at(500).ok).toBe(true);
    expect(at(500).ok).toBe(false);
    // A long quiet spell fills it to capacity, no further.
    expect([at(60_000), at(60_000), at(60_000), at(60_000)].map((r) => r.ok)).toEqual([true, true, true, false]);
  });

  it('does not refill on a clock going backwards', () => {
    const r1 = take(null, { capacity: 1, perSecond: 1 }, 10_000);
    const r2 = take(r1.bucket, { capacity: 1, perSecond: 1 }, 5_000);
    expect(r2.ok).toBe(false);
    expect(take(r2.bucket, { capacity: 1, perSecond: 1 }, 11_000).ok).toBe(true);
  });

  it('paces the wall requests as documented', () => {
    let now = 0;
    const clock = () => now;
    const drill = createLimiter(DRILL_RATE, clock);
    expect(Array.from({ length: 11 }, () => drill.tryTake()).filter(Boolean)).toHaveLength(10);
    now += 1_000;
    expect(Array.from({ length: 6 }, () => drill.tryTake()).filter(Boolean)).toHaveLength(5);

    const full = createLimiter(MAP_FULL_RATE, clock);
    expect(full.tryTake()).toBe(true);
    now += 9_999;
    expect(full.tryTake()).toBe(false);
    now += 1;
    expect(full.tryTake()).toBe(true);

    const points = createLimiter(MAP_POINTS_RATE, clock);
    expect([points.tryTake(), points.tryTake(), points.tryTake(), points.tryTake()]).toEqual([true, true, true, false]);
    now += 2_000;
    expect(points.tryTake()).toBe(true);
  });
});
