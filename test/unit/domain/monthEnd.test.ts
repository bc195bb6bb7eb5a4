// The month-end snapshot's inputs: everything after the month end left out.
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../server/domain/aggregates.js';
import { monthEndAsOf } from '../../../server/domain/asOf.js';
import { alertsAsOf, endOfChinaDay, eventsAsOf, ledgerAsOf, problemDueOn, problemsAsOf, problemStateOn } from '../../../server/domain/monthEnd.js';
import type { TickerEvent } from '../../../shared/snapshot.js';
import { alert, figure, ledger, project, wan } from './fixtures.js';
import { problem } from './problemFixtures.js';

const LEDGER_PROBLEM = { state: 'pending' as const, dueOn: null, closedOn: null, meetings: 0, agenda: [] };

describe('the ledger at a month end', () => {
  const input = ledger({
    today: '2020-11-20',
    projects: [project(1, { startedOn: '2020-10-10' }), project(2, { startedOn: '2019-05-01', completedOn: '2020-10-20' }), project(3)],
    monthly: [figure(1, '2020-09', wan(100)), figure(1, '2020-10', wan(200)), figure(3, '2020-09', wan(50))],
    problems: [
      { id: 1, projectId: 3, ...LEDGER_PROBLEM, raisedOn: '2020-09-01' },
      { id: 2, projectId: 3, ...LEDGER_PROBLEM, state: 'closed', closedOn: '2020-10-05', raisedOn: '2020-09-02' },
      { id: 3, projectId: 3, ...LEDGER_PROBLEM, raisedOn: '2020-10-02' },
    ],
  });
  const asOf = ledgerAsOf(input, monthEndAsOf('2020-09'));

  it('counts reports of that month and before only, as of that day', () => {
    expect(asOf.today).toBe('2020-09-30');
    expect(asOf.monthly.map((f) => f.month)).toEqual(['2020-09', '2020-09']);
    const s = computeSummary(asOf);
    expect(s.totals.completed).toBe(wan(150));
    // 数据统计至 the month itself: 序时 counts through September.
    expect(s.reportingMonth).toBe('2020-09');
    expect(s.scheduleRatio).toBe(9 / 12);
  });

  it('undoes starts and completions after it', () => {
    expect(asOf.projects[0].startedOn).toBeNull();
    expect(asOf.projects[1]).toMatchObject({ startedOn: '2019-05-01', completedOn: null });
    expect(asOf.projects[2]).toBe(input.projects[2]);
  });

  it('leaves out problems raised after it, and keeps those closed after it open', () => {
    expect(asOf.problems.map((p) => p.id)).toEqual([1, 2]);
    expect(asOf.problems[1]).toMatchObject({ state: 'coordinating', closedOn: null });
  });

  it('does not touch the input', () => {
    expect(input.monthly).toHaveLength(3);
    expect(input.projects[0].startedOn).toBe('2020-10-10');
  });
});

describe('the stage at a month end', () => {
  it('puts a project completed later back under construction: it lags as one still being built does', () => {
    const planned = { plannedStart: '2019-05-01', plannedCompletion: '2020-06-30', startedOn: '2019-05-01' };
    const input = ledger({
      today: '2020-11-20',
      projects: [
        project(1, { ...planned, completedOn: '2020-10-20', stage: 'completed' }),
        project(2, { ...planned, completedOn: null, stage: 'construction' }),
      ],
      monthly: ['2020-07', '2020-08', '2020-09'].flatMap((m) => [figure(1, m, wan(50)), figure(2, m, wan(50))]),
    });
    const asOf = ledgerAsOf(input, monthEndAsOf('2020-09'));
    expect(asOf.projects[0]).toMatchObject({ completedOn: null, stage: 'construction' });
    const hits = computeSummary(asOf).hits;
    const of = (id: number) => hits.filter((h) => h.projectId === id).map(({ rule, severity, text }) => ({ rule, severity, text }));
    expect(of(1).map((h) => h.rule)).toContain('completion_overdue');
    expect(of(1)).toEqual(of(2));
  });

  it('puts a project started later back in preparation, and leaves a reserve project one', () => {
    const input = ledger({
      today: '2020-11-20',
      projects: [
        project(1, { startedOn: '2020-10-10', completedOn: '2020-11-01', stage: 'completed' }),
        project(2, { startedOn: '2020-10-10', stage: 'construction' }),
        project(3, { startedOn: '2020-10-10', stage: 'reserve' }),
        project(4, { startedOn: '2019-05-01', completedOn: '2020-09-30', stage: 'operating' }),
      ],
    });
    const stages = ledgerAsOf(input, monthEndAsOf('2020-09')).projects.map((p) => p.stage);
    expect(stages).toEqual(['preparing', 'preparing', 'reserve', 'operating']);
  });
});

describe('the problem ledger at a month end', () => {
  it('takes the problems raised by then, in China time, and reopens those closed later', () => {
    const list = [
      problem(1, { createdAt: '2020-09-30T15:59:00.000Z' }),
      problem(2, { createdAt: '2020-09-30T16:01:00.000Z' }),
      problem(3, { createdAt: '2020-09-01T00:00:00.000Z', state: 'closed', closedAt: '2020-10-02T00:00:00.000Z', confirmedBy: '王' }),
      problem(4, { createdAt: '2020-09-01T00:00:00.000Z', state: 'closed', closedAt: '2020-09-20T00:00:00.000Z' }),
    ];
    const asOf = problemsAsOf(list, '2020-09-30');
    expect(asOf.map((p) => p.id)).toEqual([1, 3, 4]);
    expect(asOf[1]).toMatchObject({ state: 'coordinating', closedAt: null, confirmedBy: null });
    expect(asOf[2].state).toBe('closed');
  });
});

describe('the alerts at a month end', () => {
  const projects = [project(1), project(2)];
  const hits = [
    { projectId: 1, rule: 'investment_behind' as const, severity: 'orange' as const, text: '滞后20个百分点' },
    { projectId: 2, rule: 'report_missing' as const, severity: 'yellow' as const, text: '9月未报送' },
  ];

  it('are the stored alerts raised by then, with the month end\u2019s severity and text, open', () => {
    const known = [
      alert(10, { projectId: 1, rule: 'investment_behind', severity: 'red', raisedAt: '2020-08-05T00:00:00.000Z', state: 'cleared', clearedAt: '2020-11-01T00:00:00.000Z' }),
      alert(11, { projectId: 2, rule: 'report_missing', raisedAt: '2020-10-06T00:00:00.000Z' }),
    ];
    const alerts = alertsAsOf(hits, projects, known, '2020-09-30');
    expect(alerts[0]).toMatchObject({ id: 10, severity: 'orange', text: '滞后20个百分点', state: 'raised', clearedAt: null });
    // Raised only after the month end: a new alert of that day, with an id no stored alert has.
    expect(alerts[1]).toMatchObject({ projectId: 2, project: '项目2', rule: 'report_missing', raisedAt: endOfChinaDay('2020-09-30'), state: 'raised' });
    expect(alerts[1].id).toBeLessThan(0);
  });

  it('take the latest stored alert of a project and rule raised by then', () => {
    const known = [
      alert(20, { projectId: 1, rule: 'investment_behind', raisedAt: '2020-03-05T00:00:00.000Z', state: 'cleared' }),
      alert(21, { projectId: 1, rule: 'investment_behind', raisedAt: '2020-07-05T00:00:00.000Z', letterNumber: '重推预字〔2020〕3号', state: 'letter_issued' }),
    ];
    expect(alertsAsOf(hits.slice(0, 1), projects, known, '2020-09-30')[0]).toMatchObject({ id: 21, state: 'letter_issued', letterNumber: '重推预字〔2020〕3号' });
  });
});

describe('the ticker at a month end', () => {
  it('keeps events up to the end of that China day', () => {
    const e = (id: string, at: string): TickerEvent => ({ id, at, kind: 'report', projectId: 1, text: id });
    const events = [e('a', '2020-09-30T15:59:59.000Z'), e('b', '2020-09-30T16:00:00.000Z')];
    expect(endOfChinaDay('2020-09-30')).toBe('2020-09-30T15:59:59.999Z');
    expect(eventsAsOf(events, '2020-09-30').map((x) => x.id)).toEqual(['a']);
  });
});

describe('a problem as it stood on a day, from its history', () => {
  const history = [
    { on: '2020-08-03', state: 'pending' as const, dueOn: '2020-08-31' },
    { on: '2020-08-10', state: 'coordinating' as const, dueOn: null },
    { on: '2020-09-20', state: 'coordinating' as const, dueOn: '2020-10-31' },
    { on: '2020-10-12', state: 'resolved' as const, dueOn: null },
    { on: '2020-10-20', state: 'closed' as const, dueOn: null },
  ];
  const p = { state: 'closed' as const, dueOn: '2020-10-31', closedOn: '2020-10-20', raisedOn: '2020-08-03', history };

  it('takes the state of the latest step by then, and none before it was raised', () => {
    expect(['2020-08-02', '2020-08-05', '2020-09-30', '2020-10-15', '2020-10-31'].map((d) => problemStateOn(p, d)))
      .toEqual([null, 'pending', 'coordinating', 'resolved', 'closed']);
  });

  it('takes the due date a step had set by then', () => {
    expect(['2020-08-05', '2020-09-19', '2020-09-20', '2020-12-01'].map((d) => problemDueOn(p, d)))
      .toEqual(['2020-08-31', '2020-08-31', '2020-10-31', '2020-10-31']);
  });

  it('counts it overdue at a month end by the due date of then (问题逾期), though it was moved later', () => {
    const input = ledger({
      today: '2020-11-20',
      projects: [project(1)],
      problems: [{ id: 1, projectId: 1, meetings: 0, agenda: [], ...p, state: 'coordinating', closedOn: null, history: history.slice(0, 3) }],
    });
    const rules = (month: string) => computeSummary(ledgerAsOf(input, monthEndAsOf(month))).hits.map((h) => h.rule);
    expect(rules('2020-09')).not.toContain('problem_overdue');
    expect(rules('2020-08')).not.toContain('problem_overdue');
    const moved = { ...input, problems: [{ ...input.problems[0], history: [history[0], history[1], { ...history[2], on: '2020-10-05' }] }] };
    expect(computeSummary(ledgerAsOf(moved, monthEndAsOf('2020-09'))).hits.map((h) => h.rule)).toContain('problem_overdue');
  });
});
