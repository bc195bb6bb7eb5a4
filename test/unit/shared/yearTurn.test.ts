import { describe, expect, it } from 'vitest';
import { YUAN_PER_YI } from '../../../shared/money.js';
import type { GroupFigures, Totals } from '../../../shared/snapshot.js';
import {
  countChangeText,
  growth,
  growthText,
  growthTone,
  periodLength,
  periodProgress,
  periodTotal,
  periodYears,
  yearOnYear,
  type CampaignPeriod,
} from '../../../shared/yearTurn.js';

const yi = (n: number) => Math.round(n * YUAN_PER_YI);

/** 上犹 2021-2023 in its second year: three-year targets per domain, 2021's year-end figures before. */
const PERIOD: CampaignPeriod = {
  firstYear: 2021,
  lastYear: 2023,
  target: yi(80),
  before: yi(20),
  byDomain: [
    { name: '工业', target: yi(50), before: yi(15) },
    { name: '农业', target: yi(30), before: yi(5) },
    { name: '文旅', target: null, before: 0 },
  ],
  byLevel: [],
};

const current = (name: string, completedYi: number) => ({ name, completed: yi(completedYi) }) as GroupFigures;

describe('同比', () => {
  it('says how completed investment grew against the same month of the year before, to 0.1%', () => {
    expect(growth(111_500, 100_000)).toBeCloseTo(0.115);
    expect(growthText(yi(11.15), yi(10))).toBe('同比增长11.5%');
    expect(growthText(yi(9.68), yi(10))).toBe('同比下降3.2%');
    expect(growthText(yi(10), yi(10))).toBe('同比持平');
    // A change that rounds to 0.0% is 持平, not 增长0.0%.
    expect(growthText(100_040, 100_000)).toBe('同比持平');
    expect(growthText(yi(2), yi(1))).toBe('同比增长100.0%');
  });

  it('says nothing where the previous year completed nothing', () => {
    expect(growth(yi(5), 0)).toBeNull();
    expect(growthText(yi(5), 0)).toBe('');
    expect(growthTone(yi(5), 0)).toBeNull();
  });

  it('colours by the same rounding as the text', () => {
    expect([growthTone(yi(11.15), yi(10)), growthTone(yi(9.68), yi(10)), growthTone(100_040, 100_000)]).toEqual(['up', 'down', 'flat']);
  });

  it('counts projects started and completed in whole projects', () => {
    expect(countChangeText(15, 12)).toBe('同比增加3个');
    expect(countChangeText(3, 5)).toBe('同比减少2个');
    expect(countChangeText(7, 7)).toBe('同比持平');
    expect(countChangeText(1, 0)).toBe('同比增加1个');
  });

  it('gives the headline lines of the wall and the desk from one set of figures', () => {
    const totals = { completed: yi(11.15), started: 15, completedProjects: 3 } as Totals;
    const prior = { year: 2019, month: '2019-05', completed: yi(10), started: 12, completedProjects: 5 };
    expect(yearOnYear(totals, prior)).toEqual({ completed: '同比增长11.5%', tone: 'up', started: '同比增加3个', completedProjects: '同比减少2个' });
  });
});

describe('multi-year campaign period', () => {
  it('adds the earlier years to this year per group, against the whole period\'s target', () => {
    const progress = periodProgress(PERIOD.byDomain, [current('工业', 16), current('农业', 4), current('文旅', 2)]);
    expect(progress).toEqual([
      { name: '工业', target: yi(50), completed: yi(31), rate: 0.62 },
      { name: '农业', target: yi(30), completed: yi(9), rate: 0.3 },
      { name: '文旅', target: null, completed: yi(2), rate: null },
    ]);
  });

  it('keeps what earlier years did for a group with nothing this year', () => {
    expect(periodProgress(PERIOD.byDomain, [current('工业', 1)])[1]).toEqual({ name: '农业', target: yi(30), completed: yi(5), rate: yi(5) / yi(30) });
  });

  it('totals the period against the sum of the targets', () => {
    expect(periodTotal(PERIOD, { completed: yi(20) } as Totals)).toEqual({ name: '合计', target: yi(80), completed: yi(40), rate: 0.5 });
    expect(periodTotal({ ...PERIOD, target: null }, { completed: yi(20) } as Totals).rate).toBeNull();
  });

  it('names the period the way plans do', () => {
    expect(periodYears(PERIOD)).toBe('2021–2023年');
    expect(periodLength(PERIOD)).toBe('三年');
    expect(periodLength({ firstYear: 2021, lastYear: 2022 })).toBe('两年');
    expect(periodLength({ firstYear: 2021, lastYear: 2025 })).toBe('五年');
    expect(periodLength({ firstYear: 2001, lastYear: 2020 })).toBe('20年');
  });
});
