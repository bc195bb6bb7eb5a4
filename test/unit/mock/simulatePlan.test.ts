import { describe, expect, it } from 'vitest';
import { FRESH_ALERT } from '../../fixtures/alert.js';
import { parseWan } from '../../../shared/money.js';
import { reportInput } from '../../../shared/schemas.js';
import { demoLedger } from '../../../server/demo/demo.js';
import { createRng } from '../../../server/demo/random.js';
import { planNextReport, sentKey, toWanString, type SimProject, type SimSnapshot } from '../../../mock/simulatePlan.js';

const ledger = demoLedger('yiyang');
const projects: SimProject[] = ledger.projects.map((p, i) => ({
  id: i + 1,
  name: p.name,
  unit: p.unit,
  annualPlan: p.annualPlan,
  completedToDate: ledger.reports.filter((r) => r.projectCode === p.code).reduce((s, r) => s + r.investment, 0),
  startedOn: p.startedOn,
  completedOn: p.completedOn,
  plannedStart: p.plannedStart,
  plannedCompletion: p.plannedCompletion,
}));
const snapshot: SimSnapshot = { reportingMonth: '2020-10', today: '2020-11-20', alerts: [] };

describe('planNextReport', () => {
  const rng = createRng(42);
  const plans = Array.from({ length: 400 }, () => planNextReport(projects, snapshot, rng, new Set()));

  it('always yields a valid payload for the month due', () => {
    for (const plan of plans) {
      expect(plan).not.toBeNull();
      const { payload } = plan!;
      expect(payload.month).toBe('2020-10');
      const yuan = parseWan(payload.investment);
      expect(yuan !== null && yuan >= 10_000).toBe(true);
      expect(reportInput.safeParse(payload).success).toBe(true);
      expect(plan!.line).toContain(projects[plan!.projectId - 1].name);
    }
  });

  it('reports on started, unfinished projects, and starts or completes only as it should', () => {
    const kinds = new Set(plans.map((p) => p!.kind));
    expect(kinds).toEqual(new Set(['report', 'start', 'complete']));
    for (const plan of plans) {
      const p = projects[plan!.projectId - 1];
      expect(p.completedOn).toBeNull();
      if (plan!.kind === 'start') {
        expect(p.startedOn).toBeNull();
        expect(plan!.payload.startedOn).toBe('2020-11-20');
      } else {
        expect(p.startedOn).not.toBeNull();
      }
      if (plan!.kind === 'complete') expect(plan!.payload.completedOn).toBe('2020-11-20');
    }
  });

  it('skips what it already sent this month and prefers missing reports', () => {
    const sent = new Set(projects.filter((p) => p.id !== 5).map((p) => sentKey(p.id, '2020-10')));
    const only = planNextReport(projects, snapshot, createRng(1), sent);
    expect(only === null || only.projectId === 5).toBe(true);
    const alert = { id: 1, projectId: 3, project: '', unit: '', rule: 'report_missing' as const, severity: 'yellow' as const, text: '', state: 'raised' as const, raisedAt: '', clearedAt: null, ...FRESH_ALERT };
    const picks = Array.from({ length: 100 }, (_, i) => planNextReport(projects, { ...snapshot, alerts: [alert] }, createRng(i), new Set()));
    expect(picks.filter((p) => p?.projectId === 3).length).toBeGreaterThan(30);
  });

  it('returns null when nothing is left to report', () => {
    const all = new Set(projects.map((p) => sentKey(p.id, '2020-10')));
    expect(planNextReport(projects, snapshot, createRng(1), all)).toBeNull();
  });
});

describe('toWanString', () => {
  it('writes whole or one-decimal 万元 that parse back', () => {
    const rng = createRng(8);
    for (let i = 0; i < 200; i++) {
      const text = toWanString(rng.int(0, 500_000_000), rng);
      expect(text).toMatch(/^\d+(\.\d)?$/);
      expect(parseWan(text)).not.toBeNull();
    }
    expect(toWanString(3_500_000)).toBe('350');
    expect(toWanString(0)).toBe('1');
  });
});
