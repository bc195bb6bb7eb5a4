import { describe, expect, it } from 'vitest';
import { channelInput } from '../../../shared/notify.js';
import { fieldErrors } from '../../../shared/schemas.js';
import {
  chinaDayStart, chinaMinuteOfDay, channelTakes, DIGEST_AT, isQuiet, maskWebhook, MAX_ATTEMPTS, planBatches, retryDelaySeconds, routeNotices, type ChannelTarget,
} from '../../../server/domain/notify.js';
import { alertRedNotice, renderMessage, reportDeadlineNotice, testNotice } from '../../../server/domain/notifyMessages.js';
import { remindersDue } from '../../../server/domain/notifySchedule.js';
import { DEFAULT_SETTINGS } from '../../../shared/types.js';

const rows = (...kinds: string[]) => kinds.map((kind, i) => ({ id: i + 1, kind }));
const alert = { id: 7, projectId: 3, project: '白马大桥', unitId: 2, unit: '县城投公司', leader: '李县长', rule: 'investment_behind' as const, severity: 'red' as const, text: '投资完成率落后序时进度35个百分点' };

describe('which channel takes a notice', () => {
  const county: ChannelTarget = { id: 1, audience: { type: 'county', id: null }, events: [] };
  const unit2: ChannelTarget = { id: 2, audience: { type: 'unit', id: 2 }, events: ['alert.red'] };
  const unit3: ChannelTarget = { id: 3, audience: { type: 'unit', id: 3 }, events: [] };
  const lettersOnly: ChannelTarget = { id: 4, audience: { type: 'county', id: null }, events: ['letter.issued'] };

  it('goes to the channels of its audiences that take its kind (none listed: all)', () => {
    const routed = routeNotices([county, unit2, unit3, lettersOnly], [alertRedNotice(alert)]);
    expect(routed.map((r) => r.channelId)).toEqual([1, 2]);
    expect(routed[0]).toMatchObject({ kind: 'alert.red', key: 'alert.red:7' });
    expect(channelTakes(lettersOnly, 'test', [{ type: 'county' }])).toBe(true);
    expect(channelTakes(unit2, 'alert.escalated', [{ type: 'unit', id: 2 }])).toBe(false);
  });
});

describe('planning a channel\u2019s messages', () => {
  it('sends notices one by one, a kind with many at once as one digest', () => {
    expect(planBatches(rows('a', 'b', 'a'), 20)).toEqual([[1], [2], [3]]);
    const many = rows(...Array(DIGEST_AT).fill('alert.red'), 'letter.issued');
    expect(planBatches(many, 20)).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('folds what the allowance leaves into its last message, and sends nothing without one', () => {
    expect(planBatches(rows('a', 'b', 'c', 'd'), 2)).toEqual([[1], [2, 3, 4]]);
    expect(planBatches(rows('a', 'b'), 1)).toEqual([[1, 2]]);
    expect(planBatches(rows('a'), 0)).toEqual([]);
  });
});

describe('retries', () => {
  it('fall within the first minute three times, then up to an hour apart, then give up', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelaySeconds(i + 1));
    // Attempts 1-3 at 0, 5 and 20 s.
    expect((delays[0] ?? 0) + (delays[1] ?? 0)).toBeLessThan(60);
    expect(delays.slice(0, -1).every((d) => d !== null && d <= 3600)).toBe(true);
    expect(delays[MAX_ATTEMPTS - 1]).toBeNull();
    expect(retryDelaySeconds(1, true)).toBe(60);
  });
});

describe('China time, quiet hours and masks', () => {
  it('reads the minute of the day and the day\u2019s start in China', () => {
    expect(chinaMinuteOfDay(new Date('2020-11-20T15:30:00Z'))).toBe(23 * 60 + 30);
    expect(chinaDayStart(new Date('2020-11-20T17:00:00Z')).toISOString()).toBe('2020-11-20T16:00:00.000Z');
    expect(chinaDayStart(new Date('2020-11-20T15:59:00Z')).toISOString()).toBe('2020-11-19T16:00:00.000Z');
  });

  it('keeps quiet inside a window, also one passing midnight', () => {
    const night = { start: '22:00', end: '07:00' };
    expect([21 * 60 + 59, 22 * 60, 0, 6 * 60 + 59, 7 * 60].map((m) => isQuiet(night, m))).toEqual([false, true, true, true, false]);
    expect(isQuiet({ start: '12:00', end: '14:00' }, 13 * 60)).toBe(true);
    expect(isQuiet(null, 0)).toBe(false);
  });

  it('masks a webhook\u2019s key', () => {
    expect(maskWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa'))
      .toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****5aaa');
    expect(maskWebhook('http://10.1.2.3:8080/robot')).toBe('http://10.1.2.3:8080/robot');
  });
});

describe('messages', () => {
  it('renders 企业微信 markdown with the warning colour and the link for the audience', () => {
    const { text } = renderMessage('wecom', 'unit', [alertRedNotice(alert).notice], 'http://10.0.0.5:3000/');
    expect(text).toBe('<font color="warning">**红色预警：白马大桥**</font>\n投资滞后：投资完成率落后序时进度35个百分点\n责任单位：县城投公司\n挂点领导：李县长\n[点击处理](http://10.0.0.5:3000/report/alerts)');
  });

  it('renders 钉钉 markdown with a title and blank lines between lines', () => {
    const m = renderMessage('dingtalk', 'county', [testNotice('县调度群', '2020-11-20 10:00')], 'http://x');
    expect(m.title).toBe('测试消息');
    expect(m.text.split('\n\n')[0]).toBe('### 测试消息');
  });

  it('digests many notices into one summary line each, within the robots\u2019 size limit', () => {
    const notices = Array.from({ length: 300 }, (_, i) => alertRedNotice({ ...alert, id: i, project: `项目${'很长的名字'.repeat(10)}${i}` }).notice);
    const { title, text } = renderMessage('wecom', 'county', notices, 'http://x');
    expect(title).toBe('红色预警300条');
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(3800);
    expect(text.endsWith('[点击处理](http://x/admin/alerts)')).toBe(true);
    const mixed = renderMessage('wecom', 'county', [notices[0], testNotice('群', 'x')], 'http://x');
    expect(mixed.title).toBe('通知汇总（2条）');
  });

  it('lists a unit\u2019s unreported projects, ten at most', () => {
    const n = reportDeadlineNotice({ unitId: 2, month: '2020-10', deadline: '2020-11-05', daysLeft: 2, projects: Array.from({ length: 12 }, (_, i) => `项目${i}`) });
    expect(n.key).toBe('deadline.report:2020-10:unit2:2');
    expect(n.notice.lines[0]).toBe('10月月报须于11月5日前报送，以下12个项目尚未报送：');
    expect(n.notice.lines.at(-1)).toBe('……等12个项目');
  });
});

describe('reminders by the calendar', () => {
  const due = (today: string, hhmm = '09:30') => remindersDue(today, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), [2020], DEFAULT_SETTINGS);

  it('reminds of the report deadline two days and one day before it, from 09:00', () => {
    expect(due('2020-11-03').report).toEqual({ month: '2020-10', deadline: '2020-11-05', daysLeft: 2 });
    expect(due('2020-11-04').report?.daysLeft).toBe(1);
    expect([due('2020-11-02'), due('2020-11-05'), due('2020-11-03', '08:59')].map((d) => d.report)).toEqual([null, null, null]);
    // January reminds of the previous year's December only where the county has that year (after a rollover).
    expect(due('2020-01-03').report).toBeNull();
    expect(remindersDue('2021-01-03', 600, [2020, 2021], DEFAULT_SETTINGS).report).toEqual({ month: '2020-12', deadline: '2021-01-05', daysLeft: 2 });
  });

  it('reminds of the problem cut-offs (3rd, 18th) the day before, and sends digests from 08:00', () => {
    expect(due('2020-11-02').problem).toEqual({ deadline: '2020-11-03', daysLeft: 1 });
    expect(due('2020-11-17').problem).toEqual({ deadline: '2020-11-18', daysLeft: 1 });
    expect(due('2020-11-30').problem).toBeNull();
    expect([due('2020-11-30', '07:59').digest, due('2020-11-30', '08:00').digest]).toEqual([false, true]);
  });
});

describe('channel input', () => {
  it('names each bad field in Chinese', () => {
    const r = channelInput.safeParse({ name: '群', kind: 'wecom', webhook: 'javascript:alert(1)', audience: { type: 'leader' }, events: ['alert.red', 'alert.red'], quietHours: { start: '25:00', end: '07:00' }, dailyCap: 0 });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toMatchObject({
      name: '请填写渠道名称（至少2个字）', webhook: 'Webhook 须为 http(s) 地址', audience: '请选择服务的单位或领导', events: '通知类型不能重复',
      'quietHours.start': '免打扰开始时间须为 HH:MM（如 22:00）', dailyCap: '每日上限须为正整数',
    });
  });
});
