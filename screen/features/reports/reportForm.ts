// The monthly report form: what it starts from, what it sends, and the checks a unit sees next to
// each field before anything is sent (the shared schema plus the ledger rules the server applies).
import { problemInput, PROBLEM_CATEGORIES } from '../../../shared/api.js';
import { monthOf } from '../../../shared/dates.js';
import { formatWan, parseWan, YUAN_PER_WAN, type Yuan } from '../../../shared/money.js';
import { fieldErrors, reportInput, type ReportInputRaw } from '../../../shared/schemas.js';
import type { Project, Report } from '../../../shared/types.js';

export interface ReportForm {
  investment: string;
  progress: string;
  started: boolean;
  startedOn: string;
  completed: boolean;
  completedOn: string;
  remark: string;
}

export type ReportProject = Pick<Project, 'totalInvestment' | 'completedToDate' | 'startedOn' | 'completedOn'>;

export interface ReportContext {
  month: string;
  today: string;
  project: ReportProject;
  /** The month's accepted amount already inside completedToDate, which a new revision replaces. */
  acceptedThisMonth: Yuan;
}

/** Exact yuan → a 万元 input value without grouping ("1234.5"). */
export function wanInput(yuan: Yuan): string {
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  const frac = String(abs % YUAN_PER_WAN).padStart(4, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / YUAN_PER_WAN)}${frac ? `.${frac}` : ''}`;
}

/** The form as last filed for the month (a draft, a returned report…), else empty with the project's milestones. */
export function formFor(project: ReportProject, latest: Report | null): ReportForm {
  const startedOn = latest?.startedOn ?? project.startedOn;
  const completedOn = latest?.completedOn ?? project.completedOn;
  return {
    investment: latest ? wanInput(latest.investment) : '',
    progress: latest?.progress ?? '',
    started: Boolean(startedOn),
    startedOn: startedOn ?? '',
    completed: Boolean(completedOn),
    completedOn: completedOn ?? '',
    remark: latest?.remark ?? '',
  };
}

export function toReportPayload(form: ReportForm, month: string, draft: boolean, baseRevision: number): ReportInputRaw {
  return {
    month,
    investment: form.investment.trim(),
    progress: form.progress.trim(),
    startedOn: form.started && form.startedOn ? form.startedOn : null,
    completedOn: form.completed && form.completedOn ? form.completedOn : null,
    remark: form.remark.trim(),
    draft,
    baseRevision,
  };
}

/** Field → Chinese message; empty when the form may be sent. */
export function validateReport(form: ReportForm, ctx: ReportContext): Record<string, string> {
  const parsed = reportInput.safeParse(toReportPayload(form, ctx.month, false, 0));
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (form.started && !form.startedOn) errors.startedOn ??= '请选择开工日期';
  if (form.completed && !form.completedOn) errors.completedOn ??= '请选择竣工日期';
  if (form.completed && !form.started) errors.completedOn ??= '项目尚未开工，请先填报开工日期';
  if (form.started && form.startedOn > ctx.today) errors.startedOn ??= '开工日期不能晚于今天';
  if (form.completed && form.completedOn > ctx.today) errors.completedOn ??= '竣工日期不能晚于今天';
  if (ctx.month > monthOf(ctx.today)) errors.month ??= '不能填报未来月份';
  const investment = parseWan(form.investment);
  if (investment !== null && !errors.investment) {
    const cumulative = ctx.project.completedToDate - ctx.acceptedThisMonth + investment;
    if (cumulative > ctx.project.totalInvestment) {
      errors.investment = `累计完成投资${formatWan(cumulative)}万元将超过项目总投资${formatWan(ctx.project.totalInvestment)}万元，请核实`;
    }
  }
  return errors;
}

export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

/** 需县级协调解决的问题, optional beside the report. */
export interface ProblemForm {
  category: ProblemCategory | '';
  description: string;
  askedOf: string;
  dueOn: string;
}

export const emptyProblem = (): ProblemForm => ({ category: '', description: '', askedOf: '', dueOn: '' });

export const isProblemBlank = (p: ProblemForm) => !p.category && !p.description.trim() && !p.askedOf.trim() && !p.dueOn;

export function toProblemPayload(p: ProblemForm) {
  return { category: p.category, description: p.description.trim(), askedOf: p.askedOf.trim(), dueOn: p.dueOn || null };
}

export function validateProblem(p: ProblemForm, today: string): Record<string, string> {
  const parsed = problemInput.safeParse(toProblemPayload(p));
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (p.dueOn && p.dueOn < today) errors.dueOn ??= '期望解决日期不能早于今天';
  return errors;
}
