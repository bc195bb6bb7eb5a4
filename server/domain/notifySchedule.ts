// Which reminders and digests fall due on a day: pure, from the product's date and China's time of day.
import { daysBetween, reportingMonth, yearOf } from '../../shared/dates.js';
import type { CampaignSettings } from '../../shared/types.js';
import { nextProblemDeadline, reportDeadlineFor } from './calendar.js';

/** Reminders go out from 09:00, the leaders' morning digest from 08:00 (China time). */
export const REMINDER_MINUTE = 9 * 60;
export const DIGEST_MINUTE = 8 * 60;
/** Days before the report deadline a unit with missing reports is reminded. */
export const REPORT_REMINDER_DAYS = [2, 1];
/** Days before a problem cut-off (3rd, 18th) the units are reminded. */
export const PROBLEM_REMINDER_DAYS = [1];

export interface DueReminders {
  report: { month: string; deadline: string; daysLeft: number } | null;
  problem: { deadline: string; daysLeft: number } | null;
  digest: boolean;
}

/** `years`: the campaign years the county has (across the turn December's reports are the last year's). */
export function remindersDue(today: string, minuteOfDay: number, years: readonly number[], settings: Pick<CampaignSettings, 'reportDeadlineDay' | 'problemDeadlineDays'>): DueReminders {
  const reminding = minuteOfDay >= REMINDER_MINUTE;
  const month = reportingMonth(today);
  const deadline = reportDeadlineFor(month, settings);
  const reportDays = daysBetween(today, deadline);
  const cutoff = nextProblemDeadline(today, settings.problemDeadlineDays);
  const problemDays = daysBetween(today, cutoff);
  return {
    report: reminding && years.includes(yearOf(month)) && REPORT_REMINDER_DAYS.includes(reportDays) ? { month, deadline, daysLeft: reportDays } : null,
    problem: reminding && PROBLEM_REMINDER_DAYS.includes(problemDays) ? { deadline: cutoff, daysLeft: problemDays } : null,
    digest: minuteOfDay >= DIGEST_MINUTE,
  };
}
