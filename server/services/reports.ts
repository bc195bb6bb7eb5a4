// 月调度: filing a monthly report (draft → submitted → accepted | returned) and staff's review.
import { returnInput } from '../../shared/api.js';
import { reportInput } from '../../shared/schemas.js';
import type { Campaign, Project, Report, ReportStatus, User } from '../../shared/types.js';
import type { Queryable } from '../store/db.js';
import { checkReport } from '../domain/reportRules.js';
import { summaryDelta } from '../domain/snapshot.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import { dropCarriedIfCompleted, projectOfYear, syncCarriedSinceStart } from '../store/rollover.js';
import { projectCampaign, withCampaign } from './campaignScope.js';
import { yearOf } from '../../shared/dates.js';
import { assertWritable } from './yearClosure.js';
import { getProject, lockProject } from '../store/projects.js';
import { acceptedTotalExcept, getReport, insertReport, latestRevision, latestStatus, reviewReport } from '../store/reports.js';
import { assertCanFile, assertRole } from './access.js';
import { acceptedPushes, applyMilestones } from './accepted.js';
import { announce, finishChange, refreshCampaign, type ChangeResult } from './change.js';
import type { Deps } from './deps.js';
import { enqueueReturned } from './notifyEnqueue.js';
import { parseInput } from './validate.js';
import { todayFor } from './snapshot.js';

const actorOf = (user: User) => ({ userId: user.id, name: user.displayName });

/**
 * A unit's report waits for review ('submitted', or 'draft' when only saved); staff's is accepted
 * at once. A form filled against an older revision (baseRevision) is refused with 409.
 */
export async function submitReport(deps: Deps, user: User, requestedId: number, body: unknown): Promise<Report> {
  const before = await getProject(deps.db, requestedId);
  if (!before) throw NotFound('项目不存在');
  assertCanFile(user, before);
  const input = parseInput(reportInput, body);
  const status: ReportStatus = input.draft ? 'draft' : user.role === 'admin' ? 'accepted' : 'submitted';
  // Across the turn of the year a December report filed on the new year's project goes to last year's.
  const projectId = await projectOfYear(deps.db, requestedId, yearOf(input.month));

  const result = await deps.db.tx(async (q) => {
    const campaign = await projectCampaign(q, projectId);
    // Lock order everywhere: the campaign row (version) first, then the project row; the year's
    // closure is checked under that lock, so a rollover committing meanwhile is seen.
    const version = status === 'draft' ? null : await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()), input.month);
    await lockProject(q, projectId);
    const project = (await getProject(q, projectId))!;
    assertCanFile(user, project);
    const latest = await latestRevision(q, projectId, input.month);
    if (input.baseRevision !== undefined && input.baseRevision !== latest) {
      throw Conflict(`该月报已被他人更新（当前为第${latest}版），请刷新后重试`);
    }
    // A draft on top would hide the submission from review; a correction is submitted again instead.
    if (status === 'draft' && (await latestStatus(q, projectId, input.month)) === 'submitted') {
      throw Conflict('本月报已提交待审核，不能再存为草稿；如需更正，请修改后直接重新提交');
    }
    const now = deps.clock();
    const errors = checkReport(input, {
      project, campaignYear: campaign.year, today: todayFor(campaign, now),
      otherMonthsTotal: await acceptedTotalExcept(q, projectId, input.month),
    });
    if (Object.keys(errors).length) throw Invalid(errors);

    const report = await insertReport(q, {
      projectId, month: input.month, investment: input.investment, progress: input.progress,
      startedOn: input.startedOn ?? null, completedOn: input.completedOn ?? null, remark: input.remark ?? '',
      status, userId: user.id, userName: user.displayName, createdAt: now.toISOString(),
    });
    await audit(q, actorOf(user), `report.${status === 'draft' ? 'draft' : 'submit'}`, 'report', report.id, null, report);
    if (version === null) return { report, change: null, next: null };

    if (status === 'accepted') {
      const milestones = await applyMilestones(q, actorOf(user), project, report);
      const next = await carryOn(q, projectId);
      const change = await finishChange(deps, q, campaign, version, now, (summary, writeEvent) =>
        acceptedPushes(version, project, report, milestones, summary, writeEvent), { touched: [projectId], problemsUntouched: true });
      return { report, change, next };
    }
    const change = await finishChange(deps, q, campaign, version, now, async (summary, writeEvent) => {
      const monthLabel = `${Number(report.month.slice(5))}月`;
      const event = await writeEvent('report_submitted', projectId, `${project.unit}报送「${project.name}」${monthLabel}月报，待审核`);
      return [
        { name: 'report:submitted', payload: { version, projectId, project: project.name, unit: project.unit, month: report.month, event } },
        { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
      ];
    }, { touched: [projectId], problemsUntouched: true });
    return { report, change, next: null };
  });

  if (result.change) await announce(deps, result.change);
  await refreshNextYear(deps, result.next);
  return result.report;
}

/** Staff accept a submitted report: it becomes the month's figure and reaches every wall. */
export async function acceptReport(deps: Deps, user: User, reportId: number): Promise<Report> {
  assertRole(user, 'admin');
  let next: number | null = null;
  const { report, change } = await review(deps, reportId, async (q, version, campaign, project, r) => {
    const accepted = await reviewReport(q, r.id, 'accepted', user.displayName, null, deps.clock().toISOString());
    await audit(q, actorOf(user), 'report.accept', 'report', r.id, { status: r.status }, { status: 'accepted' });
    const milestones = await applyMilestones(q, actorOf(user), project, accepted);
    next = await carryOn(q, r.projectId);
    const change = await finishChange(deps, q, campaign, version, deps.clock(), (summary, writeEvent) =>
      acceptedPushes(version, project, accepted, milestones, summary, writeEvent), { touched: [r.projectId], problemsUntouched: true });
    return { report: accepted, change };
  });
  await announce(deps, change);
  await refreshNextYear(deps, next);
  return report;
}

/** Staff send a report back with a reason; the unit files a new revision. */
export async function returnReport(deps: Deps, user: User, reportId: number, body: unknown): Promise<Report> {
  assertRole(user, 'admin');
  const { reason } = parseInput(returnInput, body);
  const { report, change } = await review(deps, reportId, async (q, version, campaign, project, r) => {
    const returned = await reviewReport(q, r.id, 'returned', user.displayName, reason, deps.clock().toISOString());
    await audit(q, actorOf(user), 'report.return', 'report', r.id, { status: r.status }, { status: 'returned', reason });
    await enqueueReturned(q, returned, project, reason, deps.clock());
    const change = await finishChange(deps, q, campaign, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
    ], { touched: [r.projectId], problemsUntouched: true });
    return { report: returned, change };
  });
  await announce(deps, change);
  return report;
}

type Reviewer = (q: Queryable, version: number, campaign: Campaign, project: Project, report: Report) => Promise<{ report: Report; change: ChangeResult }>;

/** Only the latest revision of a month, still awaiting review, can be accepted or returned. */
async function review(deps: Deps, reportId: number, act: Reviewer) {
  return deps.db.tx(async (q) => {
    const found = await getReport(q, reportId);
    if (!found) throw NotFound('月报不存在');
    // The report's own year (a December report reviewed after the turn of the year included).
    const campaign = await projectCampaign(q, found.projectId);
    // The row lock first: a rollover committing meanwhile is seen by the check.
    const version = await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()), found.month, { review: true });
    const r = (await getReport(q, reportId))!;
    await lockProject(q, r.projectId);
    if (r.status !== 'submitted') throw Conflict('该月报不是待审核状态，请刷新后查看');
    if (r.revision !== (await latestRevision(q, r.projectId, r.month))) throw Conflict('该月报已有更新的版本，请审核最新版本');
    const project = (await getProject(q, r.projectId))!;
    return act(q, version, campaign, project, r);
  });
}

/**
 * After a late December report in a year already rolled over: the next year's copy takes the new
 * since-start total, or goes when the report completed the project. The next year's id when either happened.
 */
async function carryOn(q: Queryable, projectId: number): Promise<number | null> {
  // Either moves the next year's figures, which are then recomputed (and its kept ledger replaced).
  const synced = await syncCarriedSinceStart(q, projectId);
  return (await dropCarriedIfCompleted(q, projectId)) ?? synced;
}

async function refreshNextYear(deps: Deps, campaignId: number | null): Promise<void> {
  if (campaignId !== null) await withCampaign(campaignId, () => refreshCampaign(deps));
}
