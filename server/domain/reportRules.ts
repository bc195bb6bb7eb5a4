// The checks on a monthly report that need the project and the calendar, beyond the input schema.
import { monthOf, yearOf } from '../../shared/dates.js';
import { formatWan, type Yuan } from '../../shared/money.js';
import type { ReportInput } from '../../shared/schemas.js';
import type { Project } from '../../shared/types.js';

export interface ReportContext {
  project: Pick<Project, 'totalInvestment' | 'startedOn' | 'completedOn'>;
  campaignYear: number;
  today: string;
  /** Accepted investment of the project's other months. */
  otherMonthsTotal: Yuan;
}

/** Field → Chinese message for every rule the report breaks; empty when it is acceptable. */
export function checkReport(input: ReportInput, ctx: ReportContext): Record<string, string> {
  const errors: Record<string, string> = {};
  if (yearOf(input.month) !== ctx.campaignYear) {
    errors.month = `填报月份须在${ctx.campaignYear}年度内`;
  } else if (input.month > monthOf(ctx.today)) {
    errors.month = '不能填报未来月份';
  }
  if (input.startedOn && input.startedOn > ctx.today) errors.startedOn = '开工日期不能晚于今天';
  if (input.completedOn) {
    const started = input.startedOn ?? ctx.project.startedOn;
    if (input.completedOn > ctx.today) errors.completedOn = '竣工日期不能晚于今天';
    else if (!started) errors.completedOn = '项目尚未开工，请先填报开工日期';
    else if (input.completedOn < started) errors.completedOn = '竣工日期不能早于开工日期';
  }
  const cumulative = ctx.otherMonthsTotal + input.investment;
  if (cumulative > ctx.project.totalInvestment) {
    errors.investment =
      `累计完成投资${formatWan(cumulative)}万元将超过项目总投资${formatWan(ctx.project.totalInvestment)}万元，请核实`;
  }
  return errors;
}

/** The project's stage after a report that may carry a start or a completion. */
export function stageAfter(current: Project['stage'], startedOn: string | null, completedOn: string | null): Project['stage'] {
  if (completedOn) return current === 'operating' ? 'operating' : 'completed';
  if (startedOn && (current === 'reserve' || current === 'preparing')) return 'construction';
  return current;
}
