import { describe, expect, it } from 'vitest';
import { createRng, splitInteger } from '../../../server/demo/random.js';

describe('createRng', () => {
  it('repeats for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps helpers in range', () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const x = rng.float(1, 2);
      expect(x >= 1 && x < 2).toBe(true);
    }
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
  });

  it('forks independent, reproducible streams', () => {
    const root = createRng(9);
    const f1 = root.fork('x').next();
    root.next();
    expect(root.fork('x').next()).toBe(f1);
    expect(root.fork('y').next()).not.toBe(f1);
  });
});

describe('splitInteger', () => {
  it('splits exactly, proportionally, with zero weights getting nothing', () => {
    expect(splitInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitInteger(100, [0, 3, 1])).toEqual([0, 75, 25]);
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const weights = Array.from({ length: rng.int(1, 15) }, () => (rng.chance(0.2) ? 0 : rng.float(0, 10)));
      if (weights.every((w) => w === 0)) continue;
      const total = rng.int(0, 1_000_000);
      const parts = splitInteger(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, k) => {
        expect(Number.isInteger(p) && p >= 0).toBe(true);
        if (weights[k] === 0) expect(p).toBe(0);
      });
    }
  });

  it('rejects fractional or negative totals', () => {
    expect(() => splitInteger(1.5, [1])).toThrow();
    expect(() => splitInteger(-1, [1])).toThrow();
  });
});
