import { describe, expect, it } from 'vitest';
import { problemFacts, summarizeProblems } from '../../../server/domain/problemSummary.js';
import { problem } from './problemFixtures.js';

const CATEGORIES = ['资金筹措', '用地保障', '审批协调', '工程建设'];

/** n held meetings in March with no deadline set. */
const held = (n: number) => Array.from({ length: n }, (_, i) => ({ heldOn: `2021-03-${String(i + 10)}`, deadline: null }));

describe('problemFacts', () => {
  const base = { state: 'pending' as const, dueOn: null, createdAt: '2021-03-01T02:00:00.000Z', meetings: 0, agenda: [] };

  it('calls an open problem overdue the day after its due date', () => {
    expect(problemFacts({ ...base, dueOn: '2021-04-10' }, '2021-04-10').overdue).toBe(false);
    expect(problemFacts({ ...base, dueOn: '2021-04-10' }, '2021-04-11').overdue).toBe(true);
    expect(problemFacts({ ...base, state: 'coordinating', dueOn: '2021-04-10' }, '2021-04-11').overdue).toBe(true);
    expect(problemFacts({ ...base, dueOn: null }, '2030-01-01').overdue).toBe(false);
    // 已解决 stays open (未销号) until staff confirm it.
    expect(problemFacts({ ...base, state: 'resolved', dueOn: '2021-04-10' }, '2021-05-01').overdue).toBe(true);
    for (const state of ['closed', 'returned'] as const) {
      expect(problemFacts({ ...base, state, dueOn: '2021-04-10', agenda: held(5) }, '2021-05-01')).toMatchObject({ overdue: false, flagged: false });
    }
  });

  it('flags an open problem after two meetings (通报批评)', () => {
    expect(problemFacts({ ...base, agenda: held(1) }, '2021-04-10').flagged).toBe(false);
    expect(problemFacts({ ...base, agenda: held(2) }, '2021-04-10').flagged).toBe(true);
  });

  it('counts age in whole China days', () => {
    expect(problemFacts(base, '2021-03-01').ageDays).toBe(0);
    expect(problemFacts(base, '2021-03-31').ageDays).toBe(30);
    // 23:30 UTC on the 17th is already the 18th in China.
    expect(problemFacts({ ...base, createdAt: '2021-04-17T23:30:00.000Z' }, '2021-04-18').ageDays).toBe(0);
    expect(problemFacts({ ...base, createdAt: '2021-04-17T15:59:00.000Z' }, '2021-04-18').ageDays).toBe(1);
  });
});

describe('summarizeProblems', () => {
  const today = '2021-05-10';
  const problems = [
    problem(1, { state: 'pending', category: '用地保障', createdAt: '2021-04-01T02:00:00.000Z' }),
    problem(2, { state: 'coordinating', category: '资金筹措', createdAt: '2021-02-01T02:00:00.000Z', dueOn: '2021-05-01', level: 2 }),
    problem(3, { state: 'coordinating', category: '用地保障', createdAt: '2021-03-01T02:00:00.000Z', meetings: 2, agenda: held(2) }),
    problem(4, { state: 'resolved', category: '审批协调', dueOn: '2021-01-01' }),
    problem(5, { state: 'closed', category: '用地保障', closedAt: '2021-05-02T02:00:00.000Z' }),
    problem(6, { state: 'closed', category: '用地保障', closedAt: '2021-04-30T17:00:00.000Z' }), // 5月1日 in China
    problem(7, { state: 'closed', category: '资金筹措', closedAt: '2021-04-30T15:00:00.000Z' }), // 4月30日 in China
    problem(8, { state: 'returned', category: '其他', dueOn: '2021-01-01', meetings: 3 }),
    problem(9, { state: 'pending', category: '环保审批', createdAt: '2021-05-09T02:00:00.000Z' }),
  ];

  it('counts by state, this month’s 销号 in China time, overdue and flagged', () => {
    expect(summarizeProblems(problems, today, CATEGORIES)).toMatchObject({
      // The unit's own 已解决 (4) is still 未销号: past its due date it is overdue.
      pending: 2, coordinating: 2, resolved: 1, closedThisMonth: 2, overdue: 2, flagged: 1,
    });
  });

  it('lists every configured category in order, then others found, leaving returned ones out', () => {
    expect(summarizeProblems(problems, today, CATEGORIES).byCategory).toEqual([
      { category: '资金筹措', open: 1, closed: 1 },
      { category: '用地保障', open: 2, closed: 2 },
      { category: '审批协调', open: 1, closed: 0 },
      { category: '工程建设', open: 0, closed: 0 },
      { category: '环保审批', open: 1, closed: 0 },
    ]);
  });

  it('shows the oldest open problems, oldest first, at most eight', () => {
    const summary = summarizeProblems(problems, today, CATEGORIES);
    expect(summary.oldest.map((o) => o.id)).toEqual([2, 3, 4, 1, 9]);
    expect(summary.oldest[0]).toEqual({
      id: 2, project: '项目2', unit: '县工信局', category: '资金筹措', description: '问题2', ageDays: 98, level: 2, overdue: true,
    });
    const many = Array.from({ length: 12 }, (_, i) => problem(20 - i, { createdAt: `2021-03-${String(10 + i).padStart(2, '0')}T02:00:00.000Z` }));
    expect(summarizeProblems(many, today, []).oldest.map((o) => o.id)).toEqual([20, 19, 18, 17, 16, 15, 14, 13]);
  });

  it('is all zeros on an empty ledger', () => {
    expect(summarizeProblems([], today, ['资金筹措'])).toEqual({
      pending: 0, coordinating: 0, resolved: 0, closedThisMonth: 0, overdue: 0, flagged: 0,
      byCategory: [{ category: '资金筹措', open: 0, closed: 0 }], oldest: [],
    });
  });
});

describe('a frozen demo year', () => {
  it('takes timestamps after "today" as today: no negative ages, closures count this month', () => {
    const later = problem(99, { state: 'closed', createdAt: '2026-11-23T02:00:00.000Z', closedAt: '2026-11-23T03:00:00.000Z' });
    expect(problemFacts(later, '2020-11-20').ageDays).toBe(0);
    expect(summarizeProblems([later], '2020-11-20', []).closedThisMonth).toBe(1);
  });
});
