// 通知渠道: work-chat robots (企业微信群机器人, 钉钉自定义机器人) and the notices sent to them.
import { z } from 'zod';
import { MAX_ID, queryId } from './ids.js';

/** What a channel may take; an empty list means all of them. */
export const NOTICE_KINDS = [
  'alert.red',
  'alert.escalated',
  'letter.issued',
  'report.returned',
  'problem.assigned',
  'problem.overdue',
  'problem.flagged',
  'deadline.report',
  'deadline.problem',
  'digest.leader',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** A notice in the outbox: one of the kinds, or the console's test message. */
export type OutboxKind = NoticeKind | 'test';

export const NOTICE_KIND_LABELS: Record<OutboxKind, string> = {
  'alert.red': '红色预警',
  'alert.escalated': '预警提级',
  'letter.issued': '函件下发',
  'report.returned': '月报退回',
  'problem.assigned': '问题交办',
  'problem.overdue': '问题逾期',
  'problem.flagged': '问题通报批评',
  'deadline.report': '月报截止提醒',
  'deadline.problem': '问题报送截止提醒',
  'digest.leader': '领导晨报',
  test: '测试消息',
};

export type ChannelKind = 'wecom' | 'dingtalk';
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = { wecom: '企业微信群机器人', dingtalk: '钉钉自定义机器人' };

/** Whom a channel's group serves: the county's dispatch group, one unit, or one leader. */
export type AudienceType = 'county' | 'unit' | 'leader';
export const AUDIENCE_LABELS: Record<AudienceType, string> = { county: '县调度群', unit: '责任单位', leader: '县领导' };

export interface Audience {
  type: AudienceType;
  id?: number | null;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '失败' };

/** GET /api/notify/channels — a channel as the console shows it: the webhook masked, the secret never. */
export interface NotifyChannel {
  id: number;
  name: string;
  kind: ChannelKind;
  /** The webhook with its key masked, e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…a2f0 */
  webhookHint: string;
  /** Whether a 加签 secret is stored. */
  hasSecret: boolean;
  audience: { type: AudienceType; id: number | null; name: string };
  events: NoticeKind[];
  quietHours: { start: string; end: string } | null;
  dailyCap: number | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/notify/outbox — one notice for one channel, newest first. */
export interface OutboxEntry {
  id: number;
  channelId: number;
  channel: string;
  kind: OutboxKind;
  title: string;
  state: OutboxState;
  attempts: number;
  /** The robot's (or the network's) last error, in plain words. */
  lastError: string | null;
  createdAt: string;
  nextAt: string;
  sentAt: string | null;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = (label: string) => z.string({ error: `请填写${label}` }).regex(HHMM, `${label}须为 HH:MM（如 22:00）`);

/** The WHATWG URL parser of Node and the browser alike, which shared/'s lib (ES2022 alone) does not declare. */
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => { protocol: string } }).URL;

const webhook = z
  .string({ error: '请填写 Webhook 地址' })
  .trim()
  .min(1, '请填写 Webhook 地址')
  .max(2000, 'Webhook 地址过长')
  .refine((s) => {
    try {
      const u = new WhatwgUrl(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Webhook 须为 http(s) 地址');

const secret = z.string({ error: '加签密钥须为文字' }).trim().min(8, '加签密钥至少8位').max(200, '加签密钥过长');

const audience = z.object(
  {
    type: z.enum(['county', 'unit', 'leader'], { error: '请选择服务对象' }),
    id: z.number({ error: '请选择单位或领导' }).int('请选择单位或领导').positive('请选择单位或领导').max(MAX_ID, '请选择单位或领导').nullable().optional(),
  },
  { error: '请选择服务对象' },
).refine((a) => a.type === 'county' || (a.id ?? null) !== null, '请选择服务的单位或领导');

const events = z
  .array(z.enum(NOTICE_KINDS, { error: '通知类型无效' }), { error: '通知类型须为列表' })
  .max(NOTICE_KINDS.length, '通知类型重复')
  .refine((e) => new Set(e).size === e.length, '通知类型不能重复');

const quietHours = z.object({ start: hhmm('免打扰开始时间'), end: hhmm('免打扰结束时间') }, { error: '免打扰时段须为 {start, end}' })
  .refine((q) => q.start !== q.end, '免打扰开始与结束时间不能相同')
  .nullable();
const dailyCap = z.number({ error: '每日上限须为正整数' }).int('每日上限须为正整数').min(1, '每日上限须为正整数').max(10_000, '每日上限不超过10000').nullable();
const name = z.string({ error: '请填写渠道名称' }).trim().min(2, '请填写渠道名称（至少2个字）').max(50, '渠道名称不超过50字');

/** POST /api/notify/channels */
export const channelInput = z
  .object({
    name,
    kind: z.enum(['wecom', 'dingtalk'], { error: '请选择机器人类型（企业微信或钉钉）' }),
    webhook,
    secret: secret.optional(),
    audience,
    events: events.default([]),
    quietHours: quietHours.optional(),
    dailyCap: dailyCap.optional(),
    enabled: z.boolean({ error: '启用须为是或否' }).default(true),
  })
  .refine((c) => c.kind === 'dingtalk' || c.secret === undefined, { message: '企业微信群机器人无需加签密钥', path: ['secret'] });
export type ChannelInput = z.infer<typeof channelInput>;

/** PATCH /api/notify/channels/:id — secret null removes it; a field left out stays. */
export const channelPatch = z
  .object({
    name: name.optional(),
    webhook: webhook.optional(),
    secret: secret.nullable().optional(),
    audience: audience.optional(),
    events: events.optional(),
    quietHours: quietHours.optional(),
    dailyCap: dailyCap.optional(),
    enabled: z.boolean({ error: '启用须为是或否' }).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), '请填写要修改的内容');
export type ChannelPatch = z.infer<typeof channelPatch>;

export const outboxQuery = z.object({
  state: z.enum(['pending', 'sending', 'sent', 'failed'], { error: '状态须为 pending、sending、sent 或 failed' }).optional(),
  channelId: queryId('渠道编号').optional(),
  limit: z.string({ error: '条数须为1–500' }).regex(/^[0-9]{1,3}$/, '条数须为1–500').transform(Number).pipe(z.number().min(1, '条数须为1–500').max(500, '条数须为1–500')).default(100),
});
