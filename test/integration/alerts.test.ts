// 预警 → 情况说明 → 预警提示函 → 督办函 → 分级调度, and the 月通报, over HTTP against the real store.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { refreshCampaign } from '../../server/services/change.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

const START = new Date('2020-11-20T02:00:00.000Z');
let now = START;

describe.each(backends())('alerts, letters and bulletins on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client;
  let otherUnit: Client;
  let adminCookie: string;
  let chengtou: number;

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), clock: () => now });
    adminCookie = await h.login();
    admin = client(h, adminCookie);
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    otherUnit = (await userClient(h, admin, { username: 'gongxin', role: 'unit', unit: '县工信局' })).client;
    chengtou = (await admin.get('/api/units')).body.find((u: any) => u.name === '县城投公司').id;
  });
  afterAll(() => h.close());

  const alertsOf = async (c: Client) => (await c.get('/api/alerts')).body as any[];
  const bridgeAlert = async () => (await alertsOf(admin)).find((a) => a.project === '白马大桥' && a.rule === 'investment_behind');

  it('publishes the month bulletin with the snapshot numbers, as JSON, .docx and .xlsx', async () => {
    const snap = (await admin.get('/api/snapshot')).body;
    const bulletin = (await admin.get('/api/bulletins/2020-10')).body;
    expect(bulletin.totals).toEqual(snap.totals);
    expect(bulletin.ranking).toEqual(snap.ranking);
    expect(bulletin.lagging.map((l: any) => l.project)).toEqual(snap.lagging.map((l: any) => l.project));
    expect(bulletin.title).toBe('测试县2020年10月重点项目推进情况通报');

    const docx = await admin.raw('/api/bulletins/2020-10.docx');
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
    for (const r of snap.ranking) expect(xml).toContain(r.unit);
    expect(xml).toContain('白马大桥');

    const xlsx = await admin.raw('/api/bulletins/2020-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    const cells = (name: string) => {
      const out: unknown[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(c.value)));
      return out;
    };
    // Completed investment in 万元, exactly as the snapshot has it in yuan.
    expect(cells('总体情况')).toContain(snap.totals.completed / 10_000);
    const ranking = cells('单位排名');
    for (const r of snap.ranking) expect(ranking).toContain(r.unit);

    expect((await admin.get('/api/bulletins/2020-12')).status).toBe(422);
    expect((await admin.get('/api/bulletins/2020-13')).status).toBe(422);
    expect((await unit.get('/api/bulletins/2020-10')).status).toBe(403);
  });

  it('shows a unit its own alerts only', async () => {
    const mine = await alertsOf(unit);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.unit === '县城投公司')).toBe(true);
    const bridge = await bridgeAlert();
    expect(bridge).toMatchObject({ severity: 'red', state: 'raised', level: 1, leader: '李县长' });
    expect((await otherUnit.get(`/api/alerts/${bridge.id}`)).status).toBe(403);
    expect((await admin.get('/api/alerts/99999999999')).status).toBe(422);
    expect((await admin.raw('/api/letters/99999999999.docx')).status).toBe(422);
  });

  it('takes the unit\u2019s explanation on its own alert, audited, and refuses others', async () => {
    const bridge = await bridgeAlert();
    expect((await otherUnit.post(`/api/alerts/${bridge.id}/acknowledge`, { text: '不是本单位的项目呢' })).status).toBe(403);
    const short = await unit.post(`/api/alerts/${bridge.id}/acknowledge`, { text: '知道' });
    expect(short.status).toBe(422);
    expect(short.body.error.fields.text).toMatch(/至少5字/);
    expect((await bridgeAlert()).acknowledgement).toBeNull();

    const wall = await h.socket({ cookie: adminCookie });
    await next(wall, 'snapshot');
    const updated = next(wall, 'alert:updated');
    const res = await unit.post(`/api/alerts/${bridge.id}/acknowledge`, { text: '桩基施工遇岩溶地质，已调整施工方案，12月追回进度' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'chengtou' });
    // Walls and tablets learn of it without waiting for the next snapshot.
    expect((await updated).alert).toMatchObject({ id: bridge.id, state: 'acknowledged' });
    wall.disconnect();
    const audit = (await admin.get('/api/audit')).body;
    expect(JSON.stringify(audit)).toContain('alert.acknowledge');
  });

  it('issues a numbered 预警提示函, recorded on the alerts, as a .docx', async () => {
    expect((await unit.post('/api/letters', { kind: 'warning', unitId: chengtou })).status).toBe(403);
    expect((await admin.post('/api/letters', { kind: 'notice', unitId: chengtou })).status).toBe(422);
    const none = await admin.post('/api/letters', { kind: 'warning', unitId: 99_999 });
    expect(none.status).toBe(422);

    const res = await admin.post('/api/letters', { kind: 'warning', unitId: chengtou });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'warning', docNumber: '重推预字〔2020〕1号', unit: '县城投公司', issuedOn: '2020-11-20', deadline: '2020-11-30' });
    const again = await admin.post('/api/letters', { kind: 'warning', unitId: chengtou });
    expect(again.body.docNumber).toBe('重推预字〔2020〕2号');

    const bridge = await bridgeAlert();
    expect(bridge).toMatchObject({ state: 'letter_issued', letterNumber: '重推预字〔2020〕2号' });

    const file = await admin.raw(`/api/letters/${res.body.id}.docx`);
    expect(file.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await file.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('重推预字〔2020〕1号');
    expect(xml).toContain('县城投公司');
    expect(xml).toContain('白马大桥');
    // A unit may download the letters addressed to it, not another unit's.
    expect((await unit.raw(`/api/letters/${res.body.id}.docx`)).status).toBe(200);
    expect((await otherUnit.raw(`/api/letters/${res.body.id}.docx`)).status).toBe(403);
  });

  it('issues a 督办函 only once a warning letter\u2019s deadline has passed, citing those letters', async () => {
    const early = await admin.post('/api/letters', { kind: 'supervision', unitId: chengtou });
    expect(early.status).toBe(422);
    expect(early.body.error.fields.kind).toContain('整改期限届满');

    // Ten days on: both warnings (deadline 2020-11-30) have expired and the bridge still lags.
    now = new Date('2020-12-01T02:00:00.000Z');
    try {
      const res = await admin.post('/api/letters', { kind: 'supervision', unitId: chengtou });
      expect(res.status).toBe(201);
      expect(res.body.docNumber).toBe('重推督字〔2020〕1号');
      const file = await admin.raw(`/api/letters/${res.body.id}.docx`);
      const xml = await (await JSZip.loadAsync(Buffer.from(await file.arrayBuffer()))).file('word/document.xml')!.async('string');
      expect(xml).toContain('督办函');
      expect(xml).toContain('重推预字〔2020〕1号');
      // The unit explained the bridge's alert, so the letter says so rather than that it never answered.
      expect(xml).toContain('虽已报送情况说明');
      const letters = (await admin.get('/api/letters')).body;
      expect(letters.map((l: any) => l.docNumber)).toEqual(expect.arrayContaining(['重推预字〔2020〕1号', '重推督字〔2020〕1号']));
    } finally {
      now = START;
    }
  });

  it('lists in a 督办函 only the cited warnings\u2019 still-open alerts, its table and reasons as of one month end', async () => {
    const warnings = ((await admin.get('/api/letters')).body as any[]).filter((l) => l.kind === 'warning' && l.unitId === chengtou);
    const cited = new Set(warnings.flatMap((l) => l.alertIds as number[]));
    // December 7th: November's reports are overdue, so new alerts are raised after the warnings were issued.
    now = new Date('2020-12-07T02:00:00.000Z');
    try {
      await refreshCampaign(h.app.deps);
      const open = (await alertsOf(admin)).filter((a) => a.unitId === chengtou);
      expect(open.some((a) => !cited.has(a.id))).toBe(true);

      const res = await admin.post('/api/letters', { kind: 'supervision', unitId: chengtou });
      expect(res.status).toBe(201);
      expect(res.body.alertIds.length).toBeGreaterThan(0);
      expect(res.body.alertIds.every((id: number) => cited.has(id))).toBe(true);
      expect(new Set(res.body.alertIds)).toEqual(new Set(open.filter((a) => cited.has(a.id)).map((a) => a.id)));
      // November is the month the rules hold projects to on Dec 7: the table, the reasons and 截至 say so.
      expect(res.body.month).toBe('2020-11');
      const xml = await (await JSZip.loadAsync(Buffer.from(await (await admin.raw(`/api/letters/${res.body.id}.docx`)).arrayBuffer()))).file('word/document.xml')!.async('string');
      expect(xml).toContain('截至2020年11月底');
      const reason = /低于序时进度(\d+\.\d)%/.exec(xml);
      expect(reason).not.toBeNull();
      expect(xml).toContain(`>${reason![1]}%<`);

      // A chosen alert no expired warning covers is refused.
      const uncovered = open.find((a) => !cited.has(a.id))!;
      const refused = await admin.post('/api/letters', { kind: 'supervision', unitId: chengtou, alertIds: [uncovered.id] });
      expect(refused.status).toBe(422);
    } finally {
      now = START;
      await refreshCampaign(h.app.deps);
    }
  });

  it('escalates 挂点领导 → 常务副县长 → 县长, each level with its queue', async () => {
    const county = await admin.post('/api/users', {
      username: 'xianzhang', displayName: '李县长', role: 'leader', password: 'xianzhang-password',
      leaderId: (await admin.get('/api/leaders')).body.find((l: any) => l.name === '李县长').id,
    });
    expect(county.status).toBe(201);
    const leader = client(h, await h.login('xianzhang', 'xianzhang-password'));
    const bridge = await bridgeAlert();
    expect((await leader.get('/api/alerts/queue')).body.level).toBe(3);
    expect((await leader.get('/api/alerts/queue')).body.alerts.map((a: any) => a.id)).not.toContain(bridge.id);

    expect((await unit.post(`/api/alerts/${bridge.id}/escalate`, { reason: '不配合' })).status).toBe(403);
    expect((await admin.post(`/api/alerts/${bridge.id}/escalate`, {})).status).toBe(422);
    const two = await admin.post(`/api/alerts/${bridge.id}/escalate`, { reason: '挂点领导调度后仍滞后' });
    expect(two.body.level).toBe(2);
    const three = await admin.post(`/api/alerts/${bridge.id}/escalate`, { reason: '常务副县长调度后仍滞后' });
    expect(three.body.level).toBe(3);
    expect((await admin.post(`/api/alerts/${bridge.id}/escalate`, { reason: '再提级' })).status).toBe(409);

    expect((await leader.get('/api/alerts/queue')).body.alerts.map((a: any) => a.id)).toContain(bridge.id);
    const detail = (await admin.get(`/api/alerts/${bridge.id}`)).body;
    expect(detail.escalations.map((e: any) => [e.fromLevel, e.toLevel, e.reason])).toEqual([
      [1, 2, '挂点领导调度后仍滞后'],
      [2, 3, '常务副县长调度后仍滞后'],
    ]);
  });

  it('re-runs the rules when staff change the thresholds, and refuses bad ones unchanged', async () => {
    const before = (await admin.get('/api/campaign')).body.settings;
    const bad = await admin.patch('/api/campaign/settings', { lagYellowPoints: 30, lagOrangePoints: 20 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.lagOrangePoints).toBeTruthy();
    expect((await admin.get('/api/campaign')).body.settings).toEqual(before);
    expect((await unit.patch('/api/campaign/settings', { lagRedPoints: 90 })).status).toBe(403);

    const s = await h.socket({ cookie: adminCookie });
    await next(s, 'snapshot');
    const update = next(s, 'summary:update');
    const res = await admin.patch('/api/campaign/settings', { lagYellowPoints: 30, lagOrangePoints: 60, lagRedPoints: 90 });
    expect(res.status).toBe(200);
    await update;
    // 白马大桥 is 16.7% done against 83.3% 序时: 66.7 points behind, orange under the new thresholds.
    const alerts = (await admin.get('/api/snapshot')).body.alerts;
    expect(alerts.find((a: any) => a.project === '白马大桥' && a.rule === 'investment_behind')?.severity).toBe('orange');
    s.disconnect();
    await admin.patch('/api/campaign/settings', before);
  });
});
