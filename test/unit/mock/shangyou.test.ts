// 上犹县 2021: six domain targets exactly as the plan states them.
import { describe, expect, it } from 'vitest';
import { YUAN_PER_YI } from '../../../shared/money.js';
import { shangyouDemo } from '../../../server/demo/shangyou.js';

describe('shangyouDemo', () => {
  const ledger = shangyouDemo({});

  it('has the campaign and the six domains with their targets', () => {
    expect(ledger.campaign).toMatchObject({ county: '上犹县', year: 2021, title: '上犹县“项目大会战”', frozenToday: '2021-09-20' });
    const targets = Object.fromEntries(ledger.domains.map((d) => [d.code, [d.name, d.target / YUAN_PER_YI]]));
    expect(targets).toEqual({
      industry: ['工业', 50],
      agriculture: ['农业', 4],
      services: ['服务业', 13],
      infrastructure: ['重大基础设施', 16],
      newinfra: ['新基建', 6],
      public: ['公共服务', 11],
    });
    expect(ledger.domains.reduce((s, d) => s + d.target, 0)).toBe(100 * YUAN_PER_YI);
  });

  it('plans each domain slightly above its target with about 90 projects', () => {
    expect(ledger.projects.length).toBeGreaterThanOrEqual(85);
    expect(ledger.projects.length).toBeLessThanOrEqual(100);
    for (const d of ledger.domains) {
      const planned = ledger.projects.filter((p) => p.domainCode === d.code).reduce((s, p) => s + p.annualPlan, 0);
      expect(planned).toBeGreaterThan(d.target);
      expect(planned).toBeLessThan(d.target * 1.1);
    }
  });

  it('links each leader to one to three projects (双挂制) and every project to its domain leader', () => {
    const load = new Map<string, number>();
    for (const p of ledger.projects) if (p.leader) load.set(p.leader, (load.get(p.leader) ?? 0) + 1);
    expect(load.size).toBe(ledger.leaders.length);
    expect([...load.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    expect(ledger.projects.every((p) => p.chargeLeader !== null)).toBe(true);
    expect(ledger.leaders.find((l) => l.rank === 'county_head')?.name).toBe('余业伟');
  });

  it('tags levels without stated totals', () => {
    expect(ledger.levels.map((l) => l.name)).toEqual(['省大中型', '省市县三级联动', '市重点', '县重点', '中央预算内', '专项债', '“5020”招商']);
    expect(ledger.levels.every((l) => l.plannedCount === null && l.plannedAnnual === null)).toBe(true);
    for (const l of ledger.levels) expect(ledger.projects.some((p) => p.levels.includes(l.code))).toBe(true);
  });

  it('has reports up to August for all started projects and some for the month due', () => {
    expect(ledger.reports.some((r) => r.month === '2021-08')).toBe(true);
    expect(ledger.reports.every((r) => r.month <= '2021-08')).toBe(true);
    expect(ledger.reports.filter((r) => r.month === '2021-07').length).toBeGreaterThan(ledger.reports.filter((r) => r.month === '2021-08').length);
  });
});
