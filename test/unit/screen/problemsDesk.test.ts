import { describe, expect, it } from 'vitest';
import type { ContactStatus, DutyStatus } from '../../../shared/problems.js';
import { contactOwed, contactsDue, deskProblems, deskProjects, dutiesDone, dutiesDue, headline, periodLabel } from '../../../screen/apps/desk/cards/desk.js';
import { categoryBars, problemTiles } from '../../../screen/apps/wall/panels/problemRows.js';
import { emptyRaiseForm, raiseBody, validateRaise } from '../../../screen/features/problems/problemForm.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';
import { problem } from './problemFixture.js';

const duty = (over: Partial<DutyStatus>): DutyStatus => ({
  kind: 'monthly_briefing', period: '2020-08', dueOn: '2020-08-31', doneOn: null, note: null, overdue: false, ...over,
});

describe('a leader\'s desk', () => {
  it('names months and quarters in Chinese', () => {
    expect(periodLabel('2020-09')).toBe('2020年9月');
    expect(periodLabel('2020-Q3')).toBe('2020年第三季度');
  });

  it('lists the duties owed, overdue first, and the latest done', () => {
    const duties = [
      duty({ period: '2020-09', dueOn: '2020-09-30' }),
      duty({ period: '2020-07', dueOn: '2020-07-31', overdue: true }),
      duty({ kind: 'quarterly_visit', period: '2020-Q2', dueOn: '2020-06-30', doneOn: '2020-06-20' }),
      duty({ period: '2020-08', dueOn: '2020-08-31', doneOn: '2020-08-28' }),
    ];
    expect(dutiesDue(duties).map((d) => d.period)).toEqual(['2020-07', '2020-09']);
    expect(dutiesDone(duties).map((d) => d.period)).toEqual(['2020-08', '2020-Q2']);
  });

  it('lists the commissioners who owe a call or a visit', () => {
    const c = (over: Partial<ContactStatus>): ContactStatus => ({
      projectId: 1, project: '高新区新材料产业园', commissioner: '周敏', lastCall: null, lastVisit: null, callDue: false, visitDue: false, ...over,
    });
    expect(contactsDue([c({ projectId: 1 }), c({ projectId: 2, callDue: true }), c({ projectId: 3, visitDue: true })]).map((x) => x.projectId)).toEqual([2, 3]);
    expect(contactOwed({ callDue: true, visitDue: true })).toBe('本周未电话联系、本月未现场走访');
    expect(contactOwed({ callDue: false, visitDue: true })).toBe('本月未现场走访');
  });

  it('reads the headline off the snapshot, 序时进度 from the monthly plans', () => {
    const s = makeSnapshot();
    const h = headline(s);
    expect(h.annualPlan).toBe(s.totals.annualPlan);
    expect(h.scheduleShare).toBeCloseTo(s.totals.schedulePlan / s.totals.annualPlan, 9);
    expect(h.onSchedule).toBe(s.totals.completionRate >= h.scheduleShare);
  });

  it('puts problems awaiting the leader\'s confirmation first', () => {
    const desk = {
      problems: [
        problem({ id: 1, state: 'coordinating', ageDays: 40 }),
        problem({ id: 2, state: 'closed' }),
        problem({ id: 3, state: 'resolved' }),
        problem({ id: 4, state: 'pending' }),
      ],
    };
    expect(deskProblems(desk).map((p) => p.id)).toEqual([3, 4, 1, 2]);
  });

  it('lists the projects that need the leader first: an unclosed problem, lagging, alerts, then the furthest behind', () => {
    const p = (id: number, over: { lagging?: boolean; completionRate?: number } = {}) => ({
      id, code: `YY-${id}`, name: `项目${id}`, unit: '县交通局', role: 'linked' as const, completionRate: 0.5, scheduleShare: 0.6, lagging: false, ...over,
    });
    const desk = {
      projects: [p(1), p(2, { completionRate: 0.2 }), p(3, { lagging: true }), p(4), p(5), p(6)],
      problems: [problem({ projectId: 4, state: 'pending' }), problem({ projectId: 4, state: 'coordinating' }), problem({ projectId: 6, state: 'closed' })],
      openAlerts: [{ projectId: 5 }, { projectId: 3 }] as never,
    };
    const rows = deskProjects(desk);
    expect(rows.map((r) => r.id)).toEqual([4, 3, 5, 2, 1, 6]);
    expect(rows[0]).toMatchObject({ problems: 2, alerts: 0 });
    expect(rows[1]).toMatchObject({ problems: 0, alerts: 1 });
  });
});

describe('the wall\'s problem panel', () => {
  it('scales the category bars to the largest open count', () => {
    const bars = categoryBars([
      { category: '资金筹措', open: 2, closed: 5 },
      { category: '用地保障', open: 4, closed: 1 },
      { category: '工程建设', open: 0, closed: 0 },
    ]);
    expect(bars.map((b) => b.width)).toEqual(['50%', '100%', '0%']);
    expect(categoryBars([{ category: '审批协调', open: 0, closed: 3 }])[0].width).toBe('0%');
  });

  it('shows 待协调, 协调中, 本月销号 and 逾期, in red only when something is overdue', () => {
    const s = makeSnapshot().problems;
    const tiles = problemTiles(s);
    expect(tiles.map((t) => t.label)).toEqual(['待协调', '协调中', '本月销号', '逾期']);
    expect(tiles.map((t) => t.value)).toEqual([s.pending, s.coordinating, s.closedThisMonth, s.overdue]);
    expect(problemTiles({ ...s, overdue: 0 })[3].tone).toBe('info');
  });
});

describe('a unit raising a problem', () => {
  const categories = ['资金筹措', '用地保障'];

  it('refuses an incomplete form with Chinese messages next to each field', () => {
    expect(validateRaise(emptyRaiseForm(), '2020-09-15', categories)).toEqual({
      projectId: '请选择项目', category: '请选择问题类别', description: '请具体描述问题（至少5字）',
    });
    expect(validateRaise({ ...emptyRaiseForm(), projectId: 3, category: '其他', description: '二期用地指标未下达' }, '2020-09-15', categories)).toEqual({
      category: '问题类别须为：资金筹措、用地保障',
    });
    expect(validateRaise({ projectId: 3, category: '用地保障', description: '二期用地指标未下达', askedOf: '', dueOn: '2020-09-01' }, '2020-09-15', categories)).toEqual({
      dueOn: '期望解决日期不能早于今天',
    });
  });

  it('sends a trimmed body with no due date as null', () => {
    const f = { projectId: 3, category: '用地保障', description: ' 二期用地指标未下达 ', askedOf: ' 县自然资源局 ', dueOn: '' };
    expect(validateRaise(f, '2020-09-15', categories)).toEqual({});
    expect(raiseBody(f)).toEqual({ category: '用地保障', description: '二期用地指标未下达', askedOf: '县自然资源局', dueOn: null });
  });
});
