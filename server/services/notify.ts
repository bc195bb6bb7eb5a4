// 通知渠道: staff configure the robots (audited, webhook and secret sealed), send a test message
// through the outbox, and follow each notice's state.
import { randomUUID } from 'node:crypto';
import { channelInput, channelPatch, outboxQuery, type AudienceType, type NotifyChannel, type OutboxEntry } from '../../shared/notify.js';
import type { User } from '../../shared/types.js';
import { maskWebhook } from '../domain/notify.js';
import { testNotice } from '../domain/notifyMessages.js';
import { Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import type { Queryable } from '../store/db.js';
import { deleteChannel, getChannel, insertChannel, insertNotices, lastTestNotice, listChannels, listOutbox, lockChannelForEdit, publicChannel, updateChannel, type ChannelRow, type ChannelWrite } from '../store/notify.js';
import { getUnit, leaderExists } from '../store/reference.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import type { Sealer } from './notifySecrets.js';
import { parseInput } from './validate.js';

const actorOf = (user: User) => ({ userId: user.id, name: user.displayName });

export async function channelsFor(deps: Deps, user: User): Promise<NotifyChannel[]> {
  assertRole(user, 'admin');
  return (await listChannels(deps.db)).map(publicChannel);
}

async function checkAudience(q: Queryable, audience: { type: AudienceType; id?: number | null }): Promise<number | null> {
  if (audience.type === 'county') return null;
  const id = audience.id!;
  const exists = audience.type === 'unit' ? (await getUnit(q, id)) !== null : await leaderExists(q, id);
  if (!exists) throw Invalid({ audience: audience.type === 'unit' ? '所选单位不存在' : '所选领导不存在' });
  return id;
}

export async function createChannel(deps: Deps, sealer: Sealer, user: User, body: unknown): Promise<NotifyChannel> {
  assertRole(user, 'admin');
  const input = parseInput(channelInput, body);
  return deps.db.tx(async (q) => {
    const write: ChannelWrite = {
      name: input.name, kind: input.kind, webhookSealed: sealer.seal(input.webhook), webhookHint: maskWebhook(input.webhook),
      secretSealed: input.secret ? sealer.seal(input.secret) : null, audienceType: input.audience.type, audienceId: await checkAudience(q, input.audience),
      events: input.events, quietHours: input.quietHours ?? null, dailyCap: input.dailyCap ?? null, enabled: input.enabled,
    };
    const id = await insertChannel(q, write, deps.clock().toISOString());
    const channel = publicChannel((await getChannel(q, id))!);
    await audit(q, actorOf(user), 'notify.channel.create', 'notify_channel', id, null, channel);
    return channel;
  });
}

export async function patchChannel(deps: Deps, sealer: Sealer, user: User, id: number, body: unknown): Promise<NotifyChannel> {
  assertRole(user, 'admin');
  const input = parseInput(channelPatch, body);
  return deps.db.tx(async (q) => {
    const row = await lockedChannel(q, id);
    if (input.secret && row.kind === 'wecom') throw Invalid({ secret: '企业微信群机器人无需加签密钥' });
    const write: ChannelWrite = {
      name: input.name ?? row.name,
      kind: row.kind,
      webhookSealed: input.webhook ? sealer.seal(input.webhook) : row.webhookSealed,
      webhookHint: input.webhook ? maskWebhook(input.webhook) : row.webhookHint,
      secretSealed: input.secret === undefined ? row.secretSealed : input.secret === null ? null : sealer.seal(input.secret),
      audienceType: input.audience?.type ?? row.audience.type,
      audienceId: input.audience ? await checkAudience(q, input.audience) : row.audience.id,
      events: input.events ?? row.events,
      quietHours: input.quietHours === undefined ? row.quietHours : input.quietHours,
      dailyCap: input.dailyCap === undefined ? row.dailyCap : input.dailyCap,
      enabled: input.enabled ?? row.enabled,
    };
    await updateChannel(q, id, write, deps.clock().toISOString());
    const after = publicChannel((await getChannel(q, id))!);
    // The audit row says that the webhook or secret changed, never what they are.
    const changed = { ...after, ...(input.webhook && { webhookChanged: true }), ...(input.secret !== undefined && { secretChanged: true }) };
    await audit(q, actorOf(user), 'notify.channel.update', 'notify_channel', id, publicChannel(row), changed);
    return after;
  });
}

export async function removeChannel(deps: Deps, user: User, id: number): Promise<void> {
  assertRole(user, 'admin');
  await deps.db.tx(async (q) => {
    const row = await lockedChannel(q, id);
    await deleteChannel(q, id, deps.clock().toISOString());
    await audit(q, actorOf(user), 'notify.channel.delete', 'notify_channel', id, publicChannel(row), null);
  });
}

/** 发送测试消息: a notice like any other, through the outbox (not held by quiet hours or the daily cap). */
export async function sendTestMessage(deps: Deps, user: User, id: number): Promise<{ id: number; channelId: number; state: 'pending' }> {
  assertRole(user, 'admin');
  return deps.db.tx(async (q) => {
    const row = await lockedChannel(q, id);
    const now = deps.clock();
    const at = now.toISOString();
    const notice = testNotice(row.name, new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
    await insertNotices(q, [{ channelId: id, kind: 'test', key: `test:${randomUUID()}`, notice }], at);
    const noticeId = await lastTestNotice(q, id);
    await audit(q, actorOf(user), 'notify.channel.test', 'notify_channel', id, null, { outboxId: noticeId });
    return { id: noticeId, channelId: id, state: 'pending' };
  });
}

export async function outboxFor(deps: Deps, user: User, query: unknown): Promise<OutboxEntry[]> {
  assertRole(user, 'admin');
  return listOutbox(deps.db, parseInput(outboxQuery, query));
}

async function lockedChannel(q: Queryable, id: number): Promise<ChannelRow> {
  await lockChannelForEdit(q, id);
  const row = await getChannel(q, id);
  if (!row) throw NotFound('通知渠道不存在');
  return row;
}
