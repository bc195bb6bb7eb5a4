import { describe, expect, it } from 'vitest';
import { isStalled, problemOverdue, problemStalled } from '../../../server/domain/problemRules.js';
import type { LedgerProblem } from '../../../server/domain/ledger.js';

const p = (over: Partial<LedgerProblem>): LedgerProblem => ({ id: 1, projectId: 7, state: 'pending', dueOn: null, closedOn: null, meetings: 0, agenda: [], ...over });

const twoMeetings = [{ heldOn: '2020-10-10', deadline: '2020-10-31' }, { heldOn: '2020-11-10', deadline: '2020-11-15' }];

describe('problemOverdue', () => {
  it('fires on open problems past their due date, graded by the longest', () => {
    expect(problemOverdue({ id: 7 }, [p({ dueOn: '2020-11-20' })], '2020-11-20')).toBeNull();
    expect(problemOverdue({ id: 7 }, [p({ dueOn: '2020-11-06' })], '2020-11-20')).toMatchObject({ severity: 'yellow', rule: 'problem_overdue' });
    expect(problemOverdue({ id: 7 }, [p({ dueOn: '2020-11-05' })], '2020-11-20')?.severity).toBe('orange');
    const hit = problemOverdue({ id: 7 }, [p({ dueOn: '2020-10-01' }), p({ dueOn: '2020-11-10', state: 'coordinating' })], '2020-11-20');
    expect(hit).toEqual({ projectId: 7, rule: 'problem_overdue', severity: 'red', text: '2个协调问题超过期限未解决，最长逾期50天' });
  });

  it('ignores closed and returned problems', () => {
    const done = ['closed', 'returned'] as const;
    expect(problemOverdue({ id: 7 }, done.map((state) => p({ state, dueOn: '2020-01-01' })), '2020-11-20')).toBeNull();
  });

  it('keeps a problem the unit reports solved open until it is confirmed (销号)', () => {
    expect(problemOverdue({ id: 7 }, [p({ state: 'resolved', dueOn: '2020-01-01' })], '2020-11-20')?.rule).toBe('problem_overdue');
    expect(problemStalled({ id: 7 }, [p({ state: 'resolved', agenda: twoMeetings })], '2020-11-20')?.rule).toBe('problem_stalled');
  });
});

describe('problemStalled', () => {
  it('calls for 通报批评 once an open problem has been through two meetings and the last deadline passed', () => {
    expect(problemStalled({ id: 7 }, [p({ agenda: twoMeetings.slice(0, 1) })], '2020-11-20')).toBeNull();
    expect(problemStalled({ id: 7 }, [p({ agenda: twoMeetings })], '2020-11-20')).toMatchObject({ severity: 'red', text: '1个问题经两次会议协调仍未落实，予以通报批评' });
    expect(problemStalled({ id: 7 }, [p({ agenda: twoMeetings, state: 'closed' })], '2020-11-20')).toBeNull();
  });

  it('waits for the deadline the latest decision set (上犹 附件2 四(三) 「经过两次会议仍未落实的」)', () => {
    const agenda = [{ heldOn: '2020-11-19', deadline: '2020-11-30' }, { heldOn: '2020-11-20', deadline: '2020-12-15' }];
    expect(isStalled({ state: 'coordinating', dueOn: '2020-12-15', agenda }, '2020-11-20')).toBe(false);
    expect(isStalled({ state: 'coordinating', dueOn: '2020-12-15', agenda }, '2020-12-15')).toBe(false);
    expect(isStalled({ state: 'coordinating', dueOn: '2020-12-15', agenda }, '2020-12-16')).toBe(true);
    // A later meeting without a decision leaves the earlier deadline standing; none at all falls back to the due date.
    const undecided = [{ heldOn: '2020-11-19', deadline: '2020-11-30' }, { heldOn: '2020-11-20', deadline: null }];
    expect(isStalled({ state: 'pending', dueOn: '2021-01-01', agenda: undecided }, '2020-12-01')).toBe(true);
    const none = [{ heldOn: '2020-11-19', deadline: null }, { heldOn: '2020-11-20', deadline: null }];
    expect(isStalled({ state: 'pending', dueOn: '2021-01-01', agenda: none }, '2020-12-01')).toBe(false);
    expect(isStalled({ state: 'pending', dueOn: null, agenda: none }, '2020-11-20')).toBe(true);
    // Meetings held after the day do not count yet.
    expect(isStalled({ state: 'pending', dueOn: null, agenda: none }, '2020-11-19')).toBe(false);
  });
});
