// 弋阳县 2020 must match the plan's figures exactly.
import { describe, expect, it } from 'vitest';
import { addMonths, monthIndex, reportingMonth } from '../../../shared/dates.js';
import { YUAN_PER_YI } from '../../../shared/money.js';
import { yiyangDemo } from '../../../server/demo/yiyang.js';

const yi = (n: number) => Math.round(n * 10_000) * 10_000;

describe('yiyangDemo', () => {
  const ledger = yiyangDemo({});
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('has the campaign of the plan, frozen at the default today', () => {
    expect(ledger.campaign).toMatchObject({ county: '弋阳县', year: 2020, title: '弋阳县“项目建设提速年”', frozenToday: '2020-11-20' });
    expect(ledger.domains.map((d) => d.code)).toEqual(['industry', 'agriculture', 'services', 'infrastructure', 'livelihood', 'ecology']);
  });

  it('has 69 key projects, 245.6亿 total and 84.9亿 this year', () => {
    expect(ledger.projects).toHaveLength(69);
    expect(sum(ledger.projects.map((p) => p.totalInvestment))).toBe(245.6 * YUAN_PER_YI);
    expect(sum(ledger.projects.map((p) => p.annualPlan))).toBe(yi(84.9));
    expect(ledger.projects.every((p) => p.levels.includes('county_key'))).toBe(true);
  });

  it('matches every level tag count and annual sum exactly', () => {
    const expected: Record<string, [number, number]> = {
      prov_key: [1, yi(3)],
      prov_major: [11, yi(26.9)],
      linkage: [20, yi(23.3)],
      city_key: [30, yi(69.7)],
      county_key: [69, yi(84.9)],
    };
    for (const level of ledger.levels) {
      const tagged = ledger.projects.filter((p) => p.levels.includes(level.code));
      expect([tagged.length, sum(tagged.map((p) => p.annualPlan))]).toEqual(expected[level.code]);
      expect([level.plannedCount, level.plannedAnnual]).toEqual(expected[level.code]);
    }
  });

  it('names the plan’s projects and gives each a linked leader', () => {
    const names = new Set(ledger.projects.map((p) => p.name));
    for (const n of ['巴顿多金属二次资源综合回收利用', '智盟产业新城', 'G320沪瑞线弋阳段改建', '医用口罩厂', '信江两岸生态河堤', '第三中学']) {
      expect(names.has(n)).toBe(true);
    }
    const load = new Map<string, number>();
    for (const p of ledger.projects) load.set(p.leader!, (load.get(p.leader!) ?? 0) + 1);
    expect(load.size).toBe(8);
    expect([...load.values()].every((n) => n >= 3)).toBe(true);
  });

  it('mixes continuing, new, overdue and completing projects', () => {
    const stages = ledger.projects.map((p) => p.stage);
    expect(ledger.projects.filter((p) => p.startedOn && p.startedOn < '2020-01-01').length).toBeGreaterThan(25);
    expect(ledger.projects.filter((p) => p.startedOn && p.startedOn >= '2020-01-01').length).toBeGreaterThan(15);
    expect(ledger.projects.filter((p) => !p.startedOn && p.plannedStart! < '2020-11-20').length).toBeGreaterThanOrEqual(3);
    expect(ledger.projects.filter((p) => p.plannedCompletion!.startsWith('2020')).length).toBeGreaterThanOrEqual(20);
    expect(stages.filter((s) => s === 'completed' || s === 'operating').length).toBeGreaterThanOrEqual(12);
  });

  it('has reports through September from everyone started, and October from about 85%', () => {
    const due = reportingMonth('2020-11-20');
    const reporters = new Set(ledger.reports.filter((r) => r.month === due).map((r) => r.projectCode));
    const active = ledger.projects.filter((p) => p.startedOn && (!p.completedOn || p.completedOn >= '2020-10-01'));
    expect(reporters.size / active.length).toBeGreaterThan(0.7);
    expect(reporters.size / active.length).toBeLessThan(0.97);
    const september = new Set(ledger.reports.filter((r) => r.month === addMonths(due, -1)).map((r) => r.projectCode));
    for (const p of ledger.projects.filter((q) => q.startedOn && q.startedOn < '2020-09-01' && !q.completedOn)) {
      expect(september.has(p.code)).toBe(true);
    }
  });

  it('has at least five projects lagging well behind their plan', () => {
    const through = 9; // months every unit has reported
    const lagging = ledger.projects.filter((p) => {
      if (!p.startedOn || p.startedOn >= '2020-01-01') return false;
      const plan = p.monthlyPlan ? sum(p.monthlyPlan.slice(0, through)) : (p.annualPlan * through) / 12;
      const done = sum(ledger.reports.filter((r) => r.projectCode === p.code && monthIndex(r.month) <= through).map((r) => r.investment));
      return done < 0.7 * plan;
    });
    expect(lagging.length).toBeGreaterThanOrEqual(5);
  });

  it('follows a configurable today', () => {
    const early = yiyangDemo({ today: '2020-04-10' });
    expect(early.campaign.frozenToday).toBe('2020-04-10');
    expect(early.reports.every((r) => r.month <= '2020-03')).toBe(true);
    expect(early.projects.filter((p) => p.completedOn).length).toBeLessThan(3);
    expect(yiyangDemo({ seed: 99 })).not.toEqual(ledger);
  });
});
