// Which channel takes which notice, how a channel's due notices become messages (digests), when a
// failed one is tried again, and the per-channel quiet hours. Pure: the caller passes "now".
import type { Audience, AudienceType, NoticeKind, OutboxKind } from '../../shared/notify.js';

/** A notice as written to the outbox: the words, and the page each audience acts on it from. */
export interface Notice {
  kind: OutboxKind;
  title: string;
  lines: string[];
  /** Path of the page that acts on it, per audience (county → the console, unit → /report, leader → /leader). */
  links: Partial<Record<AudienceType, string>>;
  /** Shown in the robots' warning colour (red alerts, 通报批评). */
  urgent?: boolean;
}

/** A notice with the audiences it is for and its key: one notice per channel and key, ever. */
export interface AddressedNotice {
  notice: Notice;
  to: Audience[];
  key: string;
}

export interface ChannelTarget {
  id: number;
  audience: { type: AudienceType; id: number | null };
  events: NoticeKind[];
}

/** A channel takes a notice addressed to its audience, of a kind it subscribes to (none listed: all). */
export function channelTakes(channel: ChannelTarget, kind: OutboxKind, to: Audience[]): boolean {
  if (kind !== 'test' && channel.events.length && !channel.events.includes(kind)) return false;
  return to.some((a) => a.type === channel.audience.type && (a.type === 'county' || (a.id ?? null) === channel.audience.id));
}

export interface RoutedNotice {
  channelId: number;
  kind: OutboxKind;
  key: string;
  notice: Notice;
}

/** One outbox row per (channel, notice) the channel takes. */
export function routeNotices(channels: ChannelTarget[], items: AddressedNotice[]): RoutedNotice[] {
  return items.flatMap((item) =>
    channels.filter((c) => channelTakes(c, item.notice.kind, item.to)).map((c) => ({ channelId: c.id, kind: item.notice.kind, key: item.key, notice: item.notice })),
  );
}

/** The robots' limit (企业微信 and 钉钉 alike): 20 messages a minute per robot. */
export const RATE_PER_MINUTE = 20;
/** This many notices of one kind due at once for a channel go out as one summary. */
export const DIGEST_AT = 5;

/**
 * Groups a channel's due notices (oldest first) into at most `allowance` messages: a kind with
 * DIGEST_AT or more notices becomes one digest; when the messages still exceed what the channel may
 * send now, the last one allowed carries all the rest. Notices beyond that wait.
 */
export function planBatches(rows: readonly { id: number; kind: string }[], allowance: number): number[][] {
  if (allowance <= 0 || !rows.length) return [];
  const byKind = new Map<string, number[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const batches: number[][] = [];
  for (const r of rows) {
    const ids = byKind.get(r.kind)!;
    if (ids.length >= DIGEST_AT) {
      if (ids[0] === r.id) batches.push(ids);
    } else {
      batches.push([r.id]);
    }
  }
  if (batches.length <= allowance) return batches;
  return [...batches.slice(0, allowance - 1), batches.slice(allowance - 1).flat()];
}

/** Seconds to wait after the n-th failed attempt: the first three attempts fall within 60 s, later ones up to an hour apart. */
export const RETRY_DELAYS_S = [5, 15, 45, 120, 300, 900, 1800, 3600, 3600, 3600, 3600];
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

/** When to try again after `attempts` failed attempts, or null: give up (失败). A rate-limited robot is left a minute. */
export function retryDelaySeconds(attempts: number, rateLimited = false): number | null {
  const delay = RETRY_DELAYS_S[attempts - 1];
  if (delay === undefined) return null;
  return rateLimited ? Math.max(delay, 60) : delay;
}

/** Minutes since midnight in China (UTC+8). */
export function chinaMinuteOfDay(now: Date): number {
  return Math.floor((now.getTime() / 60_000 + 8 * 60) % 1440);
}

/** The instant China's day containing `now` began. */
export function chinaDayStart(now: Date): Date {
  const shifted = now.getTime() + 8 * 3_600_000;
  return new Date(shifted - (shifted % 86_400_000) - 8 * 3_600_000);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Inside the quiet hours [start, end), a window that may pass midnight (22:00–07:00). */
export function isQuiet(quiet: { start: string; end: string } | null, minuteOfDay: number): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/** The webhook shown again: scheme, host and path, with the key's middle masked. */
export function maskWebhook(url: string): string {
  const u = new URL(url);
  const mask = (v: string) => (v.length <= 8 ? '****' : `${v.slice(0, 4)}****${v.slice(-4)}`);
  const params = [...u.searchParams.entries()].map(([k, v]) => `${k}=${mask(v)}`);
  return `${u.protocol}//${u.host}${u.pathname}${params.length ? `?${params.join('&')}` : ''}`;
}
