// notify.ts (/api/notify): 通知渠道 — 企业微信 / 钉钉 group robots — and the outbox of notices.
import { channelInput, channelPatch, NOTICE_KINDS, outboxQuery } from '../../../shared/notify.js';
import { created, fromZod, list, noContent, ok, queryFrom, ref, type JsonSchema, type Routes } from './build.js';

const STAFF = 'Staff only; the webhook is shown masked (webhookHint) and the secret never.';

export const notify: Routes = {
  'GET /api/notify/channels': {
    summary: 'The configured robots (通知渠道)',
    roles: ['admin'],
    notes: STAFF,
    reply: ok(list('NotifyChannel')),
    errors: [401, 403],
  },
  'POST /api/notify/channels': {
    summary: 'Add a 企业微信群机器人 (wecom) or 钉钉自定义机器人 (dingtalk) with its audience and the kinds of notice it takes',
    roles: ['admin'],
    notes: `${STAFF} Webhook and secret are stored encrypted (AES-256-GCM). events [] takes every kind. Audited.`,
    body: 'NotifyChannelInput',
    reply: created(ref('NotifyChannel')),
    errors: [401, 403, 422],
  },
  'PATCH /api/notify/channels/{id}': {
    summary: 'Change a channel; fields left out stay, secret null removes the 加签 secret',
    roles: ['admin'],
    notes: STAFF,
    body: 'NotifyChannelPatch',
    reply: ok(ref('NotifyChannel')),
    errors: [401, 403, 404, 422],
  },
  'DELETE /api/notify/channels/{id}': {
    summary: 'Remove a channel; its notices still waiting fail with 渠道已删除',
    roles: ['admin'],
    reply: noContent('Removed'),
    errors: [401, 403, 404, 422],
  },
  'POST /api/notify/channels/{id}/test': {
    summary: '发送测试消息: a test notice through the outbox like any other (not held by quiet hours or the daily cap)',
    roles: ['admin'],
    reply: { 202: { description: 'Queued', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' }, channelId: { type: 'integer' }, state: { const: 'pending' } } } } } } },
    errors: [401, 403, 404, 422],
  },
  'GET /api/notify/outbox': {
    summary: 'Notices, newest first, with their channel, kind, state (pending 待发送 / sending / sent 已发送 / failed 失败), attempts and the last error',
    roles: ['admin'],
    query: queryFrom(outboxQuery, { state: 'Only notices in this state', channelId: 'Only this channel', limit: 'At most this many (default 100)' }),
    reply: ok(list('OutboxEntry')),
    errors: [401, 403, 422],
  },
};

const str = { type: 'string' };
const int = { type: 'integer' };
const kinds = { type: 'array', items: { enum: [...NOTICE_KINDS] } };

export const notifySchemas: Record<string, JsonSchema> = {
  NotifyChannelInput: fromZod(channelInput, {
    webhook: 'The robot\'s webhook URL (any http(s) URL)',
    secret: '钉钉 加签 secret (SEC…); not for wecom',
    audience: 'county: the dispatch group; unit or leader with its id',
    events: `Kinds taken, empty for all: ${NOTICE_KINDS.join(', ')}`,
    quietHours: 'HH:MM China time; notices wait until the end (a window may pass midnight)',
    dailyCap: 'At most this many messages a day; the rest wait for the next day',
  }),
  NotifyChannelPatch: fromZod(channelPatch),
  NotifyChannel: {
    type: 'object',
    description: 'See shared/notify.ts NotifyChannel.',
    properties: {
      id: int, name: str, kind: { enum: ['wecom', 'dingtalk'] }, webhookHint: str, hasSecret: { type: 'boolean' },
      audience: { type: 'object', properties: { type: { enum: ['county', 'unit', 'leader'] }, id: { type: ['integer', 'null'] }, name: str } },
      events: kinds, quietHours: { type: ['object', 'null'], properties: { start: str, end: str } }, dailyCap: { type: ['integer', 'null'] },
      enabled: { type: 'boolean' }, createdAt: str, updatedAt: str,
    },
  },
  OutboxEntry: {
    type: 'object',
    description: 'See shared/notify.ts OutboxEntry.',
    properties: {
      id: int, channelId: int, channel: str, kind: str, title: str, state: { enum: ['pending', 'sending', 'sent', 'failed'] }, attempts: int,
      lastError: { type: ['string', 'null'] }, createdAt: str, nextAt: str, sentAt: { type: ['string', 'null'] },
    },
  },
};
