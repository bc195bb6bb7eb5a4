// A year rolled over (年度结转) still takes its December reports until January's report deadline, so
// units can finish the year; after that it is closed. Its figures stay readable with ?campaign=<id>.
import { Conflict } from '../errors.js';
import type { Campaign } from '../../shared/types.js';
import { successorOf } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';

export type Closure = 'open' | 'closing' | 'closed';

/** The last day a rolled-over year takes its December reports: January's report deadline. */
export const closingDeadline = (c: Campaign) => `${c.year + 1}-01-${String(c.settings.reportDeadlineDay).padStart(2, '0')}`;

export async function closureOf(q: Queryable, campaign: Campaign, today: string): Promise<Closure> {
  if ((await successorOf(q, campaign.id)) === null) return 'open';
  return today <= closingDeadline(campaign) ? 'closing' : 'closed';
}

/**
 * Refuses a write to a year rolled over: everything but its December reports at once, those after
 * January's deadline (409 in Chinese).
 */
export async function assertWritable(
  q: Queryable, campaign: Campaign, today: string, reportMonth?: string, opts: { review?: boolean } = {},
): Promise<void> {
  const closure = await closureOf(q, campaign, today);
  if (closure === 'open') return;
  const { year } = campaign;
  if (closure === 'closing' && reportMonth === `${year}-12`) return;
  // A December report filed in time (it could only be filed while the window was open) is still reviewed.
  if (opts.review && reportMonth === `${year}-12`) return;
  if (closure === 'closing' && reportMonth !== undefined) {
    throw Conflict(`${year}年度已结转至${year + 1}年度，仅可补报${year}年12月的月报（截至${closingDeadline(campaign)}）`);
  }
  throw Conflict(closure === 'closing'
    ? `${year}年度已结转至${year + 1}年度，台账不再修改（12月月报可补报至${closingDeadline(campaign)}）`
    : `${year}年度已结转关闭，不再接受填报、导入和修改`);
}
