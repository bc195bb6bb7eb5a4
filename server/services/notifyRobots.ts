// The two robots' webhooks: 企业微信群机器人 (markdown content) and 钉钉自定义机器人 (markdown with 加签).
import { createHmac } from 'node:crypto';
import type { ChannelKind } from '../../shared/notify.js';

export type RobotResult = { ok: true } | { ok: false; error: string; rateLimited: boolean };

/** 钉钉加签: HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, base64 (URL-encoded by the caller). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** The webhook URL to post to: 钉钉 with a secret gets &timestamp=…&sign=… (the robot allows an hour of clock skew). */
export function signedUrl(kind: ChannelKind, webhook: string, secret: string | null, timestamp: number): string {
  if (kind !== 'dingtalk' || !secret) return webhook;
  const sign = encodeURIComponent(dingtalkSign(secret, timestamp));
  return `${webhook}${webhook.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
}

/** 45009 (企业微信) and 130101 (钉钉): more than 20 messages a minute. */
const RATE_LIMITED = new Set([45009, 130101]);
const ROBOT = { wecom: '企业微信', dingtalk: '钉钉' } as const;

export async function postToRobot(
  kind: ChannelKind,
  webhook: string,
  secret: string | null,
  message: { title: string; text: string },
  timeoutMs: number,
): Promise<RobotResult> {
  const body = kind === 'wecom'
    ? { msgtype: 'markdown', markdown: { content: message.text } }
    : { msgtype: 'markdown', markdown: { title: message.title, text: message.text } };
  let res: Response;
  try {
    res = await fetch(signedUrl(kind, webhook, secret, Date.now()), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, error: `机器人无响应（等待${timeoutMs / 1000}秒超时）`, rateLimited: false };
    return { ok: false, error: `无法连接机器人：${e.cause?.code ?? e.message}`, rateLimited: false };
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) return { ok: false, error: `机器人返回 HTTP ${res.status}${text ? `：${text.slice(0, 200)}` : ''}`, rateLimited: res.status === 429 };
  let data: { errcode?: unknown; errmsg?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return { ok: false, error: `机器人返回内容无法识别：${text.slice(0, 200)}`, rateLimited: false };
  }
  if (data.errcode === 0) return { ok: true };
  const code = typeof data.errcode === 'number' ? data.errcode : NaN;
  return { ok: false, error: `${ROBOT[kind]}返回错误 ${String(data.errcode)}：${String(data.errmsg ?? '')}`.slice(0, 500), rateLimited: RATE_LIMITED.has(code) };
}
