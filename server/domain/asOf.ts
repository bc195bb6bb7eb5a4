// 口径: what a figure is "as of" — a day and a month (README 口径说明). The live wall, a frozen meeting,
// the 月通报 of any month, letters and the ranking all compute through campaignAsOf (monthEnd.ts).
import { monthEnd } from '../../shared/presentation.js';
import { reportingMonth } from '../../shared/dates.js';

export interface AsOf {
  /** Starts, completions, stages, problems and alerts as they stood at the end of this day. */
  day: string;
  /** 数据统计至: completed investment, plans and 序时进度 count through this month. */
  month: string;
  /**
   * A month end (会议模式 定格, 月通报): the lag rules hold projects to 序时 through `month` too. Live: to
   * 序时 through the last month whose report deadline has passed, and the open month's accepted
   * reports are shown apart (本月已报).
   */
  monthEnd: boolean;
}

/** The live wall on `today`: day facts as of today, money and 序时 through the month before. */
export const liveAsOf = (today: string): AsOf => ({ day: today, month: reportingMonth(today), monthEnd: false });

/** The campaign at the end of `month`: that last day, money and 序时 through that month. */
export const monthEndAsOf = (month: string): AsOf => ({ day: monthEnd(month), month, monthEnd: true });

/**
 * Whether an amount booked for `month` counts in figures as of `asOf` (a month's report; an opening
 * balance through month T counts when T <= asOf.month).
 */
export const countsIn = (month: string, asOf: AsOf): boolean => month <= asOf.month;
