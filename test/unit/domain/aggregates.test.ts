import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../server/domain/aggregates.js';
import { figure, ledger, monthlyPlans, plan, project, wan } from './fixtures.js';

describe('computeSummary: investment', () => {
  // Odd amounts whose float sums in 万元 would drift (0.1 + 0.2 …); in yuan they must add exactly.
  const projects = [
    project(1, { annualPlan: 3_333_333, totalInvestment: 100_000_001 }),
    project(2, { annualPlan: 1_234_567, totalInvestment: 7, domainId: 2, domain: '农业' }),
    project(3, { annualPlan: 7, totalInvestment: 3 }),
  ];
  const monthly = [
    figure(1, '2020-01', 1_000),
    figure(1, '2020-02', 2_000),
    figure(2, '2020-03', 3_001),
    figure(3, '2020-06', 1),
    figure(1, '2020-04', 999_999, 'submitted'),
    figure(2, '2020-04', 888_888, 'returned'),
    figure(3, '2019-12', 777_777),
  ];
  const s = computeSummary(ledger({ projects, monthly }));

  it('adds exact integers and counts only accepted reports of the campaign year', () => {
    expect(s.totals).toMatchObject({ projects: 3, totalInvestment: 100_000_011, annualPlan: 4_567_907, completed: 6_002 });
    expect(s.totals.completionRate).toBe(6_002 / 4_567_907);
    expect([...s.completedByProject]).toEqual([
      [1, 3_000],
      [2, 3_001],
      [3, 1],
    ]);
  });

  it('plans pro rata without monthly plans, rounding each project to the yuan', () => {
    // Six months through June: 1,666,666.5 → 1,666,667; 617,283.5 → 617,284; 3.5 → 4.
    expect(s.scheduleRatio).toBe(0.5);
    expect(s.reportingMonth).toBe('2020-06');
    expect(s.totals.schedulePlan).toBe(1_666_667 + 617_284 + 4);
    expect(s.totals.scheduleRate).toBe(6_002 / 2_283_955);
  });

  it('groups by domain in sort order with a null target when none is set', () => {
    const reversed = computeSummary(ledger({ projects, monthly, domains: [...ledger().domains].reverse() }));
    expect(reversed.byDomain.map((d) => [d.key, d.name, d.projects, d.target, d.annualPlan, d.completed, d.schedulePlan])).toEqual([
      ['industry', '工业', 2, wan(500_000), 3_333_340, 3_001, 1_666_671],
      ['agriculture', '农业', 1, null, 1_234_567, 3_001, 617_284],
    ]);
  });
});

describe('computeSummary: schedule', () => {
  const withPlans = project(1, { annualPlan: wan(1_200) });
  const plans = monthlyPlans(1, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, wan(1_200) - 660]);

  it('uses monthly plans where set and the annual plan pro rata elsewhere', () => {
    const s = computeSummary(ledger({ projects: [withPlans, project(2)], plans }));
    expect(s.totals.schedulePlan).toBe(210 + wan(600));
  });

  it('plans nothing due in January, when the previous December is being reported', () => {
    const s = computeSummary(ledger({ today: '2020-01-20', projects: [withPlans, project(2)], plans }));
    expect(s).toMatchObject({ reportingMonth: '2019-12', scheduleRatio: 0 });
    expect(s.totals).toMatchObject({ schedulePlan: 0, scheduleRate: 0 });
    expect(s.hits.filter((h) => h.rule === 'investment_behind')).toEqual([]);
  });

  it('plans the whole year after the campaign year', () => {
    const s = computeSummary(ledger({ today: '2021-03-02', projects: [withPlans, project(2)], plans }));
    expect(s.scheduleRatio).toBe(1);
    expect(s.totals.schedulePlan).toBe(wan(2_400));
  });
});

describe('computeSummary: levels', () => {
  it('counts a project in every level it is tagged with, in the input order', () => {
    const s = computeSummary(
      ledger({
        projects: [project(1, { levels: ['province', 'city'] }), project(2, { levels: ['city'], annualPlan: 5 }), project(3)],
        monthly: [figure(1, '2020-05', 40), figure(2, '2020-05', 2)],
      }),
    );
    expect(s.byLevel.map((l) => [l.key, l.name, l.projects, l.target, l.annualPlan, l.completed])).toEqual([
      ['province', '省重点', 1, wan(3_000), wan(1_200), 40],
      ['city', '市重点', 2, null, wan(1_200) + 5, 42],
      ['county', '县重点', 0, null, 0, 0],
    ]);
    expect(s.byLevel[2]).toMatchObject({ completionRate: 0, scheduleRate: 0 });
  });
});

describe('computeSummary: starts and completions', () => {
  it('counts what is due this year and what has happened by today', () => {
    const s = computeSummary(
      ledger({
        today: '2020-07-03',
        projects: [
          project(1, { plannedStart: '2020-03-01', startedOn: '2020-03-15' }),
          project(2, { plannedStart: '2020-05-01', startedOn: null, stage: 'preparing' }),
          project(3, { plannedStart: null, startedOn: '2020-02-01' }),
          project(4, { plannedStart: '2019-03-01', startedOn: '2019-04-01' }),
          project(5, { plannedStart: '2020-10-01', startedOn: null, plannedCompletion: '2020-12-31' }),
          project(6, { plannedCompletion: '2020-06-30', completedOn: '2020-06-28', stage: 'completed' }),
          project(7, { plannedCompletion: '2021-06-30', completedOn: '2020-05-01', stage: 'completed' }),
          project(8, { plannedCompletion: '2019-12-31', completedOn: '2019-12-20', stage: 'completed' }),
        ],
      }),
    );
    expect(s.totals).toMatchObject({ startPlanned: 4, started: 2, startRate: 0.5, completionPlanned: 3, completedProjects: 2 });
    expect(s.totals.completionProjectRate).toBe(2 / 3);
  });
});

describe('computeSummary: trend', () => {
  it('spreads annual plans exactly and accumulates plan and actual by month', () => {
    const s = computeSummary(
      ledger({
        today: '2020-05-10',
        projects: [project(1, { annualPlan: 100 }), project(2, { annualPlan: 1_000 }), project(3, { annualPlan: 3_333_333_337 })],
        plans: [plan(2, '2020-03', 400), plan(2, '2020-06', 600)],
        monthly: [figure(1, '2020-01', 5), figure(2, '2020-03', 300), figure(1, '2020-04', 7), figure(3, '2020-05', 11, 'submitted')],
      }),
    );
    const spread = Math.floor(3_333_333_337 / 12); // 277,777,778 with 1 left over for December
    expect(s.trend.map((t) => t.month)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12']);
    expect(s.trend[0]).toEqual({ month: '2020-01', plan: 8 + spread, actual: 5, planCum: 8 + spread, actualCum: 5 });
    expect(s.trend[2]).toMatchObject({ plan: 8 + 400 + spread, actual: 300, actualCum: 305 });
    expect(s.trend[5].plan).toBe(8 + 600 + spread);
    expect(s.trend[11]).toEqual({ month: '2020-12', plan: 9 + spread + 1, actual: 0, planCum: 3_333_334_437, actualCum: 312 });
    expect(s.trend.slice(4).every((t) => t.actual === 0)).toBe(true);
  });
});

describe('computeSummary: lagging', () => {
  // Six months through June: each project without monthly plans is due 600万 of its 1200万.
  // On 07-06 June's report is due and filed, so only the investment and start rules speak.
  const today = '2020-07-06';
  const behind = (id: number, code: string, completedWan: number, more = {}) => ({ p: project(id, { code, ...more }), f: figure(id, '2020-06', wan(completedWan)) });
  const rows = [
    behind(1, 'A1', 480), // 10 points behind: yellow
    behind(2, 'B2', 360), // 20: orange
    behind(3, 'C3', 300), // 25: orange, bigger gap
    behind(4, 'D4', 0), // 50: red
    behind(5, 'E5', 600), // on schedule
    behind(6, 'A0', 480), // same gap as A1, earlier code
    behind(7, 'F7', 600, { plannedStart: '2020-01-02', startedOn: null, stage: 'preparing', leader: null, unit: '县农业局' }), // start 183 days overdue: red
  ];
  const s = computeSummary(ledger({ today, projects: rows.map((r) => r.p), monthly: rows.map((r) => r.f) }));

  it('sorts worst severity first, then the bigger gap, then code', () => {
    expect(s.lagging.map((l) => [l.code, l.severity])).toEqual([
      ['D4', 'red'],
      ['F7', 'red'],
      ['C3', 'orange'],
      ['B2', 'orange'],
      ['A0', 'yellow'],
      ['A1', 'yellow'],
    ]);
    expect(s.totals.laggingCount).toBe(6);
    expect(s.byDomain[0].laggingCount).toBe(6);
    expect(s.hits).toHaveLength(6);
  });

  it('fills the project fields and the reasons', () => {
    expect(s.lagging[1]).toEqual({
      projectId: 7,
      code: 'F7',
      name: '项目7',
      unit: '县农业局',
      domain: '工业',
      leader: null,
      annualPlan: wan(1_200),
      completed: wan(600),
      completionRate: 0.5,
      scheduleShare: 0.5,
      scheduleRate: 1,
      severity: 'red',
      reasons: [{ rule: 'start_overdue', severity: 'red', text: '计划2020-01-02开工，已逾期186天未开工' }],
    });
    expect(s.lagging[0].reasons[0].text).toBe('累计完成投资0.00万元，完成年度计划0.0%，低于序时进度50.0%达50.0个百分点');
  });

  it('takes the worst severity of a project with several hits', () => {
    const p = project(1, { plannedCompletion: '2020-06-25' });
    const r = computeSummary(ledger({ today, projects: [p], monthly: [figure(1, '2020-06', wan(540))] }));
    expect(r.lagging[0].reasons.map((x) => x.severity)).toEqual(['yellow', 'yellow']);
    const worse = computeSummary(ledger({ today, projects: [{ ...p, plannedCompletion: '2020-01-01' }], monthly: [figure(1, '2020-06', wan(540))] }));
    expect(worse.lagging[0].severity).toBe('red');
  });

  it('keeps at most LAGGING_LIMIT projects but counts them all', () => {
    const many = Array.from({ length: 60 }, (_, i) => project(i + 1));
    const r = computeSummary(ledger({ today, projects: many, monthly: many.map((p) => figure(p.id, '2020-06', 0)) }));
    expect(r.lagging).toHaveLength(50);
    expect(r.totals.laggingCount).toBe(60);
    expect(r.hits).toHaveLength(60);
  });
});

describe('computeSummary: the month turning', () => {
  it('does not hold projects to last month\'s plan before its reports are due', () => {
    // 500万 done through May of a 1,200万 plan: on schedule for five months, not for six.
    const p = project(1);
    const monthly = [figure(1, '2020-05', wan(500))];
    const rule = (today: string) => computeSummary(ledger({ today, projects: [p], monthly })).hits.map((h) => h.rule);
    expect(rule('2020-07-03')).toEqual([]);
    expect(rule('2020-07-06')).toEqual(['investment_behind', 'report_missing']);
  });
});

describe('computeSummary: report missing', () => {
  const p = project(1, { annualPlan: wan(1_200) });
  const onTrack = [figure(1, '2020-01', wan(1_000))];
  const rules = (today: string, monthly = onTrack) => computeSummary(ledger({ today, projects: [p], monthly })).hits.map((h) => `${h.rule}:${h.severity}`);

  it('fires after the deadline day and not on it, and keeps firing for the month before until then', () => {
    expect(rules('2020-11-05', [...onTrack, figure(1, '2020-09', 0)])).toEqual([]);
    expect(rules('2020-11-05')).toEqual(['report_missing:orange']);
    expect(rules('2020-11-06')).toEqual(['report_missing:orange']);
    expect(rules('2020-11-06', [...onTrack, figure(1, '2020-09', 0)])).toEqual(['report_missing:yellow']);
  });

  it('counts submitted and accepted reports but not returned ones', () => {
    expect(rules('2020-11-06', [...onTrack, figure(1, '2020-10', 0, 'submitted')])).toEqual([]);
    expect(rules('2020-11-06', [...onTrack, figure(1, '2020-10', 0, 'accepted')])).toEqual([]);
    expect(rules('2020-11-06', [...onTrack, figure(1, '2020-09', 0), figure(1, '2020-10', 0, 'returned')])).toEqual(['report_missing:yellow']);
  });
});

describe('computeSummary: 比赶超 ranking', () => {
  const months = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'];
  const s = computeSummary(
    ledger({
      projects: [project(1), project(2, { unitId: 2, unit: '县城投公司' })],
      monthly: [...months.map((m) => figure(1, m, wan(100))), ...months.slice(0, 3).map((m) => figure(2, m, wan(100)))],
      problems: [
        { id: 1, projectId: 2, state: 'pending', dueOn: null, closedOn: null, meetings: 0, agenda: [] },
        { id: 2, projectId: 2, state: 'closed', dueOn: null, closedOn: '2020-05-01', meetings: 1, agenda: [] },
      ],
    }),
  );

  it('scores each unit from its own projects, reports and problems', () => {
    // Timeliness: January–May are due (June's deadline, 07-05, has not passed); three filed in time.
    expect(s.ranking.map((r) => [r.rank, r.unit, r.score])).toEqual([[1, '县工信局', 100], [2, '县城投公司', 66.5]]);
    expect(s.ranking[1].components).toEqual({ investment: 50, start: 100, completion: 100, timeliness: 60, problems: 50 });
    expect(s.ranking[1]).toMatchObject({ projects: 1, completed: wan(300), schedulePlan: wan(600), laggingCount: 1 });
  });

  it('scores starts and completions only once they are due, while the wall counts the year\'s plan', () => {
    const later = computeSummary(
      ledger({
        projects: [project(1, { plannedStart: '2020-09-01', startedOn: null, stage: 'preparing', plannedCompletion: '2020-12-20' })],
        monthly: [figure(1, '2020-05', 0)],
      }),
    );
    expect(later.ranking[0].components).toMatchObject({ start: 100, completion: 100 });
    expect(later.totals).toMatchObject({ startPlanned: 1, started: 0 });
  });
});
