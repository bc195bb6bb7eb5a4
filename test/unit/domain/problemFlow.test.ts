import { describe, expect, it } from 'vitest';
import { escalatedLevel, nextState, refusal, type ProblemActor } from '../../../server/domain/problemFlow.js';
import type { ProblemAction } from '../../../shared/problems.js';
import type { DispatchLevel, ProblemState } from '../../../shared/types.js';

const STATES: ProblemState[] = ['pending', 'coordinating', 'resolved', 'closed', 'returned'];
const ACTIONS: ProblemAction[] = ['accept', 'return', 'resolve', 'confirm', 'reopen', 'escalate'];

/** Every legal move; any pair not listed must be refused. */
const LEGAL: Record<string, ProblemState> = {
  'pending accept': 'coordinating',
  'pending return': 'returned',
  'pending resolve': 'resolved',
  'pending escalate': 'pending',
  'coordinating resolve': 'resolved',
  'coordinating escalate': 'coordinating',
  'resolved confirm': 'closed',
  'resolved reopen': 'coordinating',
};

const ADMIN: ProblemActor = { role: 'admin', unitId: null, leaderId: null };
const LEADER: ProblemActor = { role: 'leader', unitId: null, leaderId: 3 };
const UNIT: ProblemActor = { role: 'unit', unitId: 5, leaderId: null };
const OTHER_UNIT: ProblemActor = { role: 'unit', unitId: 6, leaderId: null };
const NO_UNIT: ProblemActor = { role: 'unit', unitId: null, leaderId: null };

const own = (state: ProblemState, level: DispatchLevel = 1) => ({ state, unitId: 5, level });

describe('nextState', () => {
  for (const from of STATES) {
    for (const action of ACTIONS) {
      const to = LEGAL[`${from} ${action}`] ?? null;
      it(`${from} —${action}→ ${to ?? 'illegal'}`, () => {
        expect(nextState(from, action)).toBe(to);
      });
    }
  }
});

describe('escalatedLevel', () => {
  it('climbs 挂点领导 → 常务副县长 → 县长专题会 and stops there', () => {
    expect(escalatedLevel(1)).toBe(2);
    expect(escalatedLevel(2)).toBe(3);
    expect(escalatedLevel(3)).toBeNull();
  });
});

describe('refusal', () => {
  it('lets an admin take every legal move and refuses the rest naming the state', () => {
    for (const from of STATES) {
      for (const action of ACTIONS) {
        const reason = refusal(ADMIN, own(from), action);
        if (LEGAL[`${from} ${action}`]) expect(reason, `${from} ${action}`).toBeNull();
        else expect(reason, `${from} ${action}`).toBeTruthy();
      }
    }
    expect(refusal(ADMIN, own('pending'), 'confirm')).toBe('问题当前为“待协调”，不能确认销号');
    expect(refusal(ADMIN, own('coordinating'), 'return')).toBe('问题当前为“协调中”，不能退回');
    expect(refusal(ADMIN, own('resolved'), 'escalate')).toBe('问题当前为“已解决”，不能提级调度');
  });

  it('treats closed and returned problems as final for everyone', () => {
    for (const actor of [ADMIN, LEADER, UNIT]) {
      for (const action of ACTIONS) {
        expect(refusal(actor, own('closed'), action)).toBe('已销号的问题不能再操作');
        expect(refusal(actor, own('returned'), action)).toBe('已退回的问题不能再操作');
      }
    }
  });

  it('lets a leader accept, resolve, confirm, reopen and escalate, but not return', () => {
    expect(refusal(LEADER, own('pending'), 'accept')).toBeNull();
    expect(refusal(LEADER, own('coordinating'), 'resolve')).toBeNull();
    expect(refusal(LEADER, own('resolved'), 'confirm')).toBeNull();
    expect(refusal(LEADER, own('resolved'), 'reopen')).toBeNull();
    expect(refusal(LEADER, own('coordinating'), 'escalate')).toBeNull();
    expect(refusal(LEADER, own('pending'), 'return')).toBe('县领导不能退回问题，须由重推办办理');
    expect(refusal(LEADER, own('resolved'), 'accept')).toBe('问题当前为“已解决”，不能受理协调');
  });

  it('lets a unit only report its own problems solved', () => {
    expect(refusal(UNIT, own('pending'), 'resolve')).toBeNull();
    expect(refusal(UNIT, own('coordinating'), 'resolve')).toBeNull();
    expect(refusal(UNIT, own('resolved'), 'resolve')).toBe('问题当前为“已解决”，不能报告已解决');
    expect(refusal(OTHER_UNIT, own('coordinating'), 'resolve')).toBe('只能报告本单位问题的解决情况');
    expect(refusal(NO_UNIT, own('coordinating'), 'resolve')).toBe('只能报告本单位问题的解决情况');
  });

  it('never lets a unit confirm, accept, return, reopen or escalate, even on its own problem', () => {
    expect(refusal(UNIT, own('resolved'), 'confirm')).toBe('责任单位不能自行确认销号，须由重推办或县领导确认');
    expect(refusal(OTHER_UNIT, own('resolved'), 'confirm')).toBe('责任单位不能自行确认销号，须由重推办或县领导确认');
    expect(refusal(UNIT, own('pending'), 'accept')).toContain('责任单位不能受理协调');
    expect(refusal(UNIT, own('pending'), 'return')).toContain('责任单位不能退回问题');
    expect(refusal(UNIT, own('resolved'), 'reopen')).toContain('责任单位不能决定重新协调');
    expect(refusal(UNIT, own('pending'), 'escalate')).toContain('责任单位不能提级调度');
  });

  it('refuses to escalate past the 县长专题会', () => {
    expect(refusal(ADMIN, own('pending', 2), 'escalate')).toBeNull();
    expect(refusal(ADMIN, own('pending', 3), 'escalate')).toBe('已提级至县长专题会，不能再提级');
    expect(refusal(LEADER, own('coordinating', 3), 'escalate')).toBe('已提级至县长专题会，不能再提级');
    expect(refusal(ADMIN, own('pending', 3), 'accept')).toBeNull();
  });
});

describe('a leader\u2019s remit (分级调度)', () => {
  const at = (level: DispatchLevel, leaderIds: number[], state: ProblemState = 'coordinating', resolvedBy: string | null = null) =>
    ({ state, unitId: 5, level, leaderIds, resolvedBy });
  const deputy: ProblemActor = { role: 'leader', unitId: null, leaderId: 3, rank: 'deputy', displayName: '张海清' };
  const executive: ProblemActor = { role: 'leader', unitId: null, leaderId: 2, rank: 'executive_deputy', displayName: '陈长开' };
  const head: ProblemActor = { role: 'leader', unitId: null, leaderId: 1, rank: 'county_head', displayName: '陈敏' };

  it('lets a 副县长 act only on the projects linked to them', () => {
    expect(refusal(deputy, at(1, [3]), 'resolve')).toBeNull();
    expect(refusal(deputy, at(1, [7]), 'resolve')).toContain('本人挂点、包干项目');
    expect(refusal(deputy, at(2, [7]), 'escalate')).toContain('本人挂点');
  });

  it('gives the 常务副县长 the problems escalated to level 2 and the 县长 every level', () => {
    expect(refusal(executive, at(1, [7]), 'escalate')).toContain('本人挂点');
    expect(refusal(executive, at(2, [7]), 'escalate')).toBeNull();
    expect(refusal(head, at(1, [7]), 'accept', )).toContain('不能受理协调');
    expect(refusal(head, at(3, [7]), 'resolve')).toBeNull();
  });

  it('takes a problem to the 县长专题会 only through the 常务副县长 (or staff)', () => {
    expect(refusal(deputy, at(2, [3]), 'escalate')).toContain('常务副县长');
    expect(refusal(ADMIN, at(2, [3]), 'escalate')).toBeNull();
  });

  it('does not let a leader confirm the solution they reported themselves', () => {
    expect(refusal(deputy, at(1, [3], 'resolved', '张海清'), 'confirm')).toContain('不同的人');
    expect(refusal(head, at(1, [3], 'resolved', '张海清'), 'confirm')).toBeNull();
  });
});
