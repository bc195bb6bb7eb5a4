import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../server/domain/aggregates.js';
import type { MonthlyFigure, MonthlyPlan } from '../../../server/domain/ledger.js';
import { figure, ledger, monthlyPlans, project } from './fixtures.js';

// Speed is measured by `npm run bench`; this checks the sums stay exact at that scale. Building and
// summing 375,000 rows takes seconds of CPU, more on a loaded machine: the time limit is generous
// so that only a wrong sum fails it.
const HEAVY = { timeout: 120_000 };

describe('computeSummary at province scale', () => {
  it('sums 15,000 projects with 180,000 plan and 180,000 report rows exactly', HEAVY, () => {
    const projects = Array.from({ length: 15_000 }, (_, i) => project(i + 1, { annualPlan: 1_200_001 + i, levels: i % 2 ? ['province'] : ['city', 'county'] }));
    const plans: MonthlyPlan[] = [];
    const monthly: MonthlyFigure[] = [];
    for (const p of projects) {
      plans.push(...monthlyPlans(p.id, Array.from({ length: 12 }, () => 100_001)));
      for (let m = 1; m <= 12; m++) monthly.push(figure(p.id, `2020-${String(m).padStart(2, '0')}`, 50_003, m <= 10 ? 'accepted' : 'submitted'));
    }
    const input = ledger({ today: '2020-11-20', projects, plans, monthly });

    const s = computeSummary(input);

    expect(s.totals.completed).toBe(15_000 * 10 * 50_003);
    expect(s.totals.schedulePlan).toBe(15_000 * 10 * 100_001);
    expect(s.trend[11].planCum).toBe(15_000 * 12 * 100_001);
  });
});
