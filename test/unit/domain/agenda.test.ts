import { describe, expect, it } from 'vitest';
import { agendaCutoff, proposeAgenda } from '../../../server/domain/agenda.js';
import { problem } from './problemFixtures.js';

const DAYS = [3, 18];
const ids = (list: { id: number }[]) => list.map((p) => p.id);

describe('agendaCutoff', () => {
  it('takes the latest 3rd or 18th on or before the meeting day', () => {
    expect(agendaCutoff('2020-11-03', DAYS)).toBe('2020-11-03');
    expect(agendaCutoff('2020-11-17', DAYS)).toBe('2020-11-03');
    expect(agendaCutoff('2020-11-18', DAYS)).toBe('2020-11-18');
    expect(agendaCutoff('2020-11-30', [18, 3])).toBe('2020-11-18');
  });

  it('reaches back across month ends and the year boundary', () => {
    expect(agendaCutoff('2020-11-02', DAYS)).toBe('2020-10-18');
    expect(agendaCutoff('2020-03-01', DAYS)).toBe('2020-02-18');
    expect(agendaCutoff('2021-01-02', DAYS)).toBe('2020-12-18');
  });

  it('defaults to the 3rd and 18th and skips days a month lacks', () => {
    expect(agendaCutoff('2021-01-02')).toBe('2020-12-18');
    expect(agendaCutoff('2021-03-15', [30])).toBe('2021-01-30');
    expect(agendaCutoff('2020-03-15', [29])).toBe('2020-02-29');
    expect(agendaCutoff('2021-05-10', [])).toBe('2021-05-10');
  });
});

describe('proposeAgenda', () => {
  const dispatch = { kind: 'dispatch' as const, domainId: null, heldOn: '2021-04-20' };

  it('takes problems raised by the cut-off, reckoned in China time', () => {
    const problems = [
      problem(1, { createdAt: '2021-04-17T15:30:00.000Z' }), // 2021-04-17 23:30 in China
      problem(2, { createdAt: '2021-04-17T16:30:00.000Z' }), // already the 18th in China: still in
      problem(3, { createdAt: '2021-04-18T16:00:00.000Z' }), // the 19th in China: next meeting
    ];
    expect(ids(proposeAgenda(dispatch, problems, DAYS))).toEqual([1, 2]);
    const onThe17th = { ...dispatch, heldOn: '2021-04-17' };
    expect(ids(proposeAgenda(onThe17th, problems, DAYS))).toEqual([]);
    // 23:30 UTC on the 17th is the 18th in China: on time for an 18th cut-off, late for the 17th's.
    const lateNight = [problem(4, { createdAt: '2021-04-17T23:30:00.000Z' })];
    expect(ids(proposeAgenda({ ...dispatch, heldOn: '2021-04-18' }, lateNight, DAYS))).toEqual([4]);
    expect(ids(proposeAgenda({ ...dispatch, heldOn: '2021-04-17' }, lateNight, [17]))).toEqual([]);
    expect(ids(proposeAgenda({ ...dispatch, heldOn: '2021-05-02' }, lateNight, DAYS))).toEqual([4]);
  });

  it('takes only open problems', () => {
    const problems = (['pending', 'coordinating', 'resolved', 'closed', 'returned'] as const).map((state, i) => problem(i + 1, { state }));
    expect(ids(proposeAgenda(dispatch, problems, DAYS))).toEqual([1, 2]);
  });

  it('scopes each meeting kind', () => {
    const problems = [
      problem(1, { level: 1, domainId: 1 }),
      problem(2, { level: 2, domainId: 1 }),
      problem(3, { level: 3, domainId: 1 }),
      problem(4, { level: 1, domainId: 2 }),
      problem(5, { level: 2, domainId: 2 }),
    ];
    expect(ids(proposeAgenda({ kind: 'joint', domainId: null, heldOn: '2021-04-20' }, problems, DAYS))).toEqual([1, 4]);
    expect(ids(proposeAgenda({ kind: 'domain_group', domainId: 1, heldOn: '2021-04-20' }, problems, DAYS))).toEqual([2, 1]);
    expect(ids(proposeAgenda({ kind: 'domain_group', domainId: 2, heldOn: '2021-04-20' }, problems, DAYS))).toEqual([5, 4]);
    expect(ids(proposeAgenda(dispatch, problems, DAYS))).toEqual([3, 2, 5, 1, 4]);
  });

  it('orders by level, then 通报批评, overdue, age and id', () => {
    const problems = [
      problem(1, { createdAt: '2021-02-01T02:00:00.000Z' }),
      problem(2, { createdAt: '2021-03-01T02:00:00.000Z', overdue: true }),
      problem(3, { createdAt: '2021-03-05T02:00:00.000Z', flagged: true }),
      problem(4, { createdAt: '2021-04-01T02:00:00.000Z', level: 2 }),
      problem(5, { createdAt: '2021-03-01T02:00:00.000Z', overdue: true }),
      problem(6, { createdAt: '2021-01-01T02:00:00.000Z', overdue: true }),
      problem(7, { createdAt: '2021-03-06T02:00:00.000Z', flagged: true, overdue: true }),
    ];
    expect(ids(proposeAgenda(dispatch, problems, DAYS))).toEqual([4, 7, 3, 6, 2, 5, 1]);
  });
});

describe('proposeAgenda in a frozen demo year', () => {
  it('takes a problem stamped after the campaign\u2019s today as raised today', () => {
    const late = problem(50, { createdAt: '2026-11-23T02:00:00.000Z', level: 1 });
    const meeting = { kind: 'joint' as const, domainId: null, heldOn: '2020-12-20' };
    expect(proposeAgenda(meeting, [late], [3, 18]).map((p) => p.id)).toEqual([]);
    expect(proposeAgenda(meeting, [late], [3, 18], '2020-11-20').map((p) => p.id)).toEqual([50]);
  });
});
