// 双挂制 (上犹 附件3): a county leader's desk — linked projects against 序时进度, their alerts and
// problems, the problems at the leader's 分级调度 level — with the duties owed, and the service
// commissioners' contacts (附件4).
import { addMonths } from '../../shared/dates.js';
import { contactInput, dutyInput, type CommissionerContact, type DutyStatus, type LeaderDesk, type ProjectContacts } from '../../shared/problems.js';
import { ratio } from '../../shared/money.js';
import type { DispatchLevel, Leader, LeaderRank, User } from '../../shared/types.js';
import { contactStatus, leaderDuties } from '../domain/duties.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { listOpenAlerts } from '../store/alerts.js';
import { audit } from '../store/audit.js';
import { contactsOf, dutiesOf, insertContact, insertDuty } from '../store/duties.js';
import { listProblemDetails } from '../store/problems.js';
import { getProject, listProjects } from '../store/projects.js';
import { listLeaders } from '../store/reference.js';
import { assertCanFile, assertCanRead, assertRole } from './access.js';
import type { Deps } from './deps.js';
import { actorOf } from './problemLedger.js';
import { requireCampaign, summarize, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';

/** 分级调度 (弋阳): the 县长 takes level-3 problems, the 常务副县长 level 2; other leaders their own projects'. */
const LEVEL_OF_RANK: Partial<Record<LeaderRank, DispatchLevel>> = { county_head: 3, executive_deputy: 2 };

async function requireLeader(deps: Deps, id: number): Promise<Leader> {
  const leader = (await listLeaders(deps.db)).find((l) => l.id === id);
  if (!leader) throw NotFound('县领导不存在');
  return leader;
}

export async function deskOf(deps: Deps, user: User, leaderId: number): Promise<LeaderDesk> {
  assertRole(user, 'admin', 'leader');
  const leader = await requireLeader(deps, leaderId);
  const campaign = await requireCampaign(deps.db);
  const now = deps.clock();
  const today = todayFor(campaign, now);
  const [all, summary, alerts, problems, done] = await Promise.all([
    listProjects(deps.db, campaign.id),
    summarize(deps.db, campaign, now),
    listOpenAlerts(deps.db, campaign.id),
    listProblemDetails(deps.db, campaign.id, today),
    dutiesOf(deps.db, leader.id, campaign.id),
  ]);
  const mine = all.filter((p) => p.leaderId === leader.id || p.chargeLeaderId === leader.id);
  const ids = new Set(mine.map((p) => p.id));
  const level = LEVEL_OF_RANK[leader.rank];
  const lagging = new Set(summary.hits.map((h) => h.projectId));
  return {
    leader,
    projects: mine.map((p) => ({
      id: p.id, code: p.code, name: p.name, unit: p.unit,
      role: p.leaderId === leader.id ? 'linked' : 'charge',
      completionRate: ratio(summary.completedByProject.get(p.id) ?? 0, p.annualPlan),
      scheduleShare: ratio(summary.scheduleByProject.get(p.id) ?? 0, p.annualPlan),
      lagging: lagging.has(p.id),
    })),
    alerts: alerts.filter((a) => ids.has(a.projectId)).map((a) => a.id),
    openAlerts: alerts.filter((a) => ids.has(a.projectId)),
    // Everything still on the ledger: open, or resolved and awaiting 销号.
    problems: problems.filter((p) => p.state !== 'closed' && p.state !== 'returned' && (ids.has(p.projectId) || p.level === level)),
    // 附件3 第八条 binds the 一对一 linked leaders.
    duties: mine.some((p) => p.leaderId === leader.id) ? leaderDuties(campaign.year, today, done) : [],
    contacts: contactStatus(mine, await contactsOf(deps.db, [...ids]), today),
  };
}

/** A leader account's own desk. */
export async function myDesk(deps: Deps, user: User): Promise<LeaderDesk> {
  if (user.role !== 'leader') throw Forbidden('仅县领导账号有领导工作台');
  if (!user.leaderId) throw NotFound('该账号未关联县领导，请联系管理员');
  return deskOf(deps, user, user.leaderId);
}

/** 附件3 第八条: a monthly briefing heard, a quarterly site visit made — by the leader or staff for them. */
export async function recordDuty(deps: Deps, user: User, leaderId: number, body: unknown): Promise<DutyStatus[]> {
  assertRole(user, 'admin', 'leader');
  if (user.role === 'leader' && user.leaderId !== leaderId) throw Forbidden('只能登记本人的履职情况');
  const leader = await requireLeader(deps, leaderId);
  const input = parseInput(dutyInput, body);
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  const quarterly = input.period.includes('Q');
  if (quarterly !== (input.kind === 'quarterly_visit')) {
    throw Invalid({ period: quarterly ? '每月听取汇报的期间须为 YYYY-MM' : '每季度现场调研的期间须为 YYYY-Qn' });
  }
  if (Number(input.period.slice(0, 4)) !== campaign.year) throw Invalid({ period: `期间须在${campaign.year}年度内` });
  const firstMonth = quarterly ? `${campaign.year}-${String(Number(input.period.slice(6)) * 3 - 2).padStart(2, '0')}` : input.period;
  if (firstMonth > today.slice(0, 7)) throw Invalid({ period: '期间尚未开始' });
  if (input.doneOn > today) throw Invalid({ doneOn: '完成日期不能晚于今天' });
  // A month's briefing or a quarter's visit is done within that month or quarter.
  if (input.doneOn.slice(0, 7) < firstMonth || input.doneOn.slice(0, 7) > addMonths(firstMonth, quarterly ? 2 : 0)) {
    throw Invalid({ doneOn: '完成日期须在该期间内' });
  }
  return deps.db.tx(async (q) => {
    const recorded = await insertDuty(q, { leaderId, campaignId: campaign.id, ...input, recordedBy: user.displayName });
    if (!recorded) throw Conflict('该期间的履职情况已登记');
    await audit(q, actorOf(user), 'leader.duty', 'leader', leader.id, null, input);
    return leaderDuties(campaign.year, today, await dutiesOf(q, leader.id, campaign.id));
  });
}

/** 附件4: a service commissioner's call or visit, recorded by staff or the project's unit. */
export async function recordContact(deps: Deps, user: User, projectId: number, body: unknown): Promise<CommissionerContact> {
  const project = await getProject(deps.db, projectId);
  if (!project) throw NotFound('项目不存在');
  assertCanFile(user, project);
  const input = parseInput(contactInput, body);
  const campaign = await requireCampaign(deps.db);
  const now = deps.clock();
  if (input.on > todayFor(campaign, now)) throw Invalid({ on: '联系日期不能晚于今天' });
  return deps.db.tx(async (q) => {
    const contact = await insertContact(q, { projectId, ...input, recordedBy: user.displayName, at: now.toISOString() });
    await audit(q, actorOf(user), 'project.contact', 'project', projectId, null, contact);
    return contact;
  });
}

export async function contactsFor(deps: Deps, user: User, projectId: number): Promise<ProjectContacts> {
  const project = await getProject(deps.db, projectId);
  if (!project) throw NotFound('项目不存在');
  assertCanRead(user, project);
  const campaign = await requireCampaign(deps.db);
  const contacts = await contactsOf(deps.db, [projectId]);
  return { status: contactStatus([project], contacts, todayFor(campaign, deps.clock()))[0], contacts };
}
