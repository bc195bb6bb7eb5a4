// 序时进度: how much of the year's plan is due by the month being reported on. Exact integer yuan.
import { monthIndex, reportingMonth, yearOf } from '../../shared/dates.js';
import type { Yuan } from '../../shared/money.js';
import type { Project } from '../../shared/types.js';

/** One project's amounts of the campaign year by month ("YYYY-MM"). */
export type ByMonth = ReadonlyMap<string, Yuan>;

/** Months of the campaign year through `month`, clamped to 0..12. */
export function monthsThrough(year: number, month: string): number {
  if (yearOf(month) > year) return 12;
  if (yearOf(month) < year) return 0;
  return monthIndex(month);
}

/** Months of the campaign year through reportingMonth(today), clamped to 0..12. */
export function scheduleMonths(year: number, today: string): number {
  return monthsThrough(year, reportingMonth(today));
}

/**
 * Months of 序时进度 a project is held to: as scheduleMonths, less the reporting month until its
 * report deadline has passed (its figures are not in yet, so lag rules must not count it).
 */
export function dueScheduleMonths(year: number, today: string, deadlineDay: number): number {
  const months = scheduleMonths(year, today);
  const open = yearOf(reportingMonth(today)) === year && Number(today.slice(8, 10)) <= deadlineDay;
  return open ? Math.max(0, months - 1) : months;
}

/**
 * The project's planned investment for months 1..`months` of `year`: the sum of its monthly plans
 * where it has any for the year, else the annual plan pro rata.
 */
export function projectSchedulePlan(project: Pick<Project, 'annualPlan'>, plansByMonth: ByMonth | undefined, year: number, months: number): Yuan {
  if (!plansByMonth || plansByMonth.size === 0) return Math.round((project.annualPlan * months) / 12);
  // "YYYY-MM" strings order as the months do.
  const from = `${year}-01`;
  const through = `${year}-${String(months).padStart(2, '0')}`;
  let sum = 0;
  for (const [month, amount] of plansByMonth) if (month >= from && month <= through) sum += amount;
  return sum;
}

/** annualPlan split into twelve integer parts summing to it exactly; the remainder goes to the last months. */
export function spreadAnnualPlan(annualPlan: Yuan): Yuan[] {
  const base = Math.floor(annualPlan / 12);
  const remainder = annualPlan - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i >= 12 - remainder ? 1 : 0));
}

/**
 * Groups the rows of one campaign year by project, summing amounts per month; other years' rows
 * and rows `include` rejects are left out, so a project present here has rows for the year.
 */
export function indexByProject<T extends { projectId: number; month: string }>(
  rows: readonly T[],
  year: number,
  amount: (row: T) => Yuan,
  include: (row: T) => boolean = () => true,
): Map<number, Map<string, Yuan>> {
  const index = new Map<number, Map<string, Yuan>>();
  for (const row of rows) {
    if (yearOf(row.month) !== year || !include(row)) continue;
    let byMonth = index.get(row.projectId);
    if (!byMonth) index.set(row.projectId, (byMonth = new Map()));
    byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + amount(row));
  }
  return index;
}
