import { describe, expect, it } from 'vitest';
import { demoLedger, DEMO_PROFILES } from '../../../server/demo/demo.js';
import { computeSummary } from '../../../server/domain/aggregates.js';
import {
  auditText,
  buildCard,
  cardHistory,
  cardLeaders,
  cardMonths,
  cardProblems,
  drillFacts,
  filterFacts,
  latestProgress,
  projectRows,
} from '../../../server/domain/drill.js';
import type { ProblemDetail } from '../../../shared/problems.js';
import type { Report } from '../../../shared/types.js';
import { demoInput } from '../../fixtures/demoInput.js';
import { alert, figure, ledger, LEVELS, monthlyPlans, project, wan } from './fixtures.js';

const inputOf = demoInput;

describe('drill-down lists agree with the snapshot', () => {
  for (const profile of DEMO_PROFILES) {
    it(`${profile}: every status, domain, level and unit count`, () => {
      const input = inputOf(demoLedger(profile));
      const s = computeSummary(input);
      const facts = drillFacts(input, s);
      const rows = (q: Parameters<typeof projectRows>[1]) => projectRows(facts, q, input.levels, input.today);

      expect(rows({ title: '全部' })).toHaveLength(s.totals.projects);
      expect(rows({ title: '', status: 'lagging' })).toHaveLength(s.totals.laggingCount);
      expect(rows({ title: '', status: 'startPlanned' })).toHaveLength(s.totals.startPlanned);
      expect(rows({ title: '', status: 'started' })).toHaveLength(s.totals.started);
      expect(rows({ title: '', status: 'notStarted' })).toHaveLength(s.totals.startPlanned - s.totals.started);
      expect(rows({ title: '', status: 'completionPlanned' })).toHaveLength(s.totals.completionPlanned);
      expect(rows({ title: '', status: 'completed' })).toHaveLength(s.totals.completedProjects);
      expect(s.totals.laggingCount).toBeGreaterThan(0);
      expect(s.totals.started).toBeGreaterThan(0);

      for (const d of s.byDomain) {
        const all = rows({ title: '', domain: d.key });
        expect(all).toHaveLength(d.projects);
        expect(all.reduce((sum, r) => sum + r.completed, 0)).toBe(d.completed);
        expect(all.reduce((sum, r) => sum + r.annualPlan, 0)).toBe(d.annualPlan);
        expect(rows({ title: '', domain: d.name, status: 'lagging' })).toHaveLength(d.laggingCount);
      }
      for (const l of s.byLevel) {
        expect(rows({ title: '', level: l.key })).toHaveLength(l.projects);
        expect(rows({ title: '', level: l.name, status: 'lagging' })).toHaveLength(l.laggingCount);
      }
      for (const u of s.ranking) {
        const mine = rows({ title: '', unitId: u.unitId });
        expect(mine).toHaveLength(u.projects);
        expect(mine.every((r) => r.unit === u.unit)).toBe(true);
        expect(rows({ title: '', unitId: u.unitId, status: 'lagging' })).toHaveLength(u.laggingCount);
      }
      // The snapshot's lagging list (capped) is the head of the drill-down's lagging list, in the same order.
      expect(rows({ title: '', status: 'lagging' }).slice(0, s.lagging.length).map((r) => r.id)).toEqual(s.lagging.map((l) => l.projectId));
      for (const l of s.lagging) expect(facts.find((f) => f.project.id === l.projectId)!.row.lagging).toBe(l.severity);
    });
  }
});

describe('filterFacts', () => {
  const projects = [
    project(1, { levels: ['province'], township: '弋江镇', leaderId: 1, startedOn: null, plannedStart: '2020-03-01', stage: 'preparing' }),
    project(2, { levels: ['city', 'county'], domainId: 2, domain: '农业', township: '南岩镇', leaderId: 2, chargeLeaderId: 1, startedOn: '2020-02-01', plannedStart: '2020-02-01' }),
    project(3, { unitId: 2, unit: '县城投', plannedCompletion: '2020-06-30', completedOn: '2020-06-20', stage: 'completed' }),
  ];
  const input = ledger({ today: '2020-07-20', projects, plans: [], monthly: [figure(2, '2020-05', wan(100))] });
  const facts = drillFacts(input, computeSummary(input));
  const ids = (q: Parameters<typeof filterFacts>[1]) => filterFacts(facts, q, input.levels, input.today).map((f) => f.project.id);

  it('narrows by every filter given', () => {
    expect(ids({ title: '' })).toEqual([1, 2, 3]);
    expect(ids({ title: '', domain: 'agriculture' })).toEqual([2]);
    expect(ids({ title: '', domain: '工业' })).toEqual([1, 3]);
    expect(ids({ title: '', level: '市重点' })).toEqual([2]);
    expect(ids({ title: '', level: 'province' })).toEqual([1]);
    expect(ids({ title: '', unitId: 2 })).toEqual([3]);
    expect(ids({ title: '', leaderId: 1 })).toEqual([1, 2, 3]);
    expect(ids({ title: '', leaderId: 2 })).toEqual([2]);
    expect(ids({ title: '', township: '南岩镇' })).toEqual([2]);
    expect(ids({ title: '', domain: 'industry', township: '南岩镇' })).toEqual([]);
    expect(ids({ title: '', domain: '不存在' })).toEqual([]);
  });

  it('reads start and completion within the campaign year', () => {
    expect(ids({ title: '', status: 'startPlanned' })).toEqual([1, 2]);
    expect(ids({ title: '', status: 'started' })).toEqual([2]);
    expect(ids({ title: '', status: 'notStarted' })).toEqual([1]);
    expect(ids({ title: '', status: 'completionPlanned' })).toEqual([3]);
    expect(ids({ title: '', status: 'completed' })).toEqual([3]);
  });

  it('marks lagging projects with their worst severity and filters by it', () => {
    // Project 1's start is overdue by 141 days (red); project 2 is behind 序时进度.
    const row1 = facts[0].row;
    expect(row1.lagging).toBe('red');
    expect(ids({ title: '', status: 'lagging' })).toContain(1);
    expect(ids({ title: '', severity: 'red' })).toEqual(facts.filter((f) => f.row.lagging === 'red').map((f) => f.project.id));
    expect(ids({ title: '', rule: 'start_overdue' })).toEqual([1]);
    expect(ids({ title: '', rule: 'completion_overdue' })).toEqual([]);
    expect(facts[2].row.lagging).toBeNull();
  });

  it('finds projects by their problems', () => {
    const withProblems = ledger({
      today: '2020-07-20',
      projects,
      problems: [
        { id: 11, projectId: 1, state: 'pending', dueOn: '2020-07-01', closedOn: null, meetings: 0, agenda: [] },
        { id: 12, projectId: 2, state: 'coordinating', dueOn: '2020-08-01', closedOn: null, meetings: 0, agenda: [] },
        { id: 13, projectId: 3, state: 'closed', dueOn: '2020-05-01', closedOn: '2020-05-02', meetings: 0, agenda: [] },
      ],
    });
    const f = drillFacts(withProblems, computeSummary(withProblems));
    const pick = (q: Parameters<typeof filterFacts>[1]) => filterFacts(f, q, LEVELS, '2020-07-20').map((x) => x.project.id);
    expect(pick({ title: '', problemState: 'open' })).toEqual([1, 2]);
    expect(pick({ title: '', problemState: 'pending' })).toEqual([1]);
    expect(pick({ title: '', problemState: 'coordinating' })).toEqual([2]);
    expect(pick({ title: '', problemState: 'overdue' })).toEqual([1]);
    expect(pick({ title: '', problemId: 13 })).toEqual([3]);
    expect(pick({ title: '', problemId: 99 })).toEqual([]);
  });

  it('builds rows from the summary amounts', () => {
    const row = facts[1].row;
    expect(row).toMatchObject({ id: 2, code: 'P002', domain: '农业', completed: wan(100), annualPlan: wan(1_200), started: true, completedProject: false });
    expect(row.completionRate).toBeCloseTo(100 / 1_200);
    expect(facts[2].row.completedProject).toBe(true);
  });
});

describe('cardMonths', () => {
  it('uses the monthly plans where set and cumulates both series', () => {
    const plans = new Map(monthlyPlans(1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(wan)).map((p) => [p.month, p.amount]));
    const months = cardMonths(2020, wan(78), plans, new Map([['2020-01', wan(2)], ['2020-03', wan(5)]]));
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2020-01', plan: wan(1), actual: wan(2), planCum: wan(1), actualCum: wan(2) });
    expect(months[2]).toEqual({ month: '2020-03', plan: wan(3), actual: wan(5), planCum: wan(6), actualCum: wan(7) });
    expect(months[11].planCum).toBe(wan(78));
    expect(months[11].actualCum).toBe(wan(7));
  });

  it('spreads the annual plan exactly when there is no monthly plan', () => {
    const months = cardMonths(2020, 1_000_005, undefined, undefined);
    expect(months[11].planCum).toBe(1_000_005);
    expect(months.every((m) => Number.isInteger(m.plan) && m.actual === 0)).toBe(true);
  });
});

const report = (month: string, revision: number, status: Report['status'], progress = '', at = `${month}-28T02:00:00.000Z`): Report => ({
  id: revision, projectId: 1, month, revision, investment: wan(120), progress, startedOn: null, completedOn: null, remark: '',
  status, submittedBy: '单位填报员', createdAt: at, returnReason: null, reviewedBy: status === 'accepted' ? '审核员' : null,
  reviewedAt: status === 'accepted' ? at.replace('28T', '29T') : null,
});

describe('history and progress', () => {
  const reports = [report('2020-06', 2, 'accepted', '主体封顶'), report('2020-06', 1, 'returned', '基础完成'), report('2020-05', 1, 'accepted', '基础完成'), report('2020-07', 1, 'submitted', '装修')];

  it('takes 形象进度 from the latest accepted report', () => {
    expect(latestProgress(reports)).toEqual({ text: '主体封顶', month: '2020-06' });
    expect(latestProgress([report('2020-07', 1, 'submitted', '装修')])).toBeNull();
  });

  it('lists accepted reports and project changes, latest first, capped', () => {
    const audits = [
      { at: '2020-06-10T00:00:00.000Z', actor: '管理员', action: 'project.plan', entity: 'project', before: { annualPlan: wan(1_200) }, after: { annualPlan: wan(1_500), monthly: null, previousAnnual: wan(1_200) } },
      { at: '2020-07-01T00:00:00.000Z', actor: '单位', action: 'report.submit', entity: 'report', before: null, after: {} },
    ];
    const h = cardHistory(reports, audits);
    expect(h.map((i) => i.kind)).toEqual(['report', 'audit', 'report']);
    expect(h[0]).toMatchObject({ kind: 'report', actor: '审核员' });
    expect(h[0].text).toBe('2020-06月报（第2版）已采纳：本月完成投资120.00万元；主体封顶');
    expect(h[1].text).toBe('调整投资计划：年度计划 1,200.00万元→1,500.00万元；月度计划');
    expect(cardHistory(reports, audits, 2)).toHaveLength(2);
  });

  it('describes project edits in words', () => {
    expect(auditText({ action: 'project.update', before: { stage: 'preparing', leaderId: 1 }, after: { stage: 'construction', leaderId: 2 } })).toBe('修改项目信息：阶段 前期→在建；挂点领导');
    expect(auditText({ action: 'project.milestones', before: { startedOn: null }, after: { startedOn: '2020-03-01' } })).toBe('更新开工/竣工：开工日期 空→2020-03-01');
    expect(auditText({ action: 'project.update', before: { lat: 1, lon: 2 }, after: { lat: 3, lon: 4 } })).toBe('修改项目信息：位置');
  });
});

const problem = (id: number, overrides: Partial<ProblemDetail>): ProblemDetail => ({
  id, projectId: 1, project: '项目1', projectCode: 'P001', unitId: 1, unit: '县工信局', domainId: 1, domain: '工业', leader: null,
  category: '用地保障', description: '用地指标不足', askedOf: '县自然资源局', coordinatingUnit: null, dueOn: null, state: 'pending', level: 1,
  resolution: null, resolvedBy: null, confirmedBy: null, returnReason: null, raisedBy: '单位', createdAt: '2020-06-01T00:00:00.000Z',
  closedAt: null, meetings: 0, agenda: [], flagged: false, overdue: false, ageDays: 10, ...overrides,
});

describe('card parts', () => {
  it('orders problems open first, oldest first, with their owner', () => {
    const list = cardProblems([
      problem(1, { state: 'closed', ageDays: 90 }),
      problem(2, { state: 'coordinating', coordinatingUnit: '县发改委', ageDays: 40 }),
      problem(3, { state: 'pending', ageDays: 5 }),
      problem(4, { state: 'pending', ageDays: 30, overdue: true }),
    ]);
    expect(list.map((p) => p.id)).toEqual([4, 3, 2, 1]);
    expect(list[2].owner).toBe('县发改委');
    expect(list[1].owner).toBe('县自然资源局');
    expect(list[0].overdue).toBe(true);
  });

  it('names the 挂点 and 包干 leaders with their titles', () => {
    const leaders = [{ id: 1, name: '张三', title: '县长', rank: 'county_head' as const }, { id: 2, name: '李四', title: '副县长', rank: 'deputy' as const }];
    expect(cardLeaders({ leaderId: 2, leader: '李四', chargeLeaderId: 1, chargeLeader: '张三' }, leaders)).toEqual([
      { id: 2, name: '李四', title: '副县长', role: 'point' },
      { id: 1, name: '张三', title: '县长', role: 'charge' },
    ]);
    expect(cardLeaders({ leaderId: null, leader: null, chargeLeaderId: null, chargeLeader: null }, leaders)).toEqual([]);
  });

  it('assembles the card from the facts and the project records', () => {
    const input = ledger({
      today: '2020-07-20',
      projects: [project(1, { annualPlan: wan(1_200), commissioner: '县发改委 王五', leadUnit: '县政府', levels: ['province', 'unknown'] }), project(2)],
      monthly: [figure(1, '2020-01', wan(50)), figure(1, '2020-02', wan(50))],
    });
    const summary = computeSummary(input);
    const [facts] = drillFacts(input, summary);
    const card = buildCard({
      facts,
      levels: LEVELS,
      year: 2020,
      reportingMonth: summary.reportingMonth,
      plans: undefined,
      accepted: new Map([['2020-01', wan(50)], ['2020-02', wan(50)]]),
      leaders: [{ id: 1, name: '张三', title: '副县长', rank: 'deputy' }],
      reports: [report('2020-02', 1, 'accepted', '土方开挖')],
      audits: [],
      alerts: [alert(7, { projectId: 1, severity: 'orange' }), alert(8, { projectId: 2 }), alert(9, { projectId: 1, state: 'cleared' })],
      problems: [problem(3, {}), problem(4, { projectId: 2 })],
    });
    expect(card).toMatchObject({
      id: 1, levels: ['省重点', 'unknown'], completed: wan(100), annualPlan: wan(1_200), imageProgress: '土方开挖', imageProgressMonth: '2020-02',
      commissioner: '县发改委 王五', unit: { id: 1, name: '县工信局', leadUnit: '县政府' }, reportingMonth: '2020-06',
      leaders: [{ id: 1, name: '张三', title: '副县长', role: 'point' }],
    });
    expect(card.alerts.map((a) => a.id)).toEqual([7]);
    expect(card.problems.map((p) => p.id)).toEqual([3]);
    expect(card.months[1].actualCum).toBe(wan(100));
    expect(card.lagging).toBe(facts.row.lagging);
    expect(card.lagReasons.length).toBe(facts.hits.length);
    expect(card.scheduleRate).toBeCloseTo(wan(100) / summary.scheduleByProject.get(1)!);
    expect(card.history).toHaveLength(1);
  });
});
