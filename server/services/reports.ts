// 月调度: a unit's (or staff's) monthly report on one project.
import { formatWan } from '../../shared/money.js';
import { fieldErrors, reportInput } from '../../shared/schemas.js';
import type { Report, User } from '../../shared/types.js';
import { checkReport, stageAfter } from '../domain/reportRules.js';
import { summaryPatch } from '../domain/snapshot.js';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import { getProject, lockProject, setMilestones } from '../store/projects.js';
import { acceptedTotalExcept, insertReport, listReports } from '../store/reports.js';
import type { Deps, Push } from './deps.js';
import { announce, finishChange } from './change.js';
import { requireCampaign, todayFor } from './snapshot.js';

export async function submitReport(deps: Deps, user: User, projectId: number, body: unknown): Promise<Report> {
  const actor = { userId: user.id, name: user.displayName };

  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    // The campaign row lock orders every write of the campaign: versions never interleave.
    const version = await bumpVersion(q, campaign.id);
    if (!(await lockProject(q, projectId))) throw NotFound('项目不存在');
    const project = (await getProject(q, projectId))!;
    if (user.role === 'leader') throw Forbidden('县领导账号只读，不能填报月报');
    if (user.role === 'unit' && user.unitId !== project.unitId) throw Forbidden('只能填报本单位负责的项目');
    const parsed = reportInput.safeParse(body);
    if (!parsed.success) throw Invalid(fieldErrors(parsed.error));
    const input = parsed.data;

    const now = deps.clock();
    const today = todayFor(campaign, now);
    const errors = checkReport(input, {
      project,
      campaignYear: campaign.year,
      today,
      otherMonthsTotal: await acceptedTotalExcept(q, projectId, input.month),
    });
    if (Object.keys(errors).length) throw Invalid(errors);

    const report = await insertReport(q, {
      projectId, month: input.month, investment: input.investment, progress: input.progress,
      startedOn: input.startedOn ?? null, completedOn: input.completedOn ?? null, remark: input.remark ?? '',
      status: 'accepted', userId: user.id, userName: user.displayName,
    });
    await audit(q, actor, 'report.submit', 'report', report.id, null, report);

    const startedOn = input.startedOn ?? project.startedOn;
    const completedOn = input.completedOn ?? project.completedOn;
    const stage = stageAfter(project.stage, startedOn, completedOn);
    const milestonesChanged = startedOn !== project.startedOn || completedOn !== project.completedOn || stage !== project.stage;
    if (milestonesChanged) {
      await setMilestones(q, projectId, { startedOn, completedOn, stage });
      await audit(q, actor, 'project.milestones', 'project', projectId,
        { startedOn: project.startedOn, completedOn: project.completedOn, stage: project.stage },
        { startedOn, completedOn, stage });
    }

    const change = await finishChange(q, campaign, version, now, async (summary, writeEvent) => {
      const pushes: Push[] = [];
      const monthLabel = `${Number(input.month.slice(5))}月`;
      const event = await writeEvent('report', projectId,
        `${project.unit}报送「${project.name}」${monthLabel}完成投资${formatWan(input.investment)}万元`);
      pushes.push({
        name: 'investment:update',
        payload: {
          version, projectId, project: project.name, unit: project.unit, month: input.month, investment: input.investment,
          completedToDate: summary.completedByProject.get(projectId) ?? 0,
          summary: summaryPatch(summary),
          event,
        },
      });
      if (startedOn && !project.startedOn) {
        const e = await writeEvent('started', projectId, `「${project.name}」开工建设（${project.unit}）`);
        pushes.push({ name: 'project:started', payload: { version, projectId, project: project.name, unit: project.unit, date: startedOn, event: e } });
      }
      if (completedOn && !project.completedOn) {
        const e = await writeEvent('completed', projectId, `「${project.name}」竣工（${project.unit}）`);
        pushes.push({ name: 'project:completed', payload: { version, projectId, project: project.name, unit: project.unit, date: completedOn, event: e } });
      }
      return pushes;
    });
    return { report, change };
  });

  await announce(deps, result.change);
  return result.report;
}

export async function reportHistory(deps: Deps, projectId: number): Promise<Report[]> {
  if (!(await getProject(deps.db, projectId))) throw NotFound('项目不存在');
  return listReports(deps.db, projectId);
}
