// 通知渠道 and the notify outbox: channels (sealed webhook and secret), notices, claims and deliveries.
import type { AudienceType, ChannelKind, NoticeKind, NotifyChannel, OutboxEntry, OutboxKind, OutboxState } from '../../shared/notify.js';
import type { ChannelTarget, Notice, RoutedNotice } from '../domain/notify.js';
import type { Queryable } from './db.js';

export interface ChannelRow extends NotifyChannel {
  webhookSealed: string;
  secretSealed: string | null;
}

const CHANNEL = `SELECT c.id, c.name, c.kind, c.webhook_hint AS "webhookHint", c.secret_sealed IS NOT NULL AS "hasSecret",
  json_build_object('type', c.audience_type, 'id', c.audience_id,
    'name', CASE c.audience_type WHEN 'county' THEN '县调度群' WHEN 'unit' THEN u.name ELSE l.name END) AS audience,
  c.events, CASE WHEN c.quiet_start IS NULL THEN NULL ELSE json_build_object('start', c.quiet_start, 'end', c.quiet_end) END AS "quietHours",
  c.daily_cap AS "dailyCap", c.enabled, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  c.webhook_sealed AS "webhookSealed", c.secret_sealed AS "secretSealed"
  FROM notify_channels c
  LEFT JOIN units u ON c.audience_type = 'unit' AND u.id = c.audience_id
  LEFT JOIN leaders l ON c.audience_type = 'leader' AND l.id = c.audience_id`;

/** What the console may see of a channel: never the sealed webhook or secret. */
export function publicChannel(row: ChannelRow): NotifyChannel {
  const { webhookSealed: _w, secretSealed: _s, ...rest } = row;
  return rest;
}

export async function listChannels(q: Queryable): Promise<ChannelRow[]> {
  return q.query<ChannelRow>(`${CHANNEL} WHERE c.deleted_at IS NULL ORDER BY c.id`);
}

export async function getChannel(q: Queryable, id: number): Promise<ChannelRow | null> {
  return (await q.query<ChannelRow>(`${CHANNEL} WHERE c.id = $1 AND c.deleted_at IS NULL`, [id]))[0] ?? null;
}

export interface ChannelWrite {
  name: string;
  kind: ChannelKind;
  webhookSealed: string;
  webhookHint: string;
  secretSealed: string | null;
  audienceType: AudienceType;
  audienceId: number | null;
  events: NoticeKind[];
  quietHours: { start: string; end: string } | null;
  dailyCap: number | null;
  enabled: boolean;
}

const writeParams = (c: ChannelWrite) => [
  c.name, c.kind, c.webhookSealed, c.webhookHint, c.secretSealed, c.audienceType, c.audienceId, c.events,
  c.quietHours?.start ?? null, c.quietHours?.end ?? null, c.dailyCap, c.enabled,
];

export async function insertChannel(q: Queryable, c: ChannelWrite, at: string): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO notify_channels (name, kind, webhook_sealed, webhook_hint, secret_sealed, audience_type, audience_id, events,
       quiet_start, quiet_end, daily_cap, enabled, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11, $12, $13, $13) RETURNING id`,
    [...writeParams(c), at],
  );
  return id;
}

export async function updateChannel(q: Queryable, id: number, c: ChannelWrite, at: string): Promise<void> {
  await q.query(
    `UPDATE notify_channels SET name = $1, kind = $2, webhook_sealed = $3, webhook_hint = $4, secret_sealed = $5, audience_type = $6,
       audience_id = $7, events = $8::text[], quiet_start = $9, quiet_end = $10, daily_cap = $11, enabled = $12, updated_at = $13
     WHERE id = $14`,
    [...writeParams(c), at, id],
  );
}

/** Kept for the outbox's record; its waiting notices fail with the reason. */
export async function deleteChannel(q: Queryable, id: number, at: string): Promise<void> {
  await q.query('UPDATE notify_channels SET deleted_at = $2, enabled = false WHERE id = $1', [id, at]);
  await q.query(
    `UPDATE notify_outbox SET state = 'failed', last_error = '渠道已删除', batch = NULL, lease_until = NULL
     WHERE channel_id = $1 AND state IN ('pending', 'sending')`,
    [id],
  );
}

/** The enabled channels, as the router of notices needs them. */
export async function routableChannels(q: Queryable): Promise<ChannelTarget[]> {
  return q.query<ChannelTarget>(
    `SELECT id, json_build_object('type', audience_type, 'id', audience_id) AS audience, events
     FROM notify_channels WHERE enabled AND deleted_at IS NULL`,
  );
}

/** Writes the notices; one already written for the channel under the same key is skipped. */
export async function insertNotices(q: Queryable, rows: RoutedNotice[], at: string): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await q.query(
    `INSERT INTO notify_outbox (channel_id, kind, dedupe_key, payload, next_at, created_at)
     SELECT c, k, d, p, $5, $5 FROM unnest($1::int[], $2::text[], $3::text[], $4::jsonb[]) AS t(c, k, d, p)
     ON CONFLICT (channel_id, dedupe_key) DO NOTHING RETURNING id`,
    [rows.map((r) => r.channelId), rows.map((r) => r.kind), rows.map((r) => r.key), rows.map((r) => JSON.stringify(r.notice)), at],
  );
  return inserted.length;
}

/** Channels with a notice due now, or with a claim whose lease ran out. */
export async function dueChannels(q: Queryable, now: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `SELECT DISTINCT channel_id AS id FROM notify_outbox
     WHERE (state = 'pending' AND next_at <= $1) OR (state = 'sending' AND lease_until < $1) ORDER BY 1`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** The channel's row, locked for this claim; null when another process holds it or it is gone. */
export async function lockChannel(q: Queryable, id: number): Promise<ChannelRow | null> {
  const locked = await q.query('SELECT id FROM notify_channels WHERE id = $1 AND deleted_at IS NULL FOR UPDATE SKIP LOCKED', [id]);
  return locked.length ? getChannel(q, id) : null;
}

/** Messages handed to the channel's robot since `since` (failed ones only when `countFailed`). */
export async function deliveriesSince(q: Queryable, channelId: number, since: string, countFailed: boolean): Promise<number> {
  const [{ n }] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notify_deliveries WHERE channel_id = $1 AND claimed_at > $2 AND ($3 OR ok IS DISTINCT FROM false)`,
    [channelId, since, countFailed],
  );
  return n;
}

export interface DueNotice {
  id: number;
  kind: OutboxKind;
  attempts: number;
  notice: Notice;
}

/** The channel's due notices, oldest first, locked (another process skips them). */
export async function dueNotices(q: Queryable, channelId: number, now: string, limit: number, testOnly: boolean): Promise<DueNotice[]> {
  return q.query<DueNotice>(
    `SELECT id::int8 AS id, kind, attempts, payload AS notice FROM notify_outbox
     WHERE channel_id = $1 AND ((state = 'pending' AND next_at <= $2) OR (state = 'sending' AND lease_until < $2))
       AND (NOT $4 OR kind = 'test')
     ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [channelId, now, limit, testOnly],
  );
}

/** Claims notices as one message: state sending under the batch's id until the lease runs out. */
export async function claimBatch(q: Queryable, channelId: number, ids: number[], batch: string, now: string, leaseUntil: string): Promise<void> {
  await q.query(
    `UPDATE notify_outbox SET state = 'sending', batch = $2, lease_until = $3, attempts = attempts + 1 WHERE id = ANY($1::int8[])`,
    [ids, batch, leaseUntil],
  );
  await q.query('INSERT INTO notify_deliveries (channel_id, batch, claimed_at) VALUES ($1, $2, $3)', [channelId, batch, now]);
}

/** The robot took the message: its notices are sent. Nothing happens when the claim was lost (lease expired, taken again). */
export async function markSent(q: Queryable, batch: string, at: string): Promise<number> {
  const rows = await q.query(
    `UPDATE notify_outbox SET state = 'sent', sent_at = $2, batch = NULL, lease_until = NULL, last_error = NULL
     WHERE batch = $1 AND state = 'sending' RETURNING id`,
    [batch, at],
  );
  await q.query('UPDATE notify_deliveries SET ok = true WHERE batch = $1', [batch]);
  return rows.length;
}

/** The robot refused or did not answer: each notice waits for its next attempt, or has failed for good. */
export async function markFailed(q: Queryable, batch: string, rows: { id: number; retryAt: string | null }[], error: string): Promise<void> {
  await q.query(
    `UPDATE notify_outbox o SET state = CASE WHEN t.r IS NULL THEN 'failed' ELSE 'pending' END, next_at = COALESCE(t.r, o.next_at),
       last_error = $4, batch = NULL, lease_until = NULL
     FROM unnest($2::int8[], $3::timestamptz[]) AS t(i, r) WHERE o.id = t.i AND o.batch = $1 AND o.state = 'sending'`,
    [batch, rows.map((r) => r.id), rows.map((r) => r.retryAt), error],
  );
  await q.query('UPDATE notify_deliveries SET ok = false WHERE batch = $1', [batch]);
}

/** A claim given back unsent (the process is stopping): the notices wait again as if never claimed. */
export async function releaseBatch(q: Queryable, batch: string): Promise<void> {
  await q.query(
    `UPDATE notify_outbox SET state = 'pending', attempts = greatest(attempts - 1, 0), batch = NULL, lease_until = NULL
     WHERE batch = $1 AND state = 'sending'`,
    [batch],
  );
  await q.query('DELETE FROM notify_deliveries WHERE batch = $1', [batch]);
}

export async function listOutbox(q: Queryable, f: { state?: OutboxState; channelId?: number; limit: number }): Promise<OutboxEntry[]> {
  return q.query<OutboxEntry>(
    `SELECT o.id::int8 AS id, o.channel_id AS "channelId", c.name AS channel, o.kind, o.payload->>'title' AS title, o.state, o.attempts,
       o.last_error AS "lastError", o.created_at AS "createdAt", o.next_at AS "nextAt", o.sent_at AS "sentAt"
     FROM notify_outbox o JOIN notify_channels c ON c.id = o.channel_id
     WHERE ($1::text IS NULL OR o.state = $1) AND ($2::int IS NULL OR o.channel_id = $2)
     ORDER BY o.id DESC LIMIT $3`,
    [f.state ?? null, f.channelId ?? null, f.limit],
  );
}

/** Whether a notice under this key was already written for any channel (the scheduler's once-a-day checks). */
export async function noticeKeyExists(q: Queryable, key: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM notify_outbox WHERE dedupe_key = $1 LIMIT 1', [key])).length > 0;
}

export interface ProblemAudience {
  problemId: number;
  unitId: number;
  leadUnitId: number | null;
  leaderIds: number[];
}

/** Whom a problem's notices go to: the project's unit, the lead unit (matched by name) and the project's leaders. */
export async function problemAudiences(q: Queryable, problemIds: number[]): Promise<Map<number, ProblemAudience>> {
  if (!problemIds.length) return new Map();
  const rows = await q.query<ProblemAudience>(
    `SELECT pr.id AS "problemId", p.unit_id AS "unitId", lu.id AS "leadUnitId",
       array_remove(ARRAY[p.leader_id, p.charge_leader_id], NULL) AS "leaderIds"
     FROM problems pr JOIN projects p ON p.id = pr.project_id LEFT JOIN units lu ON lu.name = pr.coordinating_unit
     WHERE pr.id = ANY($1::int[])`,
    [problemIds],
  );
  return new Map(rows.map((r) => [r.problemId, r]));
}

/** The leaders an alert at this dispatch level is for: the project's 挂点领导, the 常务副县长, the 县长. */
export async function levelLeaders(q: Queryable, projectId: number, level: number): Promise<number[]> {
  const rows = level === 1
    ? await q.query<{ id: number }>('SELECT leader_id AS id FROM projects WHERE id = $1 AND leader_id IS NOT NULL', [projectId])
    : await q.query<{ id: number }>('SELECT id FROM leaders WHERE rank = $1 ORDER BY id', [level === 2 ? 'executive_deputy' : 'county_head']);
  return rows.map((r) => r.id);
}

/** Started, unfinished projects with a plan this year and no report submitted or accepted for the month. */
export async function unreportedProjects(q: Queryable, campaignId: number, month: string): Promise<{ unitId: number; unit: string; name: string }[]> {
  return q.query(
    `SELECT p.unit_id AS "unitId", u.name AS unit, p.name FROM projects p JOIN units u ON u.id = p.unit_id
     WHERE p.campaign_id = $1 AND p.started_on IS NOT NULL AND to_char(p.started_on, 'YYYY-MM') <= $2
       AND p.stage NOT IN ('completed', 'operating') AND p.annual_plan > 0
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.project_id = p.id AND r.month = $2 AND r.status IN ('submitted', 'accepted'))
     ORDER BY u.name, p.code`,
    [campaignId, month],
  );
}

export async function campaignUnitIds(q: Queryable, campaignId: number): Promise<number[]> {
  return (await q.query<{ id: number }>('SELECT DISTINCT unit_id AS id FROM projects WHERE campaign_id = $1 ORDER BY 1', [campaignId])).map((r) => r.id);
}

/** A leader's linked (挂点) and charged (包干) projects, and their ticker lines in (since, until]. */
export async function leaderActivity(q: Queryable, campaignId: number, leaderId: number, since: string, until: string) {
  const projects = await q.query<{ id: number }>(
    'SELECT id FROM projects WHERE campaign_id = $1 AND (leader_id = $2 OR charge_leader_id = $2)',
    [campaignId, leaderId],
  );
  const ids = projects.map((p) => p.id);
  const changes = ids.length
    ? await q.query<{ text: string }>(
      'SELECT text FROM events WHERE campaign_id = $1 AND project_id = ANY($2::int[]) AND at > $3 AND at <= $4 ORDER BY id',
      [campaignId, ids, since, until],
    )
    : [];
  const [alerts] = await q.query<{ total: number; red: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE severity = 'red')::int AS red FROM alerts
     WHERE campaign_id = $1 AND state <> 'cleared' AND project_id = ANY($2::int[])`,
    [campaignId, ids],
  );
  return { projectIds: ids, changes: changes.map((c) => c.text), alerts };
}

/** Waits for and takes a channel's row lock for the rest of the transaction (staff's edits, a test notice). */
export async function lockChannelForEdit(q: Queryable, id: number): Promise<void> {
  await q.query('SELECT id FROM notify_channels WHERE id = $1 FOR UPDATE', [id]);
}

/** The outbox id of the channel's newest test notice. */
export async function lastTestNotice(q: Queryable, channelId: number): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(`SELECT max(id)::int8 AS id FROM notify_outbox WHERE channel_id = $1 AND kind = 'test'`, [channelId]);
  return id;
}
