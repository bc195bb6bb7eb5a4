import { describe, expect, it } from 'vitest';
import { applyFigures, diffFigures, type Figures } from '../../../shared/summaryDelta.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

const figures = (): Figures => makeSnapshot();

/** A small deterministic generator, so a failing case can be replayed by its seed. */
function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** A random change of the kinds a write makes: amounts moved, rows gone, added, reordered. */
function mutate(f: Figures, r: () => number): Figures {
  const pick = <T>(rows: T[]) => rows[Math.floor(r() * rows.length)];
  const next = structuredClone(f);
  next.totals.completed += Math.floor(r() * 1e6);
  if (r() < 0.5) pick(next.byDomain).completed += 1;
  if (r() < 0.3) next.lagging = next.lagging.filter(() => r() < 0.8);
  if (r() < 0.3) next.lagging.push({ ...next.lagging[0] ?? f.lagging[0], projectId: 10_000 + Math.floor(r() * 100) });
  if (r() < 0.3) next.ranking.reverse();
  if (r() < 0.3) next.trend[Math.floor(r() * next.trend.length)].actual += 5;
  if (r() < 0.2) next.byLeader = next.byLeader.slice(1);
  return next;
}

describe('summary deltas', () => {
  it('carries only the rows that moved', () => {
    const before = figures();
    const after = structuredClone(before);
    after.byDomain[2].completed += 100;
    after.totals.completed += 100;
    const d = diffFigures(before, after);
    expect(d.byDomain).toEqual({ upsert: [after.byDomain[2]] });
    expect(d.byLevel).toBeUndefined();
    expect(d.lagging).toBeUndefined();
    expect(d.totals).toEqual(after.totals);
    expect(JSON.stringify(d).length).toBeLessThan(JSON.stringify(after).length / 10);
  });

  it('gives the new order when rows are removed, added or reordered', () => {
    const before = figures();
    const after = structuredClone(before);
    after.ranking.reverse();
    const d = diffFigures(before, after);
    expect(d.ranking).toEqual({ upsert: [], order: after.ranking.map((u) => u.unitId) });
  });

  it('applied to the figures it was taken from, gives the new figures (any change)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const before = figures();
      const after = mutate(before, r);
      expect(applyFigures(before, diffFigures(before, after)), `seed ${seed}`).toEqual(after);
    }
  });

  it('taken against nothing, applies to any figures', () => {
    const other = mutate(figures(), rng(7));
    const after = mutate(figures(), rng(8));
    expect(applyFigures(other, diffFigures(null, after))).toEqual(after);
  });

  it('refuses (null) when it names rows the client does not hold', () => {
    const before = figures();
    const after = structuredClone(before);
    after.lagging[0].completed += 1;
    const d = diffFigures(before, after);
    const holder = { ...before, lagging: before.lagging.slice(1) };
    expect(applyFigures(holder, d)).toBeNull();
    // A new order naming a row that neither the delta nor the client has.
    const reordered = diffFigures(before, { ...before, lagging: [...before.lagging].reverse() });
    expect(applyFigures({ ...before, lagging: before.lagging.slice(0, -1) }, reordered)).toBeNull();
  });
});

describe('summary deltas from a process of the previous release', () => {
  it('take a list sent whole as the new list', () => {
    const before = figures();
    const after = mutate(before, rng(3));
    const whole = { ...diffFigures(null, after), lagging: after.lagging } as unknown as Parameters<typeof applyFigures>[1];
    expect(applyFigures(before, whole)?.lagging).toEqual(after.lagging);
  });
});
