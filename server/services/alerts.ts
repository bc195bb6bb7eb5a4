// 预警 lifecycle: the unit explains, staff issue letters, and 分级调度 moves an alert up the levels.
import { acknowledgeInput, alertQuery, escalateInput } from '../../shared/api.js';
import type { Alert, DispatchLevel, User } from '../../shared/types.js';
import { summaryDelta } from '../domain/snapshot.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import { acknowledgeAlert, escalateAlert, escalationsOf, getAlert, listAlerts, type Escalation } from '../store/alerts.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import { listLeaders } from '../store/reference.js';
import { assertRole } from './access.js';
import { announce, finishChange } from './change.js';
import type { Deps } from './deps.js';
import { enqueueEscalated } from './notifyEnqueue.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';
import { assertWritable } from './yearClosure.js';

const actorOf = (user: User) => ({ userId: user.id, name: user.displayName });

/** Staff and leaders see every alert (or one level's queue); a unit its own. */
export async function alertsFor(deps: Deps, user: User, query: unknown): Promise<Alert[]> {
  const { includeCleared, level } = parseInput(alertQuery, query);
  const campaign = await requireCampaign(deps.db);
  const alerts = await listAlerts(deps.db, campaign.id, { unitId: user.role === 'unit' ? user.unitId ?? -1 : undefined, includeCleared: includeCleared === '1' });
  return level ? alerts.filter((a) => a.level === level) : alerts;
}

/**
 * A leader's queue by 分级调度: the 县长 handles level 3, the 常务副县长 level 2, and every
 * 挂点领导 the level-1 alerts of the projects linked to them.
 */
export async function queueFor(deps: Deps, user: User): Promise<{ level: DispatchLevel; alerts: Alert[] }> {
  assertRole(user, 'leader', 'admin');
  const leaders = await listLeaders(deps.db);
  const me = leaders.find((l) => l.id === user.leaderId);
  const level: DispatchLevel = me?.rank === 'county_head' ? 3 : me?.rank === 'executive_deputy' ? 2 : 1;
  const open = await alertsFor(deps, user, {});
  const alerts = open.filter((a) => a.level === level && (level > 1 || !me || a.leader === me.name));
  return { level, alerts };
}

export async function alertDetail(deps: Deps, user: User, id: number): Promise<Alert & { escalations: Escalation[] }> {
  const alert = await getAlert(deps.db, id);
  if (!alert) throw NotFound('预警不存在');
  if (user.role === 'unit' && user.unitId !== alert.unitId) throw Forbidden('只能查看本单位的预警');
  return { ...alert, escalations: await escalationsOf(deps.db, id) };
}

/** The unit's 情况说明 on an alert of its own (staff may record it for them). */
export async function acknowledge(deps: Deps, user: User, id: number, body: unknown): Promise<Alert> {
  assertRole(user, 'unit', 'admin');
  return changeAlert(deps, user, id, async (q, alert) => {
    if (user.role === 'unit' && user.unitId !== alert.unitId) throw Forbidden('只能说明本单位的预警');
    const { text } = parseInput(acknowledgeInput, body);
    await acknowledgeAlert(q, id, text, user.displayName);
    await audit(q, actorOf(user), 'alert.acknowledge', 'alert', id, { state: alert.state, acknowledgement: alert.acknowledgement }, { acknowledgement: text });
  });
}

/** 分级调度: 挂点领导 → 常务副县长 → 县长, with the reason recorded. */
export async function escalate(deps: Deps, user: User, id: number, body: unknown): Promise<Alert> {
  assertRole(user, 'admin');
  return changeAlert(deps, user, id, async (q, alert) => {
    const { reason } = parseInput(escalateInput, body);
    if (alert.level >= 3) throw Conflict('已提级至县长调度，不能再提级');
    const to = (alert.level + 1) as DispatchLevel;
    await escalateAlert(q, id, alert.level, to, reason, user.displayName);
    await audit(q, actorOf(user), 'alert.escalate', 'alert', id, { level: alert.level }, { level: to, reason });
    await enqueueEscalated(q, alert, to, reason, deps.clock());
  });
}

type AlertEdit = (q: Queryable, alert: Alert) => Promise<void>;

/** One audited transaction on an open alert; the new snapshot reaches the walls. */
async function changeAlert(deps: Deps, user: User, id: number, edit: AlertEdit): Promise<Alert> {
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const version = await bumpVersion(q, campaign.id);
    const alert = await getAlert(q, id);
    if (!alert) throw NotFound('预警不存在');
    if (alert.state === 'cleared') throw Conflict('该预警已整改销号');
    await edit(q, alert);
    const change = await finishChange(deps, q, campaign, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
      { name: 'alert:updated', payload: { version, alert: (await getAlert(q, id))! } },
    ]);
    return { alert: (await getAlert(q, id))!, change };
  });
  await announce(deps, result.change);
  return result.alert;
}
