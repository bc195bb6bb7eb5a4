import { describe, expect, it } from 'vitest';
import { problemOverdue, problemStalled } from '../../../server/domain/problemRules.js';
import type { LedgerProblem } from '../../../server/domain/ledger.js';

const p = (over: Partial<LedgerProblem>): LedgerProblem => ({ id: 1, projectId: 7, state: 'pending', dueOn: null, closedOn: null, meetings: 0, ...over });

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
    expect(problemStalled({ id: 7 }, [p({ state: 'resolved', meetings: 2 })])?.rule).toBe('problem_stalled');
  });
});

describe('problemStalled', () => {
  it('calls for 通报批评 once an open problem has been through two meetings', () => {
    expect(problemStalled({ id: 7 }, [p({ meetings: 1 })])).toBeNull();
    expect(problemStalled({ id: 7 }, [p({ meetings: 2 })])).toMatchObject({ severity: 'red', text: '1个问题经两次会议协调仍未落实，予以通报批评' });
    expect(problemStalled({ id: 7 }, [p({ meetings: 3, state: 'closed' })])).toBeNull();
  });
});
