import { describe, expect, it } from 'vitest';
import { completionOverdue, evaluateLagRules, investmentBehind, reportMissing, startOverdue, type LagContext } from '../../../server/domain/lagRules.js';
import type { Project } from '../../../shared/types.js';
import { project, TEST_SETTINGS, wan, YEAR } from './fixtures.js';

function ctx(overrides: Partial<LagContext> = {}): LagContext {
  return { today: '2020-07-03', year: YEAR, settings: TEST_SETTINGS, schedulePlan: 0, completed: 0, reportedMonths: new Set(), problems: [], ...overrides };
}

describe('investmentBehind', () => {
  // annual 1200万, schedule 600万: each point behind is 12万.
  const p = project(1);
  const behindBy = (yuan: number) => investmentBehind(p, ctx({ schedulePlan: wan(600), completed: wan(600) - yuan }))?.severity ?? null;

  it('grades the points behind 序时进度 at the exact thresholds', () => {
    expect(behindBy(0)).toBe(null);
    expect(behindBy(wan(60) - 1)).toBe(null);
    expect(behindBy(wan(60))).toBe('yellow'); // 5 points
    expect(behindBy(wan(180) - 1)).toBe('yellow');
    expect(behindBy(wan(180))).toBe('orange'); // 15 points
    expect(behindBy(wan(360) - 1)).toBe('orange');
    expect(behindBy(wan(360))).toBe('red'); // 30 points
    expect(behindBy(wan(600))).toBe('red');
  });

  it('uses the campaign thresholds', () => {
    const settings = { ...TEST_SETTINGS, lagYellowPoints: 10, lagOrangePoints: 20, lagRedPoints: 40 };
    expect(investmentBehind(p, ctx({ settings, schedulePlan: wan(600), completed: wan(600 - 119) }))).toBe(null);
    expect(investmentBehind(p, ctx({ settings, schedulePlan: wan(600), completed: wan(600 - 120) }))?.severity).toBe('yellow');
    expect(investmentBehind(p, ctx({ settings, schedulePlan: wan(600), completed: wan(600 - 360) }))?.severity).toBe('orange');
  });

  it('states the figures in 万元 and percent', () => {
    const hit = investmentBehind(project(7, { annualPlan: wan(3_000) }), ctx({ schedulePlan: wan(2_500), completed: wan(1_200) }));
    expect(hit).toEqual({
      projectId: 7,
      rule: 'investment_behind',
      severity: 'red',
      text: '累计完成投资1,200.00万元，完成年度计划40.0%，低于序时进度83.3%达43.3个百分点',
    });
  });

  it('skips finished projects, nothing due yet, and no annual plan', () => {
    const behind = ctx({ schedulePlan: wan(600), completed: 0 });
    expect(investmentBehind(project(1, { stage: 'completed' }), behind)).toBe(null);
    expect(investmentBehind(project(1, { stage: 'operating' }), behind)).toBe(null);
    expect(investmentBehind(p, ctx({ schedulePlan: 0 }))).toBe(null);
    expect(investmentBehind(project(1, { annualPlan: 0 }), behind)).toBe(null);
  });
});

describe('startOverdue and completionOverdue', () => {
  const unstarted = project(2, { plannedStart: '2020-06-01', startedOn: null, stage: 'preparing' });
  const startAt = (today: string, p: Project = unstarted) => startOverdue(p, ctx({ today }));

  it('bands overdue days: <30 yellow, <90 orange, else red', () => {
    expect(startAt('2020-06-01')).toBe(null);
    expect(startAt('2020-06-02')?.severity).toBe('yellow');
    expect(startAt('2020-06-30')?.severity).toBe('yellow'); // 29 days
    expect(startAt('2020-07-01')?.severity).toBe('orange'); // 30 days
    expect(startAt('2020-08-29')?.severity).toBe('orange'); // 89 days
    expect(startAt('2020-08-30')?.severity).toBe('red'); // 90 days
    expect(startAt('2020-07-01')?.text).toBe('计划2020-06-01开工，已逾期30天未开工');
  });

  it('does not fire once started or finished', () => {
    expect(startAt('2020-09-01', { ...unstarted, startedOn: '2020-08-01', stage: 'construction' })).toBe(null);
    expect(startAt('2020-09-01', { ...unstarted, stage: 'operating' })).toBe(null);
  });

  it('fires for a missed completion date until completedOn is set', () => {
    const p = project(3, { plannedCompletion: '2020-03-31' });
    const hit = completionOverdue(p, ctx({ today: '2020-04-30' }));
    expect(hit).toEqual({ projectId: 3, rule: 'completion_overdue', severity: 'orange', text: '计划2020-03-31竣工，已逾期30天未竣工' });
    expect(completionOverdue(p, ctx({ today: '2020-04-29' }))?.severity).toBe('yellow');
    expect(completionOverdue(p, ctx({ today: '2020-06-29' }))?.severity).toBe('red');
    expect(completionOverdue(p, ctx({ today: '2020-03-31' }))).toBe(null);
    expect(completionOverdue({ ...p, completedOn: '2020-04-15', stage: 'completed' }, ctx({ today: '2020-06-29' }))).toBe(null);
  });
});

describe('reportMissing', () => {
  const p = project(4, { startedOn: '2020-03-10' });
  const missing = (today: string, reported: string[] = [], q: Project = p, deadline = 5) =>
    reportMissing(q, ctx({ today, reportedMonths: new Set(reported), settings: { ...TEST_SETTINGS, reportDeadlineDay: deadline } }));

  it('waits until after the deadline day, checking the month before until then', () => {
    expect(missing('2020-11-05', ['2020-09'])).toBe(null);
    // September's report was due on October 5th and is still missing on November 1st–5th.
    expect(missing('2020-11-03', ['2020-08'])).toMatchObject({ severity: 'yellow', text: '2020年9月月报未按时报送（截止每月5日）' });
    expect(missing('2020-11-06', ['2020-09'])).toEqual({
      projectId: 4,
      rule: 'report_missing',
      severity: 'yellow',
      text: '2020年10月月报未按时报送（截止每月5日）',
    });
    expect(missing('2020-11-10', ['2020-09'], p, 10)).toBe(null);
    expect(missing('2020-11-11', ['2020-09'], p, 10)?.text).toBe('2020年10月月报未按时报送（截止每月10日）');
  });

  it('is orange when the month before is missing too', () => {
    expect(missing('2020-11-06')).toMatchObject({ severity: 'orange', text: '2020年9月、10月月报未按时报送（截止每月5日）' });
    // Started in October: September was not due.
    expect(missing('2020-11-06', [], project(4, { startedOn: '2020-10-12' }))?.severity).toBe('yellow');
    // January's month before is last year's December, outside the campaign year.
    expect(missing('2020-02-06', [], project(4, { startedOn: '2019-05-01' }))?.severity).toBe('yellow');
  });

  it('is satisfied by a report for the reporting month', () => {
    expect(missing('2020-11-20', ['2020-10'])).toBe(null);
  });

  it('only reports on started, unfinished projects with an annual plan within the campaign year', () => {
    expect(missing('2020-11-06', [], project(4, { startedOn: null }))).toBe(null);
    expect(missing('2020-11-06', [], project(4, { startedOn: '2020-11-07' }))).toBe(null);
    // Started in November: October's report was never owed.
    expect(missing('2020-11-06', [], project(4, { startedOn: '2020-11-03' }))).toBe(null);
    expect(missing('2020-11-06', [], project(4, { stage: 'completed', completedOn: '2020-08-01' }))).toBe(null);
    expect(missing('2020-11-06', [], project(4, { annualPlan: 0 }))).toBe(null);
    expect(missing('2021-01-06')?.text).toMatch(/^2020年11月、12月月报/);
    expect(missing('2021-01-03')?.text).toMatch(/^2020年10月、11月月报/);
    expect(missing('2021-02-06')).toBe(null);
    expect(missing('2020-01-06')).toBe(null);
  });
});

describe('evaluateLagRules', () => {
  it('returns every rule that fires, in rule order', () => {
    const p = project(5, { plannedCompletion: '2020-10-01', startedOn: '2020-01-05' });
    const hits = evaluateLagRules(p, ctx({ today: '2020-11-06', schedulePlan: wan(1_000), completed: wan(100) }));
    expect(hits.map((h) => [h.rule, h.severity])).toEqual([
      ['investment_behind', 'red'],
      ['completion_overdue', 'orange'],
      ['report_missing', 'orange'],
    ]);
  });
});
