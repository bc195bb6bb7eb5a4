import { describe, expect, it } from 'vitest';
import { checkReport, stageAfter } from '../../../server/domain/reportRules.js';
import type { ReportInput } from '../../../shared/schemas.js';

const ctx = {
  project: { totalInvestment: 10_000_000, startedOn: '2020-03-01', completedOn: null },
  campaignYear: 2020,
  today: '2020-11-20',
  otherMonthsTotal: 8_000_000,
};
const input = (p: Partial<ReportInput>): ReportInput => ({ month: '2020-10', investment: 1_000_000, progress: '施工', ...p });

describe('checkReport', () => {
  it('accepts a plain report', () => {
    expect(checkReport(input({}), ctx)).toEqual({});
  });

  it('refuses months outside the year or in the future', () => {
    expect(checkReport(input({ month: '2019-12' }), ctx).month).toBe('填报月份须在2020年度内');
    expect(checkReport(input({ month: '2020-12' }), ctx).month).toBe('不能填报未来月份');
    expect(checkReport(input({ month: '2020-11' }), ctx)).toEqual({});
  });

  it('refuses a cumulative above the total investment, with the figures', () => {
    expect(checkReport(input({ investment: 2_000_000 }), ctx)).toEqual({});
    expect(checkReport(input({ investment: 2_000_001 }), ctx).investment).toContain('超过项目总投资1,000.00万元');
  });

  it('checks start and completion dates against today and each other', () => {
    expect(checkReport(input({ startedOn: '2020-11-21' }), ctx).startedOn).toBe('开工日期不能晚于今天');
    expect(checkReport(input({ completedOn: '2020-02-01' }), ctx).completedOn).toBe('竣工日期不能早于开工日期');
    const unstarted = { ...ctx, project: { ...ctx.project, startedOn: null } };
    expect(checkReport(input({ completedOn: '2020-10-01' }), unstarted).completedOn).toBe('项目尚未开工，请先填报开工日期');
    expect(checkReport(input({ startedOn: '2020-05-01', completedOn: '2020-10-01' }), unstarted)).toEqual({});
  });
});

describe('stageAfter', () => {
  it('moves a project on with its milestones', () => {
    expect(stageAfter('preparing', '2020-05-01', null)).toBe('construction');
    expect(stageAfter('construction', '2020-05-01', '2020-10-01')).toBe('completed');
    expect(stageAfter('operating', '2020-05-01', '2020-10-01')).toBe('operating');
    expect(stageAfter('construction', '2020-05-01', null)).toBe('construction');
  });
});
