// The sending worker. Per channel: claim the due notices as messages in one short transaction
// (channel row locked, rows FOR UPDATE SKIP LOCKED, a lease), post them to the robot, then record
// each result in one step (sent, or the next attempt / failed). Another process skips what is
// claimed; a claim whose process died is taken again once its lease runs out. The one window for a
// duplicate: a crash after the robot took a message and before its result was committed.
import { randomUUID } from 'node:crypto';
import type { Deps } from './deps.js';
import { chinaDayStart, chinaMinuteOfDay, isQuiet, planBatches, RATE_PER_MINUTE, retryDelaySeconds } from '../domain/notify.js';
import { renderMessage } from '../domain/notifyMessages.js';
import { claimBatch, deliveriesSince, dueChannels, dueNotices, lockChannel, markFailed, markSent, releaseBatch, type ChannelRow, type DueNotice } from '../store/notify.js';
import { postToRobot } from './notifyRobots.js';
import type { Sealer } from './notifySecrets.js';

export interface WorkerContext {
  sealer: () => Promise<Sealer>;
  publicUrl: string;
  timeoutMs: number;
  /** True once the process is stopping: claimed messages not yet posted are given back. */
  stopping: () => boolean;
}

export interface SendReport {
  /** Messages the robots took, and the notices in them. */
  messages: number;
  sent: number;
  /** Messages refused or unanswered (to be tried again, or failed for good). */
  failedMessages: number;
  /** Claimed but given back unsent (stopping). */
  released: number;
}

const none = (): SendReport => ({ messages: 0, sent: 0, failedMessages: 0, released: 0 });
const add = (a: SendReport, b: SendReport): SendReport => ({
  messages: a.messages + b.messages, sent: a.sent + b.sent, failedMessages: a.failedMessages + b.failedMessages, released: a.released + b.released,
});

interface Claim {
  channel: ChannelRow;
  batches: { batch: string; rows: DueNotice[] }[];
}

/** The longest a channel's due list is read in one pass; the rest waits for the next. */
const CLAIM_LIMIT = 500;

/** One pass over every channel with due notices, channels side by side. Tests call it with their clock's now. */
export async function sendDue(deps: Deps, ctx: WorkerContext, now = deps.clock()): Promise<SendReport> {
  if (ctx.stopping()) return none();
  const channels = await dueChannels(deps.db, now.toISOString());
  const reports = await Promise.all(channels.map((id) => sendChannel(deps, ctx, id, now)));
  return reports.reduce(add, none());
}

/** Claims what the channel may send now: nothing in quiet hours or over the daily cap (but a test message), at most its rate. */
export async function claimDue(deps: Deps, channelId: number, now: Date, timeoutMs: number): Promise<Claim | null> {
  return deps.db.tx(async (q) => {
    const channel = await lockChannel(q, channelId);
    if (!channel?.enabled) return null;
    const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
    const rate = RATE_PER_MINUTE - (await deliveriesSince(q, channelId, minuteAgo, true));
    const cap = channel.dailyCap === null ? Infinity : channel.dailyCap - (await deliveriesSince(q, channelId, chinaDayStart(now).toISOString(), false));
    const testOnly = isQuiet(channel.quietHours, chinaMinuteOfDay(now)) || cap <= 0;
    const allowance = testOnly ? rate : Math.min(rate, cap);
    if (allowance <= 0) return null;
    const due = await dueNotices(q, channelId, now.toISOString(), CLAIM_LIMIT, testOnly);
    const plan = planBatches(due, allowance);
    if (!plan.length) return null;
    // Long enough for every message of the claim to time out once, one after the other.
    const leaseUntil = new Date(now.getTime() + plan.length * timeoutMs + 60_000).toISOString();
    const byId = new Map(due.map((d) => [d.id, d]));
    const batches = [];
    for (const ids of plan) {
      const batch = randomUUID();
      await claimBatch(q, channelId, ids, batch, now.toISOString(), leaseUntil);
      batches.push({ batch, rows: ids.map((id) => ({ ...byId.get(id)!, attempts: byId.get(id)!.attempts + 1 })) });
    }
    return { channel, batches };
  });
}

async function sendChannel(deps: Deps, ctx: WorkerContext, channelId: number, now: Date): Promise<SendReport> {
  const claim = await claimDue(deps, channelId, now, ctx.timeoutMs);
  if (!claim) return none();
  const { channel } = claim;
  const report = none();
  let webhook: string;
  let secret: string | null;
  try {
    const sealer = await ctx.sealer();
    webhook = sealer.open(channel.webhookSealed);
    secret = channel.secretSealed ? sealer.open(channel.secretSealed) : null;
  } catch {
    for (const b of claim.batches) await fail(deps, b.rows, b.batch, '无法解密 Webhook 或密钥（NOTIFY_SECRET_KEY 是否已更改？请重新填写渠道）', false);
    report.failedMessages += claim.batches.length;
    return report;
  }
  for (const { batch, rows } of claim.batches) {
    if (ctx.stopping()) {
      await deps.db.tx((q) => releaseBatch(q, batch));
      report.released += 1;
      continue;
    }
    const message = renderMessage(channel.kind, channel.audience.type, rows.map((r) => r.notice), ctx.publicUrl);
    const result = await postToRobot(channel.kind, webhook, secret, message, ctx.timeoutMs);
    if (result.ok) {
      const sent = await deps.db.tx((q) => markSent(q, batch, deps.clock().toISOString()));
      report.messages += 1;
      report.sent += sent;
    } else {
      await fail(deps, rows, batch, result.error, result.rateLimited);
      report.failedMessages += 1;
      deps.log.warn({ channel: channel.id, error: result.error }, 'notify: robot refused a message');
    }
  }
  return report;
}

async function fail(deps: Deps, rows: DueNotice[], batch: string, error: string, rateLimited: boolean): Promise<void> {
  const at = deps.clock().getTime();
  const retries = rows.map((r) => {
    const delay = retryDelaySeconds(r.attempts, rateLimited);
    return { id: r.id, retryAt: delay === null ? null : new Date(at + delay * 1000).toISOString() };
  });
  await deps.db.tx((q) => markFailed(q, batch, retries, error));
}
