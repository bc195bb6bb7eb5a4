// 月通报: the month's picture with the 比赶超 ranking, as staff publish it (.docx and .xlsx).
import { z } from 'zod';
import type { ProblemView } from '../../shared/api.js';
import { addDays, addMonths, MONTH_RE, monthIndex, yearOf } from '../../shared/dates.js';
import { ratio } from '../../shared/money.js';
import { issuingOffice, OPEN_PROBLEM_STATES, type User } from '../../shared/types.js';
import { computeSummary } from '../domain/aggregates.js';
import { reportDeadlineFor } from '../domain/calendar.js';
import { dayOf } from '../domain/problemSummary.js';
import { buildBulletinDocx } from '../exports/bulletin.js';
import { buildBulletinXlsx } from '../exports/bulletinXlsx.js';
import type { BulletinDoc } from '../exports/types.js';
import { Invalid } from '../errors.js';
import { audit } from '../store/audit.js';
import { loadLedger } from '../store/ledger.js';
import { listCampaignProblems } from '../store/problems.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';

const monthParam = z.string().regex(MONTH_RE, '月份须为 YYYY-MM 格式');

/**
 * The bulletin for a month: reports of that month and before, the rules as of the day after that
 * month's report deadline (or today, for the month being reported now).
 */
export async function bulletinFor(deps: Deps, user: User, rawMonth: unknown): Promise<BulletinDoc> {
  assertRole(user, 'admin', 'leader');
  const month = parseInput(monthParam, rawMonth);
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  const current = addMonths(today.slice(0, 7), -1);
  if (yearOf(month) !== campaign.year) throw Invalid({ month: `月份须在${campaign.year}年度内` });
  if (month > current) throw Invalid({ month: `${monthIndex(month)}月尚未到通报时间（当前报送月份为${monthIndex(current)}月）` });

  const afterDeadline = addDays(reportDeadlineFor(month, campaign.settings), 1);
  const asOf = month === current || afterDeadline > today ? today : afterDeadline;
  const ledger = await loadLedger(deps.db, campaign, asOf);
  ledger.monthly = ledger.monthly.filter((f) => f.month <= month);
  const summary = computeSummary(ledger);
  const problems = await listCampaignProblems(deps.db, campaign.id);

  return {
    county: campaign.county,
    year: campaign.year,
    month,
    title: `${campaign.county}${campaign.year}年${monthIndex(month)}月重点项目推进情况通报`,
    issuingOffice: issuingOffice(campaign),
    issuedOn: today,
    scheduleShare: ratio(summary.totals.schedulePlan, summary.totals.annualPlan),
    totals: summary.totals,
    byDomain: summary.byDomain,
    byLevel: summary.byLevel,
    ranking: summary.ranking,
    weights: campaign.settings.rankingWeights,
    lagging: summary.lagging,
    problems: problemSection(problems, month, asOf, today),
  };
}

function problemSection(all: ProblemView[], month: string, asOf: string, today: string): BulletinDoc['problems'] {
  // Timestamps are UTC; the county's days are China days (and a frozen demo year's "today" caps them).
  const day = (at: string) => dayOf(at, today);
  const counted = all.filter((p) => p.state !== 'returned' && day(p.createdAt) <= asOf);
  const open = counted.filter((p) => OPEN_PROBLEM_STATES.includes(p.state));
  const categories = [...new Set(counted.map((p) => p.category))];
  return {
    open: open.length,
    overdue: open.filter((p) => p.dueOn !== null && p.dueOn < asOf).length,
    closedThisMonth: counted.filter((p) => p.closedAt !== null && day(p.closedAt).slice(0, 7) === month).length,
    byCategory: categories.map((category) => ({
      category,
      open: open.filter((p) => p.category === category).length,
      resolved: counted.filter((p) => p.category === category && !OPEN_PROBLEM_STATES.includes(p.state)).length,
    })),
    items: open,
  };
}

export async function bulletinFile(deps: Deps, user: User, month: unknown, format: 'docx' | 'xlsx'): Promise<{ name: string; body: Buffer }> {
  const doc = await bulletinFor(deps, user, month);
  const body = format === 'docx' ? await buildBulletinDocx(doc) : await buildBulletinXlsx(doc);
  await deps.db.tx((q) => audit(q, { userId: user.id, name: user.displayName }, `bulletin.export_${format}`, 'bulletin', doc.month, null, null));
  return { name: `${doc.title}.${format}`, body };
}
