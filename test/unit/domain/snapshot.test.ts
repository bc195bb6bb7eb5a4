import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../server/domain/aggregates.js';
import { summarizeProblems } from '../../../server/domain/problemSummary.js';
import { buildSnapshot, summaryDelta } from '../../../server/domain/snapshot.js';
import { TICKER_LIMIT, type TickerEvent } from '../../../shared/snapshot.js';
import { alert, campaign, figure, ledger, project, wan } from './fixtures.js';

const summary = computeSummary(ledger({ projects: [project(1), project(2)], monthly: [figure(1, '2020-05', wan(700)), figure(2, '2020-05', 0)] }));

const event = (n: number): TickerEvent => ({
  id: `${n}-report-1`,
  at: `2020-07-01T00:${String(n).padStart(2, '0')}:00.000Z`,
  kind: 'report',
  projectId: 1,
  text: `事件${n}`,
});

describe('buildSnapshot', () => {
  const snapshot = buildSnapshot(summary, {
    version: 42,
    generatedAt: '2020-07-03T01:00:00.000Z',
    campaign: campaign(),
    alerts: [
      alert(1, { severity: 'yellow', raisedAt: '2020-07-02T00:00:00.000Z' }),
      alert(2, { severity: 'red', raisedAt: '2020-06-01T00:00:00.000Z' }),
      alert(3, { severity: 'red', raisedAt: '2020-06-20T00:00:00.000Z' }),
      alert(4, { severity: 'orange', raisedAt: '2020-05-01T00:00:00.000Z' }),
      alert(5, { severity: 'red', state: 'cleared', raisedAt: '2020-07-01T00:00:00.000Z' }),
    ],
    problems: summarizeProblems([], '2020-07-03', ['资金筹措']),
    events: Array.from({ length: 45 }, (_, i) => event(i)),
  });

  it('carries the version, the campaign header and the summary sections', () => {
    expect(snapshot).toMatchObject({ version: 42, generatedAt: '2020-07-03T01:00:00.000Z', today: '2020-07-03', reportingMonth: '2020-06', scheduleRatio: 0.5 });
    expect(snapshot.campaign).toEqual({ id: 1, county: '弋阳县', year: 2020, title: '项目建设提速年' });
    expect(snapshot.totals).toMatchObject({ projects: 2, completed: wan(700), schedulePlan: wan(1_200), laggingCount: 1 });
    expect(snapshot.lagging.map((l) => l.projectId)).toEqual([2]);
  });

  it('carries the problem ledger summary it is given', () => {
    expect(snapshot.problems).toMatchObject({ pending: 0, flagged: 0, byCategory: [{ category: '资金筹措', open: 0, closed: 0 }], oldest: [] });
  });

  it('orders open alerts red first, then newest', () => {
    expect(snapshot.alerts.map((a) => a.id)).toEqual([3, 2, 4, 1]);
  });

  it('keeps the newest ticker events, newest first', () => {
    expect(snapshot.events).toHaveLength(TICKER_LIMIT);
    expect(snapshot.events[0].id).toBe('44-report-1');
    expect(snapshot.events[TICKER_LIMIT - 1].id).toBe('15-report-1');
  });

  it('serializes without the server-only parts of the summary', () => {
    const json = JSON.parse(JSON.stringify(snapshot));
    expect(Object.keys(json)).not.toContain('hits');
    expect(Object.keys(json)).not.toContain('completedByProject');
  });
});

describe('summaryDelta', () => {
  it('holds exactly the recomputed sections', () => {
    const patch = summaryDelta(summary);
    expect(Object.keys(patch).sort()).toEqual(['byDomain', 'byLeader', 'byLevel', 'lagging', 'openMonth', 'ranking', 'rankingWeights', 'reportingMonth', 'scheduleRatio', 'today', 'totals', 'trend']);
    expect(patch.totals).toBe(summary.totals);
    // Whole: every row, in order, so a client holding any version can apply it.
    expect(patch.trend?.upsert).toHaveLength(12);
    expect(patch.trend?.order).toEqual(summary.trend.map((t) => t.month));
  });
});
