// Invariants every generated ledger keeps, whatever the profile.
import { describe, expect, it } from 'vitest';
import { addMonths, isValidDate, monthOf, reportingMonth } from '../../../shared/dates.js';
import { YUAN_PER_WAN } from '../../../shared/money.js';
import type { LedgerSeed } from '../../../server/domain/ledger.js';
import type { Box } from '../../../server/demo/assemble.js';
import { demoLedger } from '../../../server/demo/demo.js';
import { provinceLedger } from '../../../server/demo/province.js';
import { SHANGYOU_BOX } from '../../../server/demo/shangyou.js';
import { YIYANG_BOX } from '../../../server/demo/yiyang.js';

const cases: [string, () => LedgerSeed, Box][] = [
  ['yiyang', () => demoLedger('yiyang'), YIYANG_BOX],
  ['yiyang early in the year', () => demoLedger('yiyang', { today: '2020-03-02', seed: 5 }), YIYANG_BOX],
  ['shangyou', () => demoLedger('shangyou'), SHANGYOU_BOX],
  ['province', () => provinceLedger({ projects: 400, seed: 3 }), { lon: [113.5, 118.5], lat: [24.5, 30.1] }],
];

describe.each(cases)('%s ledger', (_, make, box) => {
  const ledger = make();
  const today = ledger.campaign.frozenToday!;
  const byCode = new Map(ledger.projects.map((p) => [p.code, p]));

  it('is deterministic for a seed', () => {
    expect(make()).toEqual(ledger);
  });

  it('has unique codes and known domains, units and leaders', () => {
    expect(byCode.size).toBe(ledger.projects.length);
    const domains = new Set(ledger.domains.map((d) => d.code));
    const units = new Set(ledger.units);
    const leaders = new Set(ledger.leaders.map((l) => l.name));
    const levels = new Set(ledger.levels.map((l) => l.code));
    expect(new Set(ledger.leaders.map((l) => l.name)).size).toBe(ledger.leaders.length);
    for (const p of ledger.projects) {
      expect(domains.has(p.domainCode)).toBe(true);
      expect(units.has(p.unit)).toBe(true);
      if (p.leader) expect(leaders.has(p.leader)).toBe(true);
      expect(p.chargeLeader && leaders.has(p.chargeLeader)).toBe(true);
      for (const l of p.levels) expect(levels.has(l)).toBe(true);
    }
  });

  it('keeps money in whole 万元 safe integers, totals at least the annual plan', () => {
    for (const p of ledger.projects) {
      for (const y of [p.totalInvestment, p.annualPlan]) {
        expect(Number.isSafeInteger(y) && y >= 0 && y % YUAN_PER_WAN === 0).toBe(true);
      }
      expect(p.totalInvestment).toBeGreaterThanOrEqual(p.annualPlan);
    }
    for (const r of ledger.reports) expect(Number.isSafeInteger(r.investment) && r.investment >= 0 && r.investment % YUAN_PER_WAN === 0).toBe(true);
  });

  it('has monthly plans of twelve amounts summing to the annual plan', () => {
    const withPlan = ledger.projects.filter((p) => p.monthlyPlan !== null);
    expect(withPlan.length / ledger.projects.length).toBeGreaterThan(0.6);
    expect(withPlan.length / ledger.projects.length).toBeLessThan(0.8);
    for (const p of withPlan) {
      expect(p.monthlyPlan).toHaveLength(12);
      expect(p.monthlyPlan!.every((m) => Number.isSafeInteger(m) && m >= 0)).toBe(true);
      expect(p.monthlyPlan!.reduce((a, b) => a + b, 0)).toBe(p.annualPlan);
    }
  });

  it('places every project inside the county box', () => {
    for (const p of ledger.projects) {
      expect(p.lon!).toBeGreaterThanOrEqual(box.lon[0]);
      expect(p.lon!).toBeLessThanOrEqual(box.lon[1]);
      expect(p.lat!).toBeGreaterThanOrEqual(box.lat[0]);
      expect(p.lat!).toBeLessThanOrEqual(box.lat[1]);
    }
  });

  it('has consistent dates and stages as of today', () => {
    for (const p of ledger.projects) {
      for (const d of [p.plannedStart, p.plannedCompletion, p.startedOn, p.completedOn]) if (d) expect(isValidDate(d)).toBe(true);
      if (p.startedOn) expect(p.startedOn <= today).toBe(true);
      if (p.completedOn) {
        expect(p.completedOn <= today && p.completedOn >= p.startedOn!).toBe(true);
        expect(['completed', 'operating']).toContain(p.stage);
      } else {
        expect(p.stage).toBe(p.startedOn ? 'construction' : 'preparing');
      }
    }
  });

  it('has reports only for started months up to the month due, never dated after today', () => {
    const due = reportingMonth(today);
    const seen = new Set<string>();
    for (const r of ledger.reports) {
      const p = byCode.get(r.projectCode)!;
      expect(p.startedOn).not.toBeNull();
      expect(r.month >= monthOf(p.startedOn!) && r.month <= due).toBe(true);
      if (p.completedOn) expect(r.month <= monthOf(p.completedOn)).toBe(true);
      expect(r.submittedAt.slice(0, 10) <= today).toBe(true);
      expect(r.submittedAt.slice(0, 7)).toBe(addMonths(r.month, 1));
      expect(r.progress.length).toBeGreaterThan(0);
      if (r.startedOn) expect(r.startedOn).toBe(p.startedOn);
      if (r.completedOn) expect(r.completedOn).toBe(p.completedOn);
      const key = `${r.projectCode}@${r.month}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('reports no more than plausible: at most the total and 1.15× the annual plan', () => {
    const done = new Map<string, number>();
    for (const r of ledger.reports) done.set(r.projectCode, (done.get(r.projectCode) ?? 0) + r.investment);
    for (const p of ledger.projects) {
      expect(done.get(p.code) ?? 0).toBeLessThanOrEqual(Math.min(p.totalInvestment, p.annualPlan * 1.15));
    }
  });
});
