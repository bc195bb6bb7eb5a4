// The wall's and the desk's 同比 line and a multi-year campaign's period lines (overview, 领域 cards).
import { describe, expect, it } from 'vitest';
import { YUAN_PER_YI } from '../../../shared/money.js';
import type { CampaignPeriod, PriorYear } from '../../../shared/yearTurn.js';
import { periodLine, yearOnYearLines, yiShort } from '../../../screen/features/figures/yearTurnLines.js';
import { groupViews } from '../../../screen/apps/wall/panels/groupCards.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

const yi = (n: number) => Math.round(n * YUAN_PER_YI);

describe('the overview\'s 同比 line', () => {
  const s = makeSnapshot();
  const prior: PriorYear = { year: 2019, month: '2019-08', completed: yi(49.3), started: 30, completedProjects: 23 };

  it('shows nothing at all without the previous year', () => {
    expect(yearOnYearLines(s.totals, null)).toBeNull();
    expect(yearOnYearLines(s.totals, undefined)).toBeNull();
  });

  it('compares completed investment and the started and completed counts, with what they are against', () => {
    const lines = yearOnYearLines({ ...s.totals, completed: yi(54.97) }, prior)!;
    expect(lines).toMatchObject({ completed: '同比增长11.5%', tone: 'up', arrow: '▲' });
    expect(lines.counts).toBe('已开工同比增加3个 · 已竣工同比减少2个');
    expect(lines.title).toBe('上年同期（截至2019年8月底）累计完成投资49.30亿元，已开工30个，已竣工23个');
  });

  it('points down when the year is behind, and not at all when level or without a figure', () => {
    expect(yearOnYearLines({ ...s.totals, completed: yi(47.72) }, prior)).toMatchObject({ completed: '同比下降3.2%', tone: 'down', arrow: '▼' });
    expect(yearOnYearLines({ ...s.totals, completed: yi(49.3) }, prior)).toMatchObject({ completed: '同比持平', tone: 'flat', arrow: '' });
    expect(yearOnYearLines(s.totals, { ...prior, completed: 0 })).toMatchObject({ completed: '', tone: null, arrow: '' });
  });
});

/** 上犹-style: 2021-2023 with three-year targets per domain; 2021 done. */
function period(s = makeSnapshot()): CampaignPeriod {
  return {
    firstYear: 2021,
    lastYear: 2023,
    target: yi(150),
    before: yi(48.2),
    byDomain: s.byDomain.map((d, i) => ({ name: d.name, target: i === 2 ? null : yi(30 + i * 5), before: yi(8 + i) })),
    byLevel: s.byLevel.map((l) => ({ name: l.name, target: yi(40), before: yi(5) })),
  };
}

describe('the overview\'s period line', () => {
  const s = makeSnapshot();

  it('is absent for a one-year campaign', () => {
    expect(periodLine(null, s.totals)).toBeNull();
    expect(periodLine(undefined, s.totals)).toBeNull();
  });

  it('puts this year and the earlier ones against the whole period\'s target', () => {
    const line = periodLine(period(), { ...s.totals, completed: yi(54.99) })!;
    expect(line.text).toBe('2021–2023年目标 150亿 · 已完成 103.19亿（68.8%）');
    expect(line.title).toBe('2021–2023年累计完成投资103.19亿元，其中往年48.20亿元、本年54.99亿元');
    expect(periodLine({ ...period(), target: null }, { ...s.totals, completed: yi(54.99) })!.text).toBe('2021–2023年已完成 103.19亿');
  });

  it('writes 亿元 without trailing zeros', () => {
    expect([yiShort(yi(50)), yiShort(yi(12.5)), yiShort(yi(103.19)), yiShort(0)]).toEqual(['50', '12.5', '103.19', '0']);
  });
});

describe('领域 cards over a multi-year campaign', () => {
  it('give each domain its three-year target and how much of it is done, this year included', () => {
    const s = makeSnapshot();
    const cards = groupViews(s.byDomain, s.byLevel, period(s)).cards;
    // 工业: 21.35 this year + 8 before, of 30.
    expect(cards[0]).toMatchObject({ name: '工业', period: '三年目标30亿 · 完成98%' });
    expect(cards[1]).toMatchObject({ name: '农业', period: '三年目标35亿 · 完成34%' });
    expect(cards[2]).toMatchObject({ name: '现代服务业', period: '三年累计完成20.86亿' });
  });

  it('give the level cards theirs when the campaign has levels only', () => {
    const s = makeSnapshot();
    const views = groupViews([], s.byLevel, period(s));
    expect(views.cardsAre).toBe('level');
    expect(views.cards[0]).toMatchObject({ name: '省重点', period: '三年目标40亿 · 完成18%' });
  });

  it('carry no period line in a one-year campaign or for a group the period does not name', () => {
    const s = makeSnapshot();
    expect(groupViews(s.byDomain, s.byLevel).cards.every((c) => c.period === null)).toBe(true);
    const p = { ...period(s), byDomain: period(s).byDomain.slice(1) };
    expect(groupViews(s.byDomain, s.byLevel, p).cards[0].period).toBeNull();
    expect(groupViews(s.byDomain, s.byLevel, p).levels.every((l) => l.period === null)).toBe(true);
  });
});
