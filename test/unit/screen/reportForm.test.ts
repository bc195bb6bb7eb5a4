import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/types.js';
import {
  emptyProblem, formFor, isProblemBlank, toProblemPayload, toReportPayload, validateProblem, validateReport, wanInput,
  type ReportContext, type ReportForm,
} from '../../../screen/features/reports/reportForm.js';

const WAN = 10_000;
const project = { totalInvestment: 10_000 * WAN, completedToDate: 9_000 * WAN, startedOn: '2020-03-15', completedOn: null };
const ctx: ReportContext = { month: '2020-10', today: '2020-11-20', project, acceptedThisMonth: 0 };

function report(over: Partial<Report> = {}): Report {
  return {
    id: 9, projectId: 1, month: '2020-10', revision: 2, investment: 3_505_000, progress: '主体封顶', startedOn: '2020-03-15', completedOn: null,
    remark: '按计划推进', status: 'returned', submittedBy: '张明', createdAt: '2020-11-02T01:00:00Z', returnReason: '金额有误', reviewedBy: '李华', reviewedAt: '2020-11-03T01:00:00Z',
    ...over,
  };
}

const filled = (over: Partial<ReportForm> = {}): ReportForm => ({ ...formFor(project, null), investment: '350', progress: '主体结构施工', ...over });

describe('the report form', () => {
  it('writes yuan as a plain 万元 input value', () => {
    expect(wanInput(3_505_000)).toBe('350.5');
    expect(wanInput(12_345_678)).toBe('1234.5678');
    expect(wanInput(0)).toBe('0');
    expect(wanInput(1_000_000_000_000)).toBe('100000000');
  });

  it('starts from the month\'s last revision (a returned report is corrected, not retyped)', () => {
    const form = formFor(project, report());
    expect(form).toEqual({ investment: '350.5', progress: '主体封顶', started: true, startedOn: '2020-03-15', completed: false, completedOn: '', remark: '按计划推进' });
  });

  it('starts empty with the project\'s own milestones when nothing was filed', () => {
    const form = formFor({ ...project, startedOn: null }, null);
    expect(form.investment).toBe('');
    expect(form.started).toBe(false);
  });

  it('sends the month, the draft flag and the revision it was filled against', () => {
    const payload = toReportPayload(filled({ remark: '  ', completed: true, completedOn: '2020-10-30' }), '2020-10', true, 2);
    expect(payload).toEqual({
      month: '2020-10', investment: '350', progress: '主体结构施工', startedOn: '2020-03-15', completedOn: '2020-10-30', remark: '', draft: true, baseRevision: 2,
    });
  });

  it('drops a date whose switch is off', () => {
    expect(toReportPayload(filled({ started: false }), '2020-10', false, 0).startedOn).toBeNull();
  });

  it('accepts a sensible report', () => {
    expect(validateReport(filled(), ctx)).toEqual({});
  });

  it('refuses a negative or non-numeric amount, next to the field', () => {
    expect(validateReport(filled({ investment: '-5' }), ctx).investment).toBe('本月完成投资不能为负数');
    expect(validateReport(filled({ investment: '三百' }), ctx).investment).toContain('须为数字');
    expect(validateReport(filled({ investment: '' }), ctx).investment).toBeTruthy();
  });

  it('refuses an amount that takes the cumulative above the total investment', () => {
    const errors = validateReport(filled({ investment: '1500' }), ctx);
    expect(errors.investment).toBe('累计完成投资10,500.00万元将超过项目总投资10,000.00万元，请核实');
  });

  it('counts a new revision instead of the month\'s accepted one', () => {
    expect(validateReport(filled({ investment: '1500' }), { ...ctx, acceptedThisMonth: 600 * WAN })).toEqual({});
  });

  it('refuses a completion before the start, or without a start', () => {
    const before = filled({ completed: true, completedOn: '2020-03-01' });
    expect(validateReport(before, ctx).completedOn).toBe('竣工日期不能早于开工日期');
    const unstarted = filled({ started: false, startedOn: '', completed: true, completedOn: '2020-10-01' });
    expect(validateReport(unstarted, ctx).completedOn).toBe('项目尚未开工，请先填报开工日期');
  });

  it('refuses dates after today, a switched-on milestone without a date, and a future month', () => {
    expect(validateReport(filled({ startedOn: '2020-12-01' }), ctx).startedOn).toBe('开工日期不能晚于今天');
    expect(validateReport(filled({ completed: true, completedOn: '' }), ctx).completedOn).toBe('请选择竣工日期');
    expect(validateReport(filled(), { ...ctx, month: '2020-12' }).month).toBe('不能填报未来月份');
  });

  it('requires the progress text', () => {
    expect(validateReport(filled({ progress: '   ' }), ctx).progress).toBe('请填写形象进度');
  });
});

describe('the problem section', () => {
  it('is blank until something is filled in', () => {
    expect(isProblemBlank(emptyProblem())).toBe(true);
    expect(isProblemBlank({ ...emptyProblem(), description: '用地' })).toBe(false);
  });

  it('requires a category and a real description, and a due date not in the past', () => {
    const errors = validateProblem({ category: '', description: '缺钱', askedOf: '', dueOn: '2020-11-01' }, '2020-11-20');
    expect(errors.category).toBe('请选择问题类别');
    expect(errors.description).toBe('请具体描述问题（至少5字）');
    expect(errors.dueOn).toBe('期望解决日期不能早于今天');
  });

  it('maps to the problem input', () => {
    const p = { category: '用地保障' as const, description: ' 二期用地指标尚未落实 ', askedOf: '县自然资源局', dueOn: '' };
    expect(validateProblem(p, '2020-11-20')).toEqual({});
    expect(toProblemPayload(p)).toEqual({ category: '用地保障', description: '二期用地指标尚未落实', askedOf: '县自然资源局', dueOn: null });
  });
});
