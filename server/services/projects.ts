// The ledger as staff keep it: reading by role, editing a project, setting its plans, its history.
import { planInput, projectPatchInput, type ProjectHistory } from '../../shared/api.js';
import { monthsOfYear } from '../../shared/dates.js';
import { formatWan } from '../../shared/money.js';
import type { Project, User } from '../../shared/types.js';
import { summaryDelta } from '../domain/snapshot.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { audit, projectAudit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import { getMonthlyPlan, getProject, listProjects, lockProject, replaceMonthlyPlan, updateProject } from '../store/projects.js';
import { getUnit, leaderExists, listDomains, listLevels } from '../store/reference.js';
import { acceptedTotalBefore, listReports } from '../store/reports.js';
import { assertCanRead, assertRole } from './access.js';
import { announce, finishChange } from './change.js';
import type { Deps } from './deps.js';
import { parseInput } from './validate.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { assertWritable } from './yearClosure.js';
import { projectCampaign } from './campaignScope.js';

export async function projectsFor(deps: Deps, user: User): Promise<Project[]> {
  const campaign = await requireCampaign(deps.db);
  return listProjects(deps.db, campaign.id, user.role === 'unit' ? user.unitId ?? -1 : undefined);
}

export async function projectFor(deps: Deps, user: User, id: number): Promise<Project> {
  const project = await getProject(deps.db, id);
  if (!project) throw NotFound('项目不存在');
  assertCanRead(user, project);
  return project;
}

const STALE = '该项目已被他人修改，请刷新后重试';

export async function patchProject(deps: Deps, user: User, id: number, body: unknown): Promise<Project> {
  assertRole(user, 'admin');
  const { rowVersion, ...fields } = parseInput(projectPatchInput, body);
  return editProject(deps, user, id, 'project.update', async (q, campaignId, before, year) => {
    await checkReferences(q, campaignId, fields);
    const start = fields.plannedStart !== undefined ? fields.plannedStart : before.plannedStart;
    const end = fields.plannedCompletion !== undefined ? fields.plannedCompletion : before.plannedCompletion;
    if (start && end && end < start) throw Invalid({ plannedCompletion: '计划竣工日期不能早于计划开工日期' });
    if (fields.totalInvestment !== undefined) {
      const done = await acceptedTotalBefore(q, id, `${year}-01`);
      if (before.annualPlan > fields.totalInvestment - done) {
        throw Invalid({ totalInvestment: `总投资不能少于往年已完成投资${formatWan(done)}万元与年度计划投资${formatWan(before.annualPlan)}万元之和` });
      }
    }
    if (!(await updateProject(q, id, rowVersion, fields))) throw Conflict(STALE);
    return fields;
  });
}

export interface PlanView {
  annualPlan: number;
  monthly: number[] | null;
  rowVersion: number;
}

export async function planOf(deps: Deps, user: User, id: number): Promise<PlanView> {
  const project = await projectFor(deps, user, id);
  const campaign = await requireCampaign(deps.db);
  const byMonth = await getMonthlyPlan(deps.db, id, campaign.year);
  const monthly = byMonth.size ? monthsOfYear(campaign.year).map((m) => byMonth.get(m) ?? 0) : null;
  return { annualPlan: project.annualPlan, monthly, rowVersion: project.rowVersion };
}

export async function setPlan(deps: Deps, user: User, id: number, body: unknown): Promise<PlanView> {
  assertRole(user, 'admin');
  const { rowVersion, annualPlan, monthly } = parseInput(planInput, body);
  await editProject(deps, user, id, 'project.plan', async (q, _campaignId, before, year) => {
    // The year's plan can be at most what remains of the total investment after earlier years.
    const done = await acceptedTotalBefore(q, id, `${year}-01`);
    const remaining = before.totalInvestment - done;
    if (annualPlan > remaining) {
      throw Invalid({
        annualPlan: `年度计划投资不能超过剩余总投资${formatWan(Math.max(remaining, 0))}万元（总投资${formatWan(before.totalInvestment)}万元，往年已完成${formatWan(done)}万元）`,
      });
    }
    if (!(await updateProject(q, id, rowVersion, { annualPlan }))) throw Conflict(STALE);
    const previous = await getMonthlyPlan(q, id, year);
    await replaceMonthlyPlan(q, id, year, monthsOfYear(year), monthly);
    return { annualPlan, monthly, previousMonthly: previous.size ? [...previous.values()] : null, previousAnnual: before.annualPlan };
  });
  return planOf(deps, user, id);
}

type Edit = (q: Queryable, campaignId: number, before: Project, year: number) => Promise<Record<string, unknown>>;

/** One audited transaction that changes a project and re-publishes the figures. */
async function editProject(deps: Deps, user: User, id: number, action: string, edit: Edit): Promise<Project> {
  const result = await deps.db.tx(async (q) => {
    // The project's own year, which a rolled-over year refuses to change.
    const campaign = await projectCampaign(q, id);
    const version = await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    if (!(await lockProject(q, id))) throw NotFound('项目不存在');
    const before = (await getProject(q, id))!;
    const changed = await edit(q, campaign.id, before, campaign.year);
    const after = (await getProject(q, id))!;
    const beforeFields = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]]));
    await audit(q, { userId: user.id, name: user.displayName }, action, 'project', id, beforeFields, changed);
    const change = await finishChange(deps, q, campaign, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
    ]);
    return { after, change };
  });
  await announce(deps, result.change);
  return result.after;
}

async function checkReferences(
  q: Queryable,
  campaignId: number,
  f: { domainId?: number; unitId?: number; leaderId?: number | null; chargeLeaderId?: number | null; levels?: string[] },
) {
  const errors: Record<string, string> = {};
  if (f.levels) {
    const known = new Set((await listLevels(q, campaignId)).map((l) => l.code));
    const unknown = f.levels.filter((code) => !known.has(code));
    if (unknown.length) errors.levels = `未知的项目级别：${unknown.join('、')}`;
  }
  if (f.domainId !== undefined && !(await listDomains(q, campaignId)).some((d) => d.id === f.domainId)) errors.domainId = '领域不存在';
  if (f.unitId !== undefined && !(await getUnit(q, f.unitId))) errors.unitId = '责任单位不存在';
  if (f.leaderId && !(await leaderExists(q, f.leaderId))) errors.leaderId = '挂点领导不存在';
  if (f.chargeLeaderId && !(await leaderExists(q, f.chargeLeaderId))) errors.chargeLeaderId = '包干领导不存在';
  if (Object.keys(errors).length) throw Invalid(errors);
}

export async function historyOf(deps: Deps, user: User, id: number): Promise<ProjectHistory> {
  await projectFor(deps, user, id);
  const [reports, auditRows] = await Promise.all([listReports(deps.db, id), projectAudit(deps.db, id)]);
  return { reports, audit: auditRows };
}

export async function reportsOf(deps: Deps, user: User, id: number) {
  await projectFor(deps, user, id);
  return listReports(deps.db, id);
}
