// The reporting cycle: when this month's report is due, when problems must be in, what is late.
import type { ReportingCalendar } from '../../shared/api.js';
import { addMonths, daysBetween, monthOf, reportingMonth } from '../../shared/dates.js';
import type { CampaignSettings } from '../../shared/types.js';

const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

/** The date a month's report is due: the deadline day of the following month. */
export function reportDeadlineFor(month: string, settings: Pick<CampaignSettings, 'reportDeadlineDay'>): string {
  return dayOf(addMonths(month, 1), settings.reportDeadlineDay);
}

/** The next problem-report cut-off on or after today (3rd and 18th by default), rolling into next month. */
export function nextProblemDeadline(today: string, days: number[]): string {
  const month = monthOf(today);
  const sorted = [...days].sort((a, b) => a - b);
  const thisMonth = sorted.map((d) => dayOf(month, d)).find((d) => d >= today);
  return thisMonth ?? dayOf(addMonths(month, 1), sorted[0]);
}

export function reportingCalendar(today: string, settings: CampaignSettings): ReportingCalendar {
  const month = reportingMonth(today);
  const reportDeadline = reportDeadlineFor(month, settings);
  const problem = nextProblemDeadline(today, settings.problemDeadlineDays);
  return {
    today,
    reportingMonth: month,
    reportDeadline,
    daysToReportDeadline: daysBetween(today, reportDeadline),
    nextProblemDeadline: problem,
    daysToProblemDeadline: daysBetween(today, problem),
  };
}

/**
 * Whether a month's report is late: filed (in China's calendar) after its deadline, or not filed
 * while the deadline has passed.
 */
export function isLate(month: string, firstFiledOn: string | null, today: string, settings: Pick<CampaignSettings, 'reportDeadlineDay'>): boolean {
  const deadline = reportDeadlineFor(month, settings);
  return firstFiledOn ? firstFiledOn > deadline : today > deadline;
}
