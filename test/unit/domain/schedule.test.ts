import { describe, expect, it } from 'vitest';
import { dueScheduleMonths, indexByProject, projectSchedulePlan, scheduleMonths, spreadAnnualPlan } from '../../../server/domain/schedule.js';
import { figure, plan, YEAR } from './fixtures.js';

describe('dueScheduleMonths', () => {
  it('leaves out the reporting month until its deadline has passed', () => {
    expect(dueScheduleMonths(YEAR, '2020-07-05', 5)).toBe(5);
    expect(dueScheduleMonths(YEAR, '2020-07-06', 5)).toBe(6);
    expect(dueScheduleMonths(YEAR, '2020-01-03', 5)).toBe(0);
    expect(dueScheduleMonths(YEAR, '2021-01-03', 5)).toBe(11);
    expect(dueScheduleMonths(YEAR, '2021-02-03', 5)).toBe(12);
  });
});

describe('scheduleMonths', () => {
  it('counts the months through the reporting month', () => {
    expect(scheduleMonths(YEAR, '2020-07-03')).toBe(6);
    expect(scheduleMonths(YEAR, '2020-02-01')).toBe(1);
    expect(scheduleMonths(YEAR, '2020-12-31')).toBe(11);
  });

  it('is 0 in January, whose reporting month is the previous December', () => {
    expect(scheduleMonths(YEAR, '2020-01-01')).toBe(0);
    expect(scheduleMonths(YEAR, '2020-01-31')).toBe(0);
    expect(scheduleMonths(YEAR, '2019-06-15')).toBe(0);
  });

  it('is 12 once December is being reported and after the year', () => {
    expect(scheduleMonths(YEAR, '2021-01-01')).toBe(12);
    expect(scheduleMonths(YEAR, '2021-02-01')).toBe(12);
    expect(scheduleMonths(YEAR, '2023-09-09')).toBe(12);
  });
});

describe('projectSchedulePlan', () => {
  const plans = new Map([
    ['2020-01', 101],
    ['2020-03', 303],
    ['2020-04', 4_000_007],
  ]);

  it('sums the monthly plans through the month, not beyond', () => {
    expect(projectSchedulePlan({ annualPlan: 999 }, plans, YEAR, 3)).toBe(404);
    expect(projectSchedulePlan({ annualPlan: 999 }, plans, YEAR, 4)).toBe(4_000_411);
    expect(projectSchedulePlan({ annualPlan: 999 }, plans, YEAR, 12)).toBe(4_000_411);
    expect(projectSchedulePlan({ annualPlan: 999 }, plans, YEAR, 0)).toBe(0);
  });

  it('prorates the annual plan, rounded to the yuan, without monthly plans', () => {
    expect(projectSchedulePlan({ annualPlan: 12_345_678 }, undefined, YEAR, 6)).toBe(6_172_839);
    // 12,345,677 × 5 / 12 = 5,144,032.08…
    expect(projectSchedulePlan({ annualPlan: 12_345_677 }, undefined, YEAR, 5)).toBe(5_144_032);
    expect(projectSchedulePlan({ annualPlan: 7 }, new Map(), YEAR, 12)).toBe(7);
    expect(projectSchedulePlan({ annualPlan: 7 }, undefined, YEAR, 0)).toBe(0);
  });
});

describe('spreadAnnualPlan', () => {
  it('splits into twelve integers summing exactly, remainder on the last months', () => {
    expect(spreadAnnualPlan(100)).toEqual([8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9]);
    expect(spreadAnnualPlan(11)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(spreadAnnualPlan(0)).toEqual(new Array(12).fill(0));
    for (const annual of [1, 13, 8_490_000_001, 3_333_333_337]) {
      const parts = spreadAnnualPlan(annual);
      expect(parts.every(Number.isInteger)).toBe(true);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(annual);
    }
  });
});

describe('indexByProject', () => {
  it('keeps the campaign year, sums by project and month, and applies the filter', () => {
    const rows = [figure(1, '2020-01', 5), figure(1, '2020-01', 7), figure(1, '2019-12', 100), figure(2, '2020-02', 9, 'returned')];
    const index = indexByProject(rows, YEAR, (r) => r.investment, (r) => r.status !== 'returned');
    expect([...index.keys()]).toEqual([1]);
    expect([...index.get(1)!]).toEqual([['2020-01', 12]]);
    expect(indexByProject([plan(3, '2021-01', 1)], YEAR, (p) => p.amount).size).toBe(0);
  });
});
