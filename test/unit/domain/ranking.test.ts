import { describe, expect, it } from 'vitest';
import { countProblems, components, emptyUnitTally, rankUnits, reportTimeliness, weightedScore } from '../../../server/domain/ranking.js';
import type { LedgerProblem, MonthlyFigure } from '../../../server/domain/ledger.js';
import { DEFAULT_SETTINGS } from '../../../shared/types.js';

const filing = (month: string, filedOn: string, status: MonthlyFigure['status'] = 'accepted'): [string, MonthlyFigure] => [
  month,
  { projectId: 1, month, investment: 0, status, submittedAt: `${filedOn}T02:00:00.000Z`, firstFiledAt: `${filedOn}T02:00:00.000Z` },
];

describe('reportTimeliness', () => {
  it('counts one report a month from January (or the start) through the reporting month', () => {
    const filings = new Map([filing('2020-01', '2020-02-03'), filing('2020-02', '2020-03-09'), filing('2020-03', '2020-04-05')]);
    expect(reportTimeliness('2019-06-01', null, filings, 2020, '2020-03', '2020-04-20', 5)).toEqual({ due: 3, onTime: 2 });
    expect(reportTimeliness('2020-02-15', null, filings, 2020, '2020-03', '2020-04-20', 5)).toEqual({ due: 2, onTime: 1 });
  });

  it('owes nothing before the start or after the completion month, and a returned report is not on time', () => {
    expect(reportTimeliness(null, null, undefined, 2020, '2020-10', '2020-11-20', 5)).toEqual({ due: 0, onTime: 0 });
    expect(reportTimeliness('2019-01-01', '2020-02-10', undefined, 2020, '2020-10', '2020-11-20', 5).due).toBe(2);
    const returned = new Map([filing('2020-01', '2020-02-01', 'returned')]);
    expect(reportTimeliness('2019-01-01', null, returned, 2020, '2020-01', '2020-02-20', 5)).toEqual({ due: 1, onTime: 0 });
  });

  it('owes the reporting month only once its deadline has passed or it is filed', () => {
    const filings = new Map([filing('2020-09', '2020-10-03')]);
    expect(reportTimeliness('2019-06-01', null, filings, 2020, '2020-10', '2020-11-05', 5)).toEqual({ due: 9, onTime: 1 });
    expect(reportTimeliness('2019-06-01', null, filings, 2020, '2020-10', '2020-11-06', 5)).toEqual({ due: 10, onTime: 1 });
    const early = new Map([...filings, filing('2020-10', '2020-11-02')]);
    expect(reportTimeliness('2019-06-01', null, early, 2020, '2020-10', '2020-11-03', 5)).toEqual({ due: 10, onTime: 2 });
  });

  it('takes a filing dated after a frozen demo "today" as filed today', () => {
    const late = new Map([filing('2020-10', '2026-11-23')]);
    expect(reportTimeliness('2019-01-01', null, late, 2020, '2020-10', '2020-11-04', 5).onTime).toBe(1);
  });
});

describe('ranking', () => {
  const problem = (state: LedgerProblem['state']): LedgerProblem => ({ id: 1, projectId: 1, state, dueOn: null, closedOn: null, meetings: 0, agenda: [] });

  it('counts confirmed (销号) problems as resolved, not a unit\'s own 已解决, and ignores returned ones', () => {
    expect(countProblems([problem('pending'), problem('closed'), problem('resolved'), problem('returned')])).toEqual({ total: 3, resolved: 1 });
  });

  it('scores each component 0..100, with nothing to measure as 100, and caps investment at 序时', () => {
    const t = { ...emptyUnitTally(1, '县工信局'), completed: 150, schedulePlan: 100, startDue: 4, started: 3, reportsDue: 10, reportsOnTime: 9 };
    expect(components(t)).toEqual({ investment: 100, start: 75, completion: 100, timeliness: 90, problems: 100 });
  });

  it('weighs the components with the campaign weights', () => {
    const c = { investment: 50, start: 100, completion: 100, timeliness: 100, problems: 100 };
    expect(weightedScore(c, DEFAULT_SETTINGS.rankingWeights)).toBeCloseTo(80, 10);
    expect(weightedScore(c, { investment: 1, start: 0, completion: 0, timeliness: 0, problems: 0 })).toBe(50);
    expect(weightedScore(c, { investment: 0, start: 0, completion: 0, timeliness: 0, problems: 0 })).toBe(0);
  });

  it('ranks by score, then completed investment; equal scores share a rank', () => {
    const unit = (id: number, name: string, completed: number, schedulePlan: number) => ({ ...emptyUnitTally(id, name), completed, schedulePlan, annualPlan: schedulePlan * 2 });
    const ranked = rankUnits([unit(1, '甲', 50, 100), unit(2, '乙', 100, 100), unit(3, '丙', 200, 200), unit(4, '丁', 80, 200)], DEFAULT_SETTINGS.rankingWeights);
    expect(ranked.map((r) => [r.rank, r.unit, r.score])).toEqual([[1, '丙', 100], [1, '乙', 100], [3, '甲', 80], [4, '丁', 76]]);
    expect(ranked[0]).toMatchObject({ completionRate: 0.5, scheduleRate: 1, projects: 0 });
  });
});
