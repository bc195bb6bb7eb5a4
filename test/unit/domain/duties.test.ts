import { describe, expect, it } from 'vitest';
import { contactStatus, leaderDuties } from '../../../server/domain/duties.js';

describe('leaderDuties', () => {
  it('owes a briefing each month and a visit each quarter up to today, newest first', () => {
    const duties = leaderDuties(2021, '2021-05-10', []);
    expect(duties.map((d) => `${d.period} ${d.dueOn}`)).toEqual([
      '2021-Q2 2021-06-30',
      '2021-05 2021-05-31',
      '2021-04 2021-04-30',
      '2021-03 2021-03-31',
      '2021-Q1 2021-03-31',
      '2021-02 2021-02-28',
      '2021-01 2021-01-31',
    ]);
    expect(duties[0]).toEqual({ kind: 'quarterly_visit', period: '2021-Q2', dueOn: '2021-06-30', doneOn: null, note: null, overdue: false });
    expect(duties.map((d) => d.kind).slice(3, 5)).toEqual(['monthly_briefing', 'quarterly_visit']);
  });

  it('marks what is done and what is late', () => {
    const duties = leaderDuties(2021, '2021-05-10', [
      { kind: 'monthly_briefing', period: '2021-04', doneOn: '2021-04-28', note: '听取县工信局汇报' },
      { kind: 'quarterly_visit', period: '2021-Q1', doneOn: '2021-03-20', note: null },
      { kind: 'quarterly_visit', period: '2021-Q1', doneOn: '2021-02-10', note: '首次调研' },
      { kind: 'monthly_briefing', period: '2020-04', doneOn: '2020-04-28', note: '上一年' },
    ]);
    const by = (period: string) => duties.find((d) => d.period === period)!;
    expect(by('2021-04')).toMatchObject({ doneOn: '2021-04-28', note: '听取县工信局汇报', overdue: false });
    expect(by('2021-Q1')).toMatchObject({ doneOn: '2021-02-10', note: '首次调研', overdue: false });
    expect(by('2021-03')).toMatchObject({ doneOn: null, overdue: true });
    expect(by('2021-05').overdue).toBe(false);
    expect(duties.filter((d) => d.overdue).map((d) => d.period)).toEqual(['2021-03', '2021-02', '2021-01']);
  });

  it('is due on the month end only after it: not overdue on the last day', () => {
    expect(leaderDuties(2021, '2021-01-31', []).map((d) => d.overdue)).toEqual([false, false]);
    expect(leaderDuties(2021, '2021-02-01', []).find((d) => d.period === '2021-01')?.overdue).toBe(true);
  });

  it('owes all twelve months after the year and nothing before it', () => {
    const after = leaderDuties(2020, '2021-02-01', []);
    expect(after.filter((d) => d.kind === 'monthly_briefing')).toHaveLength(12);
    expect(after.filter((d) => d.kind === 'quarterly_visit').map((d) => d.period)).toEqual(['2020-Q4', '2020-Q3', '2020-Q2', '2020-Q1']);
    expect(after[0]).toMatchObject({ dueOn: '2020-12-31', overdue: true });
    expect(leaderDuties(2022, '2021-12-31', [])).toEqual([]);
    expect(leaderDuties(2020, '2020-02-29', []).find((d) => d.period === '2020-02')?.dueOn).toBe('2020-02-29');
  });
});

describe('contactStatus', () => {
  const BIG = { id: 1, name: '电子信息产业园', commissioner: '刘洋', totalInvestment: 100_000_000 };
  const SMALL = { id: 2, name: '乡村道路', commissioner: null, totalInvestment: 99_999_999 };

  it('wants a call when none in the seven days ending today', () => {
    const today = '2021-05-10';
    const at = (on: string) => contactStatus([SMALL], [{ projectId: 2, kind: 'call', on }], today)[0];
    expect(at('2021-05-04')).toMatchObject({ lastCall: '2021-05-04', callDue: false });
    expect(at('2021-05-03')).toMatchObject({ lastCall: '2021-05-03', callDue: true });
    expect(at('2021-05-10').callDue).toBe(false);
    expect(contactStatus([SMALL], [], today)[0]).toEqual({
      projectId: 2, project: '乡村道路', commissioner: null, lastCall: null, lastVisit: null, callDue: true, visitDue: false,
    });
  });

  it('wants a visit this calendar month only for projects of 1亿 and more', () => {
    const contacts = [
      { projectId: 1, kind: 'visit' as const, on: '2021-04-30' },
      { projectId: 2, kind: 'visit' as const, on: '2021-03-01' },
    ];
    const [big, small] = contactStatus([BIG, SMALL], contacts, '2021-05-01');
    expect(big).toMatchObject({ lastVisit: '2021-04-30', visitDue: true, commissioner: '刘洋' });
    expect(small).toMatchObject({ lastVisit: '2021-03-01', visitDue: false });
    const visited = contactStatus([BIG], [...contacts, { projectId: 1, kind: 'visit', on: '2021-05-01' }], '2021-05-31')[0];
    expect(visited).toMatchObject({ lastVisit: '2021-05-01', visitDue: false });
  });

  it('keeps projects apart, counts visits as visits only, and ignores contacts after today', () => {
    const contacts = [
      { projectId: 1, kind: 'call' as const, on: '2021-05-08' },
      { projectId: 1, kind: 'call' as const, on: '2021-05-12' },
      { projectId: 2, kind: 'visit' as const, on: '2021-05-09' },
    ];
    const [big, small] = contactStatus([BIG, SMALL], contacts, '2021-05-10');
    expect(big).toMatchObject({ lastCall: '2021-05-08', callDue: false, lastVisit: null, visitDue: true });
    expect(small).toMatchObject({ lastCall: null, callDue: true, lastVisit: '2021-05-09' });
  });
});
