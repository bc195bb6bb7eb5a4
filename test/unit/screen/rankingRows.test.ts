import { describe, expect, it } from 'vitest';
import type { UnitRank } from '../../../shared/snapshot.js';
import { rankingRows } from '../../../screen/apps/wall/panels/rankingRows.js';

const units = (n: number): UnitRank[] =>
  Array.from({ length: n }, (_, i) => ({
    rank: i + 1, unitId: i + 1, unit: `单位${i + 1}`, projects: 1, annualPlan: 1, completed: 1, schedulePlan: 1,
    completionRate: 1, scheduleRate: 1, laggingCount: 0, score: 100 - i,
    components: { investment: 1, start: 1, completion: 1, timeliness: 1, problems: 1 },
  }));

describe('rankingRows', () => {
  it('shows every unit when they fit', () => {
    expect(rankingRows(units(6))).toEqual({ top: units(6), bottom: [], hidden: 0 });
    expect(rankingRows([])).toEqual({ top: [], bottom: [], hidden: 0 });
  });
  it('shows the first three and the last three of a long list, counting the rest', () => {
    const rows = rankingRows(units(20));
    expect(rows.top.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows.bottom.map((r) => r.rank)).toEqual([18, 19, 20]);
    expect(rows.hidden).toBe(14);
    expect(rankingRows(units(20), 8, 5).top).toHaveLength(5);
  });
});
