// 通知渠道 end to end: channels over HTTP, each kind of notice written by the change causing it, and
// the worker posting to a local fake 企业微信 / 钉钉 robot — retries, rate limit, quiet hours, digests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { letterNotice } from '../../server/domain/notifyMessages.js';
import { refreshCampaign } from '../../server/services/change.js';
import { enqueue } from '../../server/services/notifyEnqueue.js';
import { runSchedule } from '../../server/services/notifySchedule.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { startFakeRobot, type FakeRobot } from './fakeRobot.js';
import { dayClock } from '../../shared/dates.js';
import { backends, client, startHarness, userClient, type Client, type Harness } from './harness.js';

const T0 = new Date('2020-11-20T02:00:00.000Z'); // 10:00 in China

describe.each(backends())('work-chat notices on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client;
  let robot: FakeRobot;
  let now = T0;
  const ids = { gongxin: 0, chengtou: 0, li: 0, wang: 0 };
  const projectIds: Record<string, number> = {};

  beforeAll(async () => {
    robot = await startFakeRobot();
    h = await startHarness({ backend, seed: smallLedger(), clock: () => now, notify: { timeoutMs: 3_000, publicUrl: 'http://xmdd.test' } });
    admin = client(h, await h.login());
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    const units = (await admin.get('/api/units')).body as { id: number; name: string }[];
    const leaders = (await admin.get('/api/leaders')).body as { id: number; name: string }[];
    ids.gongxin = units.find((u) => u.name === '县工信局')!.id;
    ids.chengtou = units.find((u) => u.name === '县城投公司')!.id;
    ids.li = leaders.find((l) => l.name === '李县长')!.id;
    ids.wang = leaders.find((l) => l.name === '王常务')!.id;
    for (const p of (await admin.get('/api/projects')).body) projectIds[p.name] = p.id;
  });
  afterAll(async () => {
    await h.close();
    await robot.close();
  });
  afterEach(async () => {
    now = T0;
    for (const c of (await admin.get('/api/notify/channels')).body) expect((await admin.del(`/api/notify/channels/${c.id}`)).status).toBe(204);
  });

  const channel = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/notify/channels', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; hasSecret: boolean; webhookHint: string };
  };
  const wecom = (key: string, audience: object, events: string[] = [], extra = {}) =>
    channel({ name: `企业微信${key}`, kind: 'wecom', webhook: robot.wecom(key), audience, events, ...extra });
  const send = (at = now) => {
    now = at;
    return h.app.notify.sendDue(at);
  };
  const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const outbox = async (query = '') => (await admin.get(`/api/notify/outbox${query}`)).body as any[];
  /** The product's date moves on (same time of day), and the rules re-run as at a day's turn. */
  const setToday = async (day: string) => {
    now = dayClock(day, () => now)();
    await refreshCampaign(h.app.deps);
  };

  it('keeps channels for staff only, with the webhook masked and the secret never shown again', async () => {
    const bad = await admin.post('/api/notify/channels', { name: 'x', kind: 'slack', webhook: 'ftp://robot', audience: { type: 'unit' } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['audience', 'kind', 'name', 'webhook']);
    expect(bad.body.error.fields.webhook).toBe('Webhook 须为 http(s) 地址');
    const wecomSecret = await admin.post('/api/notify/channels', { name: '县调度群', kind: 'wecom', webhook: robot.wecom('k'), secret: 'SEC12345678', audience: { type: 'county' } });
    expect(wecomSecret.body.error.fields.secret).toBe('企业微信群机器人无需加签密钥');
    const noUnit = await admin.post('/api/notify/channels', { name: '某单位群', kind: 'wecom', webhook: robot.wecom('k'), audience: { type: 'unit', id: 999_999 } });
    expect(noUnit.body.error.fields.audience).toBe('所选单位不存在');
    expect((await admin.get('/api/notify/outbox?state=lost')).status).toBe(422);
    expect((await unit.get('/api/notify/channels')).status).toBe(403);
    expect((await unit.post('/api/notify/channels', {})).status).toBe(403);

    const created = await channel({
      name: '城投公司工作群', kind: 'dingtalk', webhook: robot.dingtalk('token-1234567890', 'SECsecret-abcdefg'), secret: 'SECsecret-abcdefg',
      audience: { type: 'unit', id: ids.chengtou }, events: ['letter.issued', 'report.returned'], quietHours: { start: '22:00', end: '07:00' }, dailyCap: 30,
    });
    expect(created).toMatchObject({
      kind: 'dingtalk', hasSecret: true, audience: { type: 'unit', id: ids.chengtou, name: '县城投公司' }, events: ['letter.issued', 'report.returned'],
      quietHours: { start: '22:00', end: '07:00' }, dailyCap: 30, enabled: true,
    });
    expect(created.webhookHint).toBe(`${robot.url}/robot/send?access_token=toke****7890`);
    const everything = JSON.stringify([(await admin.get('/api/notify/channels')).body, await h.db.query('SELECT * FROM notify_channels'), await h.db.query("SELECT * FROM audit_log WHERE entity = 'notify_channel'")]);
    expect(everything).not.toContain('SECsecret');
    expect(everything).not.toContain('token-1234567890');
    expect(await h.db.query("SELECT action FROM audit_log WHERE entity = 'notify_channel'")).toEqual([{ action: 'notify.channel.create' }]);

    const patched = await admin.patch(`/api/notify/channels/${created.id}`, { secret: null, events: [], dailyCap: null });
    expect(patched.body).toMatchObject({ hasSecret: false, events: [], dailyCap: null, name: '城投公司工作群' });
    expect((await admin.patch(`/api/notify/channels/${created.id}`, { events: ['alert.blue'] })).status).toBe(422);
    expect((await admin.patch(`/api/notify/channels/${created.id}`, {})).status).toBe(422);
    expect((await admin.del(`/api/notify/channels/${created.id}`)).status).toBe(204);
    expect((await admin.patch(`/api/notify/channels/${created.id}`, { name: '已删除的群' })).status).toBe(404);
    expect((await admin.post(`/api/notify/channels/${created.id}/test`)).status).toBe(404);
    expect((await admin.get('/api/notify/channels')).body).toEqual([]);
  });

  it('sends a test message through the outbox to both robots, the 钉钉 one signed', async () => {
    const wx = await wecom('wx-test', { type: 'county' });
    const dd = await channel({ name: '钉钉县调度群', kind: 'dingtalk', webhook: robot.dingtalk('dd-test', 'SECright-secret'), secret: 'SECright-secret', audience: { type: 'county' } });
    const wrong = await channel({ name: '钉钉签名错误', kind: 'dingtalk', webhook: robot.dingtalk('dd-bad', 'SECright-secret'), secret: 'SECwrong-secret', audience: { type: 'county' } });
    for (const c of [wx, dd, wrong]) expect((await admin.post(`/api/notify/channels/${c.id}/test`)).body).toMatchObject({ channelId: c.id, state: 'pending' });
    expect((await outbox()).slice(0, 3).map((o) => [o.kind, o.state, o.title])).toEqual(Array(3).fill(['test', 'pending', '测试消息']));

    expect(await send()).toMatchObject({ messages: 2, sent: 2, failedMessages: 1 });
    const [w] = robot.taken('wx-test');
    expect(w.body.msgtype).toBe('markdown');
    expect(w.body.markdown.content).toContain('### 测试消息');
    expect(w.body.markdown.content).toContain('[点击处理](http://xmdd.test/admin/notify)');
    const [d] = robot.taken('dd-test');
    expect(d.body.markdown.title).toBe('测试消息');
    expect(d.body.markdown.text).toContain('「钉钉县调度群」已接入项目调度指挥平台');
    const failed = (await outbox(`?channelId=${wrong.id}`))[0];
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, lastError: '钉钉返回错误 310000：sign not match' });
    expect((await outbox(`?channelId=${wx.id}&state=sent`))[0]).toMatchObject({ channel: '企业微信wx-test', attempts: 1 });
  });

  it('tells the county group and the unit of a new red alert, and the leader of an escalation to them, once each', async () => {
    await wecom('county', { type: 'county' });
    await wecom('chengtou', { type: 'unit', id: ids.chengtou }, ['alert.red', 'alert.escalated']);
    await wecom('wang', { type: 'leader', id: ids.wang });
    await wecom('gongxin', { type: 'unit', id: ids.gongxin });
    // 城区中学 planned to start in June and has not: 开工逾期, red.
    const school = (await admin.get(`/api/projects/${projectIds['城区中学']}`)).body;
    expect((await admin.patch(`/api/projects/${school.id}`, { rowVersion: school.rowVersion, plannedStart: '2020-06-01' })).status).toBe(200);
    expect(await send()).toMatchObject({ messages: 2 });
    for (const key of ['county', 'chengtou']) {
      const [m] = robot.taken(key);
      expect(m.text).toContain('<font color="warning">**红色预警：城区中学**</font>');
      expect(m.text).toContain('开工逾期：计划2020-06-01开工，已逾期172天未开工');
    }
    expect(robot.taken('county')[0].text).toContain('http://xmdd.test/admin/alerts');
    expect(robot.taken('chengtou')[0].text).toContain('http://xmdd.test/report/alerts');

    const bridge = ((await admin.get('/api/alerts')).body as any[]).find((a) => a.project === '白马大桥' && a.rule === 'investment_behind');
    expect((await admin.post(`/api/alerts/${bridge.id}/escalate`, { reason: '多次督促仍未整改' })).status).toBe(200);
    expect(await send()).toMatchObject({ messages: 3 });
    const [toWang] = robot.taken('wang');
    expect(toWang.text).toContain('预警提级：白马大桥');
    expect(toWang.text).toContain('已提级至常务副县长调度');
    expect(toWang.text).toContain('http://xmdd.test/leader');
    // The rules re-running find nothing new to tell.
    await refreshCampaign(h.app.deps);
    expect(await send(later(60))).toMatchObject({ messages: 0 });
    expect(robot.taken('gongxin')).toEqual([]);
  });

  it('sends a unit its letters and its returned reports, with the 文号, deadline and reason', async () => {
    await channel({ name: '城投公司钉钉群', kind: 'dingtalk', webhook: robot.dingtalk('ct-letters', 'SECletters-secret'), secret: 'SECletters-secret', audience: { type: 'unit', id: ids.chengtou }, events: ['letter.issued', 'report.returned'] });
    const letter = await admin.post('/api/letters', { unitId: ids.chengtou, kind: 'warning' });
    expect(letter.status).toBe(201);
    const filed = await unit.post(`/api/projects/${projectIds['白马大桥']}/reports`, { month: '2020-11', investment: '50', progress: '桥面施工' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await admin.post(`/api/reports/${filed.body.id}/return`, { reason: '投资额与形象进度不符，请核实' })).status).toBe(200);

    expect(await send()).toMatchObject({ messages: 2 });
    const [l, r] = robot.taken('ct-letters');
    expect(l.body.markdown.title).toBe(`预警提示函：${letter.body.docNumber}`);
    expect(l.text).toContain(`整改期限：${letter.body.deadline}`);
    expect(l.text).toContain('\n\n'); // 钉钉 breaks lines on blank lines
    expect(r.body.markdown.title).toBe('月报退回：白马大桥');
    expect(r.text).toContain('退回原因：投资额与形象进度不符，请核实');
    expect(r.text).toContain(`http://xmdd.test/report/${projectIds['白马大桥']}`);
  });

  it('tells the lead unit and the linked leaders of a problem assigned, overdue, and flagged for 通报批评', async () => {
    await wecom('p-gongxin', { type: 'unit', id: ids.gongxin });
    await wecom('p-chengtou', { type: 'unit', id: ids.chengtou }, ['problem.assigned', 'problem.overdue', 'problem.flagged']);
    await wecom('p-li', { type: 'leader', id: ids.li }, ['problem.assigned', 'problem.overdue', 'problem.flagged']);
    await wecom('p-county', { type: 'county' }, ['problem.flagged']);
    const raised = await unit.post(`/api/projects/${projectIds['白马大桥']}/problems`, { category: '用地保障', description: '桥头引道用地尚未报批' });
    expect(raised.status).toBe(201);
    const pid = raised.body.id;
    expect((await admin.post(`/api/problems/${pid}/actions`, { action: 'accept', coordinatingUnit: '县工信局', dueOn: '2020-11-25' })).status).toBe(200);
    expect(await send()).toMatchObject({ messages: 3 });
    for (const key of ['p-gongxin', 'p-chengtou', 'p-li']) {
      expect(robot.taken(key).map((m) => m.text)).toEqual([expect.stringContaining('问题交办：白马大桥')]);
    }
    expect(robot.taken('p-li')[0].text).toContain('牵头协调单位：县工信局');
    expect(robot.taken('p-li')[0].text).toContain('协调期限：2020-11-25');

    try {
      await setToday('2020-11-30');
      expect(await send(later(60))).toMatchObject({ messages: 3 });
      expect(robot.taken('p-chengtou')[1].text).toContain('协调期限：2020-11-25，已逾期5天');
      // Two held meetings with the problem still open: 通报批评, to the county group too.
      for (const heldOn of ['2020-11-26', '2020-11-27']) {
        const meeting = await admin.post('/api/meetings', { kind: 'joint', title: `部门联席会${heldOn}`, heldOn, chair: '王常务' });
        expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
        expect((await admin.put(`/api/meetings/${meeting.body.id}/agenda`, { problemIds: [pid] })).status).toBe(200);
        expect((await admin.post(`/api/meetings/${meeting.body.id}/held`)).status).toBe(200);
      }
      expect(await send(later(60))).toMatchObject({ messages: 4 });
      expect(robot.taken('p-county').map((m) => m.text)).toEqual([expect.stringContaining('通报批评：白马大桥')]);
      expect(robot.taken('p-li')[2].text).toContain('经两次调度会协调仍未解决');
      // The meeting decides a new owner and deadline: assigned again.
      const meetings = (await admin.get('/api/meetings')).body as { id: number }[];
      const decided = await admin.post(`/api/meetings/${meetings.at(-1)!.id}/decisions`, { problemId: pid, decision: '由县城投公司完成用地报批', owner: '县城投公司', deadline: '2020-12-10' });
      expect(decided.status).toBe(200);
      expect(await send(later(60))).toMatchObject({ messages: 2 }); // the lead unit is now the project's own
      expect(robot.taken('p-li')[3].text).toContain('牵头协调单位：县城投公司');
      await refreshCampaign(h.app.deps);
      expect(await send(later(60))).toMatchObject({ messages: 0 });
    } finally {
      await setToday('2020-11-20');
    }
  });

  it('reminds units with missing reports two days and one day before the 5th, everyone before a problem cut-off, and sends leaders their morning digest', async () => {
    await wecom('d-chengtou', { type: 'unit', id: ids.chengtou }, ['deadline.report', 'deadline.problem']);
    await wecom('d-county', { type: 'county' }, ['deadline.report', 'deadline.problem']);
    await wecom('d-li', { type: 'leader', id: ids.li }, ['digest.leader']);
    try {
      await setToday('2020-12-02');
      // 07:00 on the 2nd: 新材料产业园 (李县长's) reports November; nothing is due yet.
      now = new Date('2020-12-01T23:00:00.000Z');
      expect((await admin.post(`/api/projects/${projectIds['新材料产业园']}/reports`, { month: '2020-11', investment: '100', progress: '设备安装' })).status).toBe(201);
      expect(await h.app.notify.schedule(now)).toBe(0);
      // 08:30: the morning digest.
      now = new Date('2020-12-02T00:30:00.000Z');
      expect(await h.app.notify.schedule(now)).toBe(1);
      await send();
      const [digest] = robot.taken('d-li');
      expect(digest.text).toContain('李县长挂点项目晨报（12月2日）');
      expect(digest.text).toContain('新材料产业园');
      expect(digest.text).toMatch(/挂点项目3个；未销号预警\d+条/);
      // 09:30: the problem cut-off is tomorrow (the 3rd).
      now = new Date('2020-12-02T01:30:00.000Z');
      expect(await h.app.notify.schedule(now)).toBe(2);
      await send();
      expect(robot.taken('d-chengtou').map((m) => m.text)).toEqual([expect.stringContaining('问题报送截止提醒：12月3日')]);

      await setToday('2020-12-03');
      now = new Date('2020-12-03T01:30:00.000Z');
      expect(await h.app.notify.schedule(now)).toBe(3); // and 李县长's digest of the 3rd
      // Another process (its own memory) at the same time writes nothing again.
      expect(await runSchedule(h.app.deps, now)).toBe(0);
      await send();
      const twoDays = robot.taken('d-chengtou')[1].text;
      expect(twoDays).toContain('月报截止提醒：还有2天');
      expect(twoDays).toContain('11月月报须于12月5日前报送，以下1个项目尚未报送');
      expect(twoDays).toContain('白马大桥');
      expect(robot.taken('d-county')[1].text).toContain('月报截止提醒：1个单位尚未报齐');

      await setToday('2020-12-04');
      now = new Date('2020-12-04T01:30:00.000Z');
      expect(await h.app.notify.schedule(now)).toBe(3);
      await send();
      expect(robot.taken('d-chengtou')[2].text).toContain('月报截止提醒：还有1天');
    } finally {
      await setToday('2020-11-20');
    }
  });

  it('sends one summary for a bulk import instead of a message per alert', async () => {
    const county = await wecom('bulk', { type: 'county' }, ['alert.red']);
    const n = 30;
    const ledger = '项目名称,领域,责任单位,总投资（万元）,年度计划投资（万元）,计划开工时间,计划竣工时间\r\n' +
      Array.from({ length: n }, (_, i) => `批量项目${i + 1},工业,县工信局,1000,100,2020.3,2022.12`).join('\r\n');
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=0`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie: (await h.login()) }, body: ledger });
    expect(res.status).toBe(201);
    // Each new project is red twice: 开工逾期 and 投资滞后.
    expect(await send()).toMatchObject({ messages: 1, sent: 2 * n });
    const [m] = robot.taken('bulk');
    expect(m.text).toContain(`红色预警${2 * n}条`);
    expect(m.text).toContain('· 红色预警：批量项目1');
    expect(m.text).toContain(`……另有${2 * n - 20}条`);
    expect((await outbox(`?channelId=${county.id}&state=sent`))).toHaveLength(2 * n);
  });

  it('retries after errors and timeouts, the first three attempts within a minute, then gives up with the error shown', async () => {
    const flaky = await wecom('flaky', { type: 'county' });
    robot.script('flaky', 'http500', 'errcode', 'hang');
    await admin.post(`/api/notify/channels/${flaky.id}/test`);
    const t0 = now;
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const state = async () => (await outbox(`?channelId=${flaky.id}`))[0];

    expect(await send(at(0))).toMatchObject({ failedMessages: 1 });
    expect(await state()).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 500'), nextAt: at(5).toISOString() });
    expect(await send(at(4))).toMatchObject({ messages: 0, failedMessages: 0 });
    await send(at(5));
    expect(await state()).toMatchObject({ attempts: 2, lastError: '企业微信返回错误 93000：invalid webhook url', nextAt: at(20).toISOString() });
    await send(at(20));
    expect(await state()).toMatchObject({ attempts: 3, lastError: '机器人无响应（等待3秒超时）', nextAt: at(65).toISOString() });
    expect(await send(at(65))).toMatchObject({ messages: 1 });
    expect(await state()).toMatchObject({ state: 'sent', attempts: 4, lastError: null });
    expect(robot.requests.filter((r) => r.id === 'flaky').map((r) => r.answer)).toEqual(['http500', 'errcode', 'hang', 'ok']);

    // A robot that keeps failing: tried again up to an hour apart, then 失败 with its error.
    const dead = await wecom('dead', { type: 'county' });
    robot.script('dead', ...Array(20).fill('http500'));
    await admin.post(`/api/notify/channels/${dead.id}/test`);
    const gaps: number[] = [];
    for (let entry = (await outbox(`?channelId=${dead.id}`))[0]; entry.state === 'pending'; entry = (await outbox(`?channelId=${dead.id}`))[0]) {
      gaps.push((Date.parse(entry.nextAt) - now.getTime()) / 1000);
      await send(new Date(entry.nextAt));
    }
    expect(gaps.slice(1)).toEqual([5, 15, 45, 120, 300, 900, 1800, 3600, 3600, 3600, 3600]);
    expect((await outbox('?state=failed')).find((o) => o.channelId === dead.id)).toMatchObject({ attempts: 12, lastError: expect.stringContaining('HTTP 500') });

    // Rate limited by the robot (45009): left a minute.
    const busy = await wecom('busy', { type: 'county' });
    robot.script('busy', 'rate');
    await admin.post(`/api/notify/channels/${busy.id}/test`);
    await send();
    const waiting = (await outbox(`?channelId=${busy.id}`))[0];
    expect(waiting.lastError).toContain('45009');
    expect(Date.parse(waiting.nextAt) - now.getTime()).toBe(60_000);
  });

  it('holds each robot to 20 messages a minute', async () => {
    const c = await wecom('rate20', { type: 'county' });
    for (let i = 0; i < 22; i++) {
      await admin.post(`/api/notify/channels/${c.id}/test`);
      await send();
    }
    expect(robot.taken('rate20')).toHaveLength(20);
    expect(await outbox(`?channelId=${c.id}&state=pending`)).toHaveLength(2);
    expect(await send(later(61))).toMatchObject({ messages: 2 });
    expect(robot.taken('rate20')).toHaveLength(22);
  });

  it('keeps quiet hours and a daily cap, and folds what the cap leaves into the last message', async () => {
    const c = await wecom('quiet', { type: 'unit', id: ids.chengtou }, [], { quietHours: { start: '22:00', end: '07:00' }, dailyCap: 2 });
    const letters = (from: number, count: number) => h.db.tx((q) => enqueue(q, ['letter.issued'], now, async () =>
      Array.from({ length: count }, (_, i) => letterNotice({ id: 9000 + from + i, kind: 'warning', docNumber: `重推预字〔2020〕${from + i}号`, title: '预警提示函', unitId: ids.chengtou, deadline: '2020-12-01', projects: 1 })),
    ));
    now = new Date('2020-11-20T15:00:00.000Z'); // 23:00
    expect(await letters(1, 3)).toBe(3);
    expect(await send()).toMatchObject({ messages: 0 });
    await admin.post(`/api/notify/channels/${c.id}/test`);
    expect(await send()).toMatchObject({ messages: 1, sent: 1 }); // a test message is not held
    // 07:30 the next day: the cap is 2, so the second message carries the other two letters.
    expect(await send(new Date('2020-11-20T23:30:00.000Z'))).toMatchObject({ messages: 2, sent: 3 });
    expect(robot.taken('quiet')[2].text).toContain('函件下发2条');
    expect(await letters(4, 1)).toBe(1);
    expect(await send(later(120))).toMatchObject({ messages: 0 });
    expect(await send(new Date('2020-11-21T16:00:00.000Z'))).toMatchObject({ messages: 0 }); // midnight: quiet again
    expect(await send(new Date('2020-11-21T23:10:00.000Z'))).toMatchObject({ messages: 1 }); // 07:10, a new day
  });
});
