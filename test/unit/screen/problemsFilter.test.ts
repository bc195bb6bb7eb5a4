import { describe, expect, it } from 'vitest';
import { ageText, byAt, isUnclosed, nextLevel, problemCategories, problemFlags } from '../../../screen/features/problems/problemLabels.js';
import { emptyProblemFilter, filterProblems, problemCounts, problemQuery, sortProblems } from '../../../screen/features/problems/problemFilter.js';
import { problem } from './problemFixture.js';

describe('the problem ledger filters', () => {
  const list = [
    problem({ id: 1, state: 'pending', category: '用地保障', unitId: 1, domainId: 1 }),
    problem({ id: 2, state: 'coordinating', category: '资金筹措', unitId: 2, unit: '县交通局', domainId: 4, project: '县城南环路', level: 2, coordinatingUnit: '县财政局' }),
    problem({ id: 3, state: 'resolved', category: '审批协调', unitId: 2, unit: '县交通局', domainId: 4 }),
    problem({ id: 4, state: 'closed', category: '用地保障' }),
    problem({ id: 5, state: 'returned', category: '工程建设' }),
  ];
  const ids = (f: Partial<ReturnType<typeof emptyProblemFilter>>) => filterProblems(list, { ...emptyProblemFilter(), ...f }).map((p) => p.id);

  it('shows what is not yet 销号 by default, resolved ones included', () => {
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ state: null })).toEqual([1, 2, 3, 4, 5]);
    expect(ids({ state: 'closed' })).toEqual([4]);
  });

  it('filters by level, category, domain, unit and text; a cleared select (undefined) means any', () => {
    expect(ids({ level: 2 })).toEqual([2]);
    expect(ids({ category: '用地保障', state: null })).toEqual([1, 4]);
    expect(ids({ domainId: 4 })).toEqual([2, 3]);
    expect(ids({ unitId: 2 })).toEqual([2, 3]);
    expect(ids({ text: '南环' })).toEqual([2]);
    expect(ids({ text: '财政局' })).toEqual([2]);
    expect(ids({ level: undefined as never, unitId: undefined as never })).toEqual([1, 2, 3]);
  });

  it('asks the server for the narrow filters and leaves 未销号 and the text to the page', () => {
    expect(problemQuery(emptyProblemFilter())).toBe('');
    expect(problemQuery({ ...emptyProblemFilter(), state: 'pending', level: 3, category: '用地保障', domainId: 2, unitId: 7, text: '厂房' })).toBe(
      `?state=pending&level=3&category=${encodeURIComponent('用地保障')}&domainId=2&unitId=7`,
    );
  });

  it('puts what needs the office first: pending, then awaiting 销号, then in progress; 通报批评 and overdue first within', () => {
    const sorted = sortProblems([
      problem({ id: 10, state: 'coordinating' }),
      problem({ id: 11, state: 'closed' }),
      problem({ id: 12, state: 'pending' }),
      problem({ id: 13, state: 'coordinating', flagged: true }),
      problem({ id: 14, state: 'resolved' }),
      problem({ id: 15, state: 'coordinating', overdue: true }),
    ]);
    expect(sorted.map((p) => p.id)).toEqual([12, 14, 13, 15, 10, 11]);
  });

  it('counts by state, overdue and 通报批评', () => {
    expect(problemCounts([...list, problem({ state: 'coordinating', overdue: true, flagged: true })])).toEqual({
      pending: 1, coordinating: 2, resolved: 1, overdue: 1, flagged: 1,
    });
  });
});

describe('how a problem reads', () => {
  it('uses the configured categories, or the four groups of the plans', () => {
    expect(problemCategories({ problemCategories: ['招商引资', '要素保障'] })).toEqual(['招商引资', '要素保障']);
    expect(problemCategories({ problemCategories: [] })).toEqual(['资金筹措', '用地保障', '审批协调', '工程建设']);
    expect(problemCategories(null)).toEqual(['资金筹措', '用地保障', '审批协调', '工程建设']);
  });

  it('flags 通报批评 and overdue, else how often it has been on a meeting', () => {
    expect(problemFlags({ flagged: true, overdue: true, meetings: 2 }).map((f) => f.label)).toEqual(['通报批评', '逾期']);
    expect(problemFlags({ flagged: false, overdue: false, meetings: 1 }).map((f) => f.label)).toEqual(['已上会1次']);
    expect(problemFlags({ flagged: false, overdue: false, meetings: 0 })).toEqual([]);
  });

  it('says its age in days and the next level up', () => {
    expect(ageText(0)).toBe('今天');
    expect(ageText(23)).toBe('23天');
    expect(nextLevel(1)).toBe(2);
    expect(nextLevel(3)).toBeNull();
    expect(isUnclosed({ state: 'resolved' })).toBe(true);
    expect(isUnclosed({ state: 'returned' })).toBe(false);
  });

  it('names who did a step and when, in China time, or only when when nobody is named', () => {
    expect(byAt('王强', '2020-11-20T02:41:00.000Z')).toBe('王强 · 2020-11-20 10:41');
    expect(byAt('', '2020-11-20T02:41:00.000Z')).toBe('2020-11-20 10:41');
    expect(byAt(null, '2020-11-20T02:41:00.000Z')).toBe('2020-11-20 10:41');
  });
});
