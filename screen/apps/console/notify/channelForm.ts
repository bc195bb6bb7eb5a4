// The 通知渠道 form: what the dialog edits, and the request body it becomes (create or change).
import { NOTICE_KIND_LABELS, NOTICE_KINDS, type AudienceType, type ChannelKind, type NoticeKind, type NotifyChannel } from '../../../../shared/notify.js';

export interface ChannelForm {
  name: string;
  kind: ChannelKind;
  /** Empty when editing: keep the stored webhook. */
  webhook: string;
  /** Empty when editing: keep the stored secret (unless clearSecret). */
  secret: string;
  clearSecret: boolean;
  audienceType: AudienceType;
  audienceId: number | null;
  events: NoticeKind[];
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  /** null: no cap. */
  dailyCap: number | null;
  enabled: boolean;
}

export function emptyForm(): ChannelForm {
  return {
    name: '', kind: 'wecom', webhook: '', secret: '', clearSecret: false, audienceType: 'county', audienceId: null, events: [],
    quiet: false, quietStart: '22:00', quietEnd: '07:00', dailyCap: null, enabled: true,
  };
}

export function formOf(c: NotifyChannel): ChannelForm {
  return {
    ...emptyForm(), name: c.name, kind: c.kind, audienceType: c.audience.type, audienceId: c.audience.id, events: [...c.events],
    quiet: c.quietHours !== null, quietStart: c.quietHours?.start ?? '22:00', quietEnd: c.quietHours?.end ?? '07:00', dailyCap: c.dailyCap, enabled: c.enabled,
  };
}

const common = (f: ChannelForm) => ({
  name: f.name,
  audience: f.audienceType === 'county' ? { type: 'county' as const } : { type: f.audienceType, id: f.audienceId },
  events: f.events,
  quietHours: f.quiet ? { start: f.quietStart, end: f.quietEnd } : null,
  dailyCap: f.dailyCap,
  enabled: f.enabled,
});

/** POST /api/notify/channels */
export function createBody(f: ChannelForm) {
  return { ...common(f), kind: f.kind, webhook: f.webhook.trim(), ...(f.kind === 'dingtalk' && f.secret.trim() ? { secret: f.secret.trim() } : {}) };
}

/** PATCH /api/notify/channels/:id — the webhook and secret only when typed again (or the secret cleared). */
export function patchBody(f: ChannelForm) {
  const secret = f.kind !== 'dingtalk' ? undefined : f.clearSecret ? null : f.secret.trim() || undefined;
  return { ...common(f), ...(f.webhook.trim() ? { webhook: f.webhook.trim() } : {}), ...(secret !== undefined ? { secret } : {}) };
}

/** The kinds a channel takes, for a table cell. */
export function eventsText(events: NoticeKind[]): string {
  if (!events.length || events.length === NOTICE_KINDS.length) return '全部通知';
  return events.map((e) => NOTICE_KIND_LABELS[e]).join('、');
}
