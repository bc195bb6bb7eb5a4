import { describe, expect, it } from 'vitest';
import type { NotifyChannel } from '../../../shared/notify.js';
import { channelInput, channelPatch } from '../../../shared/notify.js';
import { createBody, emptyForm, eventsText, formOf, patchBody } from '../../../screen/apps/console/notify/channelForm.js';

const stored: NotifyChannel = {
  id: 3, name: '城投公司工作群', kind: 'dingtalk', webhookHint: 'https://oapi.dingtalk.com/robot/send?access_token=ab****yz', hasSecret: true,
  audience: { type: 'unit', id: 2, name: '县城投公司' }, events: ['letter.issued'], quietHours: { start: '22:00', end: '07:00' }, dailyCap: 50,
  enabled: true, createdAt: '', updatedAt: '',
};

describe('the 通知渠道 form', () => {
  it('creates a channel the server schema accepts, the secret only for 钉钉', () => {
    const f = { ...emptyForm(), name: '县调度群', webhook: ' https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k ', secret: 'SECleft-over' };
    const body = createBody(f);
    expect(body).toEqual({
      name: '县调度群', kind: 'wecom', webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', audience: { type: 'county' }, events: [],
      quietHours: null, dailyCap: null, enabled: true,
    });
    expect(channelInput.safeParse(body).success).toBe(true);
    expect(createBody({ ...f, kind: 'dingtalk' }).secret).toBe('SECleft-over');
  });

  it('changes a channel without sending the webhook or secret unless typed again or cleared', () => {
    const f = formOf(stored);
    expect(f).toMatchObject({ audienceType: 'unit', audienceId: 2, quiet: true, dailyCap: 50, webhook: '', secret: '' });
    const body = patchBody({ ...f, quiet: false });
    expect(body).not.toHaveProperty('webhook');
    expect(body).not.toHaveProperty('secret');
    expect(body).toMatchObject({ quietHours: null, audience: { type: 'unit', id: 2 } });
    expect(channelPatch.safeParse(body).success).toBe(true);
    expect(patchBody({ ...f, clearSecret: true }).secret).toBeNull();
    expect(patchBody({ ...f, secret: 'SECnew-secret' }).secret).toBe('SECnew-secret');
  });

  it('names the kinds a channel takes', () => {
    expect(eventsText([])).toBe('全部通知');
    expect(eventsText(['alert.red', 'deadline.report'])).toBe('红色预警、月报截止提醒');
  });
});
