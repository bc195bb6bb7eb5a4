// 月通报: the month's picture with the 比赶超 ranking, as staff publish it (.docx and .xlsx).
import { z } from 'zod';
import { MONTH_RE, monthIndex, reportingMonth, yearOf } from '../../shared/dates.js';
import { ratio } from '../../shared/money.js';
import type { ProblemDetail } from '../../shared/problems.js';
import { issuingOffice, UNCLOSED_PROBLEM_STATES, type User } from '../../shared/types.js';
import { monthEndAsOf } from '../domain/asOf.js';
import { problemsAsOf } from '../domain/monthEnd.js';
import { summarizeProblems } from '../domain/problemSummary.js';
import { buildBulletinDocx } from '../exports/bulletin.js';
import { buildBulletinXlsx } from '../exports/bulletinXlsx.js';
import type { BulletinDoc } from '../exports/types.js';
import { Invalid } from '../errors.js';
import { audit } from '../store/audit.js';
import { listProblemDetails } from '../store/problems.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import { figuresAsOf, requireCampaign, todayFor, yearContext } from './snapshot.js';
import { parseInput } from './validate.js';

const monthParam = z.string().regex(MONTH_RE, '月份须为 YYYY-MM 格式');

/**
 * The bulletin for a month: the campaign as of that month's end (口径说明) — the figures a meeting frozen
 * at the month shows: reports of that month and before, starts, completions, alerts and problems as
 * they stood on its last day, 序时 through it.
 */
export async function bulletinFor(deps: Deps, user: User, rawMonth: unknown): Promise<BulletinDoc> {
  assertRole(user, 'admin', 'leader');
  const month = parseInput(monthParam, rawMonth);
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  const current = reportingMonth(today);
  if (yearOf(month) !== campaign.year) throw Invalid({ month: `月份须在${campaign.year}年度内` });
  if (month > current) throw Invalid({ month: `${monthIndex(month)}月尚未到通报时间（当前报送月份为${monthIndex(current)}月）` });

  const asOf = monthEndAsOf(month);
  const [{ input, summary }, details] = await Promise.all([
    figuresAsOf(deps.db, campaign, asOf),
    listProblemDetails(deps.db, campaign.id, asOf.day),
  ]);
  const problems = problemsAsOf(details, asOf.day, input.problems);

  return {
    county: campaign.county,
    year: campaign.year,
    month,
    title: `${campaign.county}${campaign.year}年${monthIndex(month)}月重点项目推进情况通报`,
    issuingOffice: issuingOffice(campaign),
    issuedOn: today,
    asOf: asOf.day,
    scheduleShare: ratio(summary.totals.schedulePlan, summary.totals.annualPlan),
    totals: summary.totals,
    byDomain: summary.byDomain,
    byLevel: summary.byLevel,
    byLeader: summary.byLeader,
    ranking: summary.ranking,
    weights: campaign.settings.rankingWeights,
    lagging: summary.lagging,
    priorYear: (await yearContext(deps.db, campaign, month)).priorYear,
    problems: problemSection(problems, asOf.day, campaign.settings.problemCategories),
  };
}

/** The wall's problem counts at the month end (summarizeProblems), with the open items listed. */
function problemSection(problems: ProblemDetail[], asOf: string, categories: readonly string[]): BulletinDoc['problems'] {
  const s = summarizeProblems(problems, asOf, categories);
  const open = problems.filter((p) => UNCLOSED_PROBLEM_STATES.includes(p.state));
  return {
    open: s.pending + s.coordinating + s.resolved,
    resolved: s.resolved,
    overdue: s.overdue,
    flagged: s.flagged,
    closedThisMonth: s.closedThisMonth,
    byCategory: s.byCategory.filter((c) => c.open + c.closed > 0).map((c) => ({ category: c.category, open: c.open, resolved: c.closed })),
    items: open.map((p) => ({
      id: p.id, projectId: p.projectId, project: p.project, unit: p.unit, category: p.category, description: p.description,
      askedOf: p.askedOf, dueOn: p.dueOn, state: p.state, raisedBy: p.raisedBy, createdAt: p.createdAt, closedAt: p.closedAt,
    })),
  };
}

export async function bulletinFile(deps: Deps, user: User, month: unknown, format: 'docx' | 'xlsx'): Promise<{ name: string; body: Buffer }> {
  const doc = await bulletinFor(deps, user, month);
  const body = format === 'docx' ? await buildBulletinDocx(doc) : await buildBulletinXlsx(doc);
  await deps.db.tx((q) => audit(q, { userId: user.id, name: user.displayName }, `bulletin.export_${format}`, 'bulletin', doc.month, null, null));
  return { name: `${doc.title}.${format}`, body };
}
