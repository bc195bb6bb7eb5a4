import { describe, expect, it } from 'vitest';
import { demoLedger, DEMO_PROFILES } from '../../../server/demo/demo.js';
import { liveAsOf, monthEndAsOf } from '../../../server/domain/asOf.js';
import type { Summary } from '../../../server/domain/aggregates.js';
import type { LedgerInput } from '../../../server/domain/ledger.js';
import { campaignAsOf } from '../../../server/domain/monthEnd.js';
import { chinaDate, monthsOfYear } from '../../../shared/dates.js';
import { audit, type Audit, type AuditRows, type GroupAudit } from '../../fixtures/auditor.js';
import { demoInput } from '../../fixtures/demoInput.js';

/** The ledger rows as the auditor reads them. */
function rowsOf(input: LedgerInput): AuditRows {
  return {
    year: input.campaign.year,
    settings: input.campaign.settings,
    domains: input.domains,
    levels: input.levels,
    projects: input.projects,
    plans: input.plans,
    reports: input.monthly.map((f) => ({ ...f, filedOn: chinaDate(new Date(f.firstFiledAt ?? f.submittedAt)) })),
    problems: input.problems.map((p) => ({ ...p, raisedOn: p.raisedOn!, history: p.history! })),
  };
}

const group = (g: GroupAudit) => g;
const figures = (g: { projects: number; annualPlan: number; completed: number; schedulePlan: number; laggingCount: number }): GroupAudit =>
  group({ projects: g.projects, annualPlan: g.annualPlan, completed: g.completed, schedulePlan: g.schedulePlan, laggingCount: g.laggingCount });

/** The product's month-end summary in the auditor's shape. */
function shapeOf(s: Summary): Omit<Audit, 'problems'> {
  const t = s.totals;
  return {
    asOf: s.today,
    totals: { ...figures(t), startPlanned: t.startPlanned, started: t.started, completionPlanned: t.completionPlanned, completedProjects: t.completedProjects },
    scheduleShare: t.annualPlan === 0 ? 0 : t.schedulePlan / t.annualPlan,
    byDomain: Object.fromEntries(s.byDomain.map((g) => [g.key, figures(g)])),
    byLevel: Object.fromEntries(s.byLevel.map((g) => [g.key, figures(g)])),
    byLeader: Object.fromEntries(s.byLeader.map((g) => [g.leaderId, figures(g)])),
    lagging: [...new Set(s.hits.map((h) => h.projectId))].sort((a, b) => a - b),
    ranking: s.ranking.map((r) => ({ unit: r.unit, score: r.score, rank: r.rank })),
  };
}

describe('the campaign as of a month end agrees with an independent recomputation', () => {
  for (const profile of DEMO_PROFILES) {
    const input = demoInput(demoLedger(profile));
    const rows = rowsOf(input);
    for (const month of monthsOfYear(input.campaign.year)) {
      it(`${profile} ${month}: totals, 序时, by domain/level/leader, starts, completions, lagging set, ranking`, () => {
        const s = campaignAsOf(input, monthEndAsOf(month));
        const { problems: _problems, ...expected } = audit(rows, month);
        expect(s.reportingMonth).toBe(month);
        expect(shapeOf(s)).toEqual(expected);
        expect(s.totals.laggingCount).toBe(expected.lagging.length);
      });
    }
  }
});

describe('the live wall counts exactly its 数据统计至 month', () => {
  const input = demoInput(demoLedger('yiyang'));
  const today = input.today;
  const live = liveAsOf(today);
  const month = live.month;
  // A report of the month still open, accepted today (as the 800万 on 11-20).
  const open = { projectId: 1, month: today.slice(0, 7), investment: 8_000_000, status: 'accepted' as const, submittedAt: `${today}T02:00:00.000Z` };
  const withOpen: LedgerInput = { ...input, monthly: [...input.monthly, open] };

  it('leaves the open month out of every figure and shows it apart as 本月已报', () => {
    const before = campaignAsOf(input, live);
    const after = campaignAsOf(withOpen, live);
    expect(after.reportingMonth).toBe(month);
    expect(after.totals).toEqual(before.totals);
    expect(after.trend).toEqual(before.trend);
    expect(after.ranking).toEqual(before.ranking);
    expect(after.openMonth!.investment - (before.openMonth?.investment ?? 0)).toBe(8_000_000);
    expect(after.openMonth!.month).toBe(today.slice(0, 7));
  });

  it('agrees with the 月通报 of that month to the yuan and the ranking score', () => {
    const wall = campaignAsOf(withOpen, live);
    const bulletin = campaignAsOf(withOpen, monthEndAsOf(month));
    expect(wall.totals.completed).toBe(bulletin.totals.completed);
    expect(wall.totals.schedulePlan).toBe(bulletin.totals.schedulePlan);
    expect(wall.byDomain.map((d) => d.completed)).toEqual(bulletin.byDomain.map((d) => d.completed));
    expect(wall.ranking).toEqual(bulletin.ranking);
    expect(bulletin.openMonth).toBeNull();
  });
});
