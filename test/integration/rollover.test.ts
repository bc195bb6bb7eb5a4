// Issue 15, "done when": the turn of the year. A 2027 campaign with an imported ledger on TODAY=2028-01-03:
// a December report completing a project lands in 2027; the rollover carries exactly the unfinished
// projects with their investment since start; a second rollover is 409; 2027 reads as it was; late
// December reports land in 2027 until January's deadline, then 409; 2028 with plans shows 同比 against
// 2027. A 上犹-style 2021-2023 campaign keeps its period and three-year targets across the turn.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCampaign } from '../../server/services/change.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

const WAN = 10_000;
type Row = (string | number | null)[];

const HEADER = ['项目名称', '领域', '项目级别', '建设性质', '责任单位', '总投资', '2027年计划投资', '1-2月完成投资', '开工以来累计完成投资', '计划开工时间', '实际开工时间', '计划竣工时间'];
const ROWS: Row[] = [
  ['新材料产业园（二期）', '工业', '省重点', '续建', '县工信局', 50_000, 12_000, 1_800, 26_000, '2025-06-01', '2025-06-20', '2029-12-31'],
  ['白马大桥', '基础设施', '县重点', '续建', '县城投公司', 18_000, 6_000, 600, 9_000, '2025-09-01', '2025-09-15', '2027-12-31'],
  ['城区中学', '基础设施', '县重点', '新建', '县城投公司', 6_000, 3_000, 0, 0, '2027-05-01', null, '2028-08-31'],
];

async function ledgerSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2027年重点项目');
  ws.addRow(['示范县2027年重点项目台账（截至2027年2月底）']);
  ws.addRow(['单位：万元']);
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const at = (day: string) => new Date(`${day}T02:00:00.000Z`); // 10:00 in China

describe.each(backends())('the turn of the year on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let cookie: string;
  let now = at('2027-03-15');
  let y2027: number;
  let y2028: number;
  const byName = async (query = '') => Object.fromEntries(((await admin.get(`/api/projects${query}`)).body as any[]).map((p) => [p.name, p]));
  const report = (id: number, body: object) => admin.post(`/api/projects/${id}/reports`, { progress: '按计划推进', ...body });

  beforeAll(async () => {
    h = await startHarness({ backend, clock: () => now });
    cookie = await h.login();
    admin = client(h, cookie);
    const created = await admin.post('/api/campaigns', {
      county: '示范县', title: '项目建设提速年', year: 2027, domains: [{ name: '工业' }, { name: '基础设施' }], levels: [{ name: '省重点' }, { name: '县重点' }],
    });
    y2027 = created.body.id;
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=0`, { method: 'POST', headers: { cookie }, body: new Uint8Array(await ledgerSheet()) });
    expect(res.status, await res.clone().text()).toBe(201);
    // The year goes on: March to November reported, the school started in May.
    const p = await byName();
    for (const month of ['2027-03', '2027-06', '2027-09', '2027-11']) {
      now = at(`${month.slice(0, 4)}-${String(Number(month.slice(5)) + 1).padStart(2, '0')}-02`);
      expect((await report(p['新材料产业园（二期）'].id, { month, investment: 1000 })).status).toBe(201);
      expect((await report(p['白马大桥'].id, { month, investment: 500 })).status).toBe(201);
      expect((await report(p['城区中学'].id, { month, investment: 300, ...(month === '2027-06' && { startedOn: '2027-06-10' }) })).status).toBe(201);
    }
  });
  afterAll(() => h.close());

  it('takes a December report completing a project into 2027 on 2028-01-03, before the rollover', async () => {
    now = at('2028-01-03');
    const p = await byName();
    const res = await report(p['白马大桥'].id, { month: '2027-12', investment: 800, completedOn: '2027-12-28' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = await byName();
    expect(after['白马大桥']).toMatchObject({ completedOn: '2027-12-28', completedToDate: (600 + 2000 + 800) * WAN, investmentSinceStart: (9000 + 2000 + 800) * WAN });
  });

  it('rolls 2027 over into 2028: exactly the unfinished projects, their investment since start unchanged', async () => {
    const before = await byName();
    const snapshotBefore = (await admin.get(`/api/snapshot?campaign=${y2027}`)).body;
    const wall = await h.socket({ cookie });
    expect((await next(wall, 'snapshot')).campaign.year).toBe(2027);
    const switched = next(wall, 'snapshot');
    const res = await admin.post(`/api/campaigns/${y2027}/rollover`, { year: 2028 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ county: '示范县', title: '项目建设提速年', year: 2028, firstYear: 2028, lastYear: 2028, active: true, carried: 2 });
    y2028 = res.body.id;
    // The walls are given the new year whole: its versions start afresh.
    expect((await switched).campaign).toMatchObject({ id: y2028, year: 2028 });
    wall.disconnect();

    const carried = await byName();
    expect(Object.keys(carried).sort()).toEqual(['城区中学', '新材料产业园（二期）']);
    for (const name of Object.keys(carried)) {
      expect(carried[name]).toMatchObject({
        investmentSinceStart: before[name].investmentSinceStart, completedToDate: 0, annualPlan: 0,
        unit: before[name].unit, domain: before[name].domain, levels: before[name].levels, stage: before[name].stage, startedOn: before[name].startedOn,
      });
    }
    const years = (await admin.get('/api/campaigns')).body as any[];
    expect(years.map((c) => [c.year, c.active, c.rolledOver])).toEqual([[2027, false, true], [2028, true, false]]);

    // The old year reads exactly as it was.
    const snapshotAfter = (await admin.get(`/api/snapshot?campaign=${y2027}`)).body;
    for (const key of ['campaign', 'reportingMonth', 'totals', 'byDomain', 'byLevel', 'trend', 'lagging', 'ranking']) expect(snapshotAfter[key]).toEqual(snapshotBefore[key]);
    expect(await byName(`?campaign=${y2027}`)).toEqual(before);
    const audit = await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.rollover'");
    expect(audit[0].n).toBe(1);
  });

  it('refuses a second rollover and a year that is not the next one', async () => {
    const again = await admin.post(`/api/campaigns/${y2027}/rollover`, { year: 2028 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已结转');
    expect((await admin.post(`/api/campaigns/${y2028}/rollover`, { year: 2030 })).status).toBe(422);
    // 2028 is the newest, but it has not ended.
    expect((await admin.post(`/api/campaigns/${y2028}/rollover`, { year: 2029 })).status).toBe(409);
    expect((await admin.get('/api/campaigns')).body).toHaveLength(2);
  });

  it('takes late December reports into 2027 until the deadline in January, then closes it', async () => {
    now = at('2028-01-04');
    const p2028 = await byName();
    const before2027 = await byName(`?campaign=${y2027}`);
    // Filed on the new year's project, for December: it lands in 2027 and moves 2028's since-start figure.
    const late = await report(p2028['新材料产业园（二期）'].id, { month: '2027-12', investment: 700 });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(late.body.projectId).toBe(before2027['新材料产业园（二期）'].id);
    const after2027 = await byName(`?campaign=${y2027}`);
    expect(after2027['新材料产业园（二期）'].completedToDate).toBe(before2027['新材料产业园（二期）'].completedToDate + 700 * WAN);
    expect((await byName())['新材料产业园（二期）'].investmentSinceStart).toBe(p2028['新材料产业园（二期）'].investmentSinceStart + 700 * WAN);
    // A unit's December report filed in the window is still reviewed after it closes.
    const { client: unit } = await userClient(h, admin, { username: 'cttz', role: 'unit', unit: '县城投公司' });
    const filed = await unit.post(`/api/projects/${p2028['城区中学'].id}/reports`, { month: '2027-12', investment: 200, progress: '主体封顶' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.status).toBe('submitted');
    // Only December: another month of 2027 is refused.
    const november = await report(before2027['城区中学'].id, { month: '2027-10', investment: 1 });
    expect(november.status).toBe(409);
    expect(november.body.error.message).toContain('仅可补报2027年12月');

    now = at('2028-01-06');
    expect((await admin.post(`/api/reports/${filed.body.id}/accept`)).status).toBe(200);
    expect((await byName(`?campaign=${y2027}`))['城区中学'].completedToDate).toBe(before2027['城区中学'].completedToDate + 200 * WAN);
    const settings = await admin.patch(`/api/campaign/settings?campaign=${y2027}`, { reportDeadlineDay: 25 });
    expect(settings.status).toBe(409);
    const closed = await report(before2027['城区中学'].id, { month: '2027-12', investment: 100 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toBe('2027年度已结转关闭，不再接受填报、导入和修改');
    const edit = await admin.patch(`/api/projects/${before2027['城区中学'].id}`, { rowVersion: before2027['城区中学'].rowVersion, name: '城区中学（改）' });
    expect(edit.status).toBe(409);
    const imported = await fetch(`${h.url}/api/imports/ledger?dryRun=0&campaign=${y2027}`, { method: 'POST', headers: { cookie }, body: new Uint8Array(await ledgerSheet()) });
    expect(imported.status).toBe(409);
    expect((await byName(`?campaign=${y2027}`))['城区中学'].name).toBe('城区中学');
  });

  it('shows the unit the month it owes across the turn', async () => {
    now = at('2028-01-04');
    const rows = (await admin.get('/api/reports')).body as any[];
    expect(rows.map((r) => r.name).sort()).toEqual(['城区中学', '新材料产业园（二期）', '白马大桥']);
    expect(rows.find((r) => r.name === '白马大桥').status).toBe('accepted');
  });

  it('after the 2028 plans are set, shows 2028 with 同比 against 2027', async () => {
    now = at('2028-02-10');
    const p = await byName();
    const plan = await admin.put(`/api/projects/${p['新材料产业园（二期）'].id}/plan`, { rowVersion: p['新材料产业园（二期）'].rowVersion, annualPlan: 10_000, monthly: null });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    // Or by sheet: the annual-plan column of the new year on the carried projects.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2028年计划');
    ws.addRow(['项目名称', '责任单位', '总投资', '2028年计划投资']);
    ws.addRow(['城区中学', '县城投公司', 6_000, 1_800]);
    const sheet = await fetch(`${h.url}/api/imports/ledger?dryRun=0`, { method: 'POST', headers: { cookie }, body: new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(sheet.status, await sheet.clone().text()).toBe(201);
    expect((await byName())['城区中学']).toMatchObject({ annualPlan: 1_800 * WAN, investmentSinceStart: p['城区中学'].investmentSinceStart });
    now = at('2028-03-10');
    expect((await report(p['新材料产业园（二期）'].id, { month: '2028-02', investment: 2500 })).status).toBe(201);
    const s = (await admin.get('/api/snapshot')).body;
    expect(s.campaign.year).toBe(2028);
    expect(s.reportingMonth).toBe('2028-02');
    expect(s.totals.completed).toBe(2500 * WAN);
    // 同比: 2027 as of its February month end — the same figures as 2027's 2月通报.
    const bulletin = (await admin.get(`/api/bulletins/2027-02?campaign=${y2027}`)).body;
    expect(s.priorYear).toEqual({
      year: 2027, month: '2027-02', completed: bulletin.totals.completed, started: bulletin.totals.started, completedProjects: bulletin.totals.completedProjects,
    });
    expect(s.priorYear.completed).toBe((1800 + 600 + 0) * WAN);
  });
});

describe.each(backends())('a 2021-2023 campaign on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let now = at('2021-03-15');

  beforeAll(async () => {
    h = await startHarness({ backend, clock: () => now });
    admin = client(h, await h.login());
  });
  afterAll(() => h.close());

  it('keeps its period and three-year targets per domain across the turn', async () => {
    const created = await admin.post('/api/campaigns', {
      county: '上犹县', title: '项目大会战', year: 2021, firstYear: 2021, lastYear: 2023,
      domains: [{ name: '工业', target: 150_000, periodTarget: 500_000 }, { name: '农业', periodTarget: 40_000 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sheet = new ExcelJS.Workbook();
    const ws = sheet.addWorksheet('台账');
    ws.addRow(['项目名称', '领域', '责任单位', '总投资', '2021年计划投资', '1-2月完成投资', '建设性质', '实际开工时间']);
    ws.addRow(['稀土新材料', '工业', '县工信局', 80_000, 30_000, 5_000, '续建', '2020-05-01']);
    ws.addRow(['脐橙基地', '农业', '县农业农村局', 9_000, 3_000, 1_000, '续建', '2020-03-01']);
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=0`, { method: 'POST', headers: { cookie: (await h.login()) }, body: new Uint8Array(Buffer.from(await sheet.xlsx.writeBuffer())) });
    expect(res.status, await res.clone().text()).toBe(201);

    const first = (await admin.get('/api/snapshot')).body;
    expect(first.period).toMatchObject({ firstYear: 2021, lastYear: 2023, target: 540_000 * WAN, before: 0 });
    expect(first.period.byDomain).toEqual([{ name: '工业', target: 500_000 * WAN, before: 0 }, { name: '农业', target: 40_000 * WAN, before: 0 }]);

    now = at('2021-12-05');
    const early = await admin.post(`/api/campaigns/${created.body.id}/rollover`, { year: 2022 });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('2021年度尚未结束，2022年1月1日起方可结转');
    now = at('2022-01-02');
    const rolled = await admin.post(`/api/campaigns/${created.body.id}/rollover`, { year: 2022 });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    expect(rolled.body).toMatchObject({ year: 2022, firstYear: 2021, lastYear: 2023, title: '项目大会战', carried: 2 });
    now = at('2022-03-15');
    await refreshCampaign(h.app.deps); // the day's turn, as the server's daily refresh does
    const second = (await admin.get('/api/snapshot')).body;
    expect(second.campaign).toMatchObject({ year: 2022, title: '项目大会战' });
    // 2021's year-end figures stand as what the period completed before 2022.
    expect(second.period.byDomain).toEqual([{ name: '工业', target: 500_000 * WAN, before: 5_000 * WAN }, { name: '农业', target: 40_000 * WAN, before: 1_000 * WAN }]);
    expect(second.period.before).toBe(6_000 * WAN);
    expect(second.priorYear).toMatchObject({ year: 2021, month: '2021-02', completed: 6_000 * WAN });
  });
});

describe.each(backends())('a December report completing a project after the rollover on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let now = at('2027-03-15');

  beforeAll(async () => {
    h = await startHarness({ backend, clock: () => now });
    const cookie = await h.login();
    admin = client(h, cookie);
    await admin.post('/api/campaigns', { county: '示范县', title: '项目建设提速年', year: 2027, domains: [{ name: '工业' }, { name: '基础设施' }], levels: [{ name: '省重点' }, { name: '县重点' }] });
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=0`, { method: 'POST', headers: { cookie }, body: new Uint8Array(await ledgerSheet()) });
    expect(res.status, await res.clone().text()).toBe(201);
  });
  afterAll(() => h.close());

  it('takes the project out of the next year, as completed projects stay in theirs', async () => {
    now = at('2028-01-02');
    const rolled = await admin.post(`/api/campaigns/${(await admin.get('/api/campaigns')).body[0].id}/rollover`, { year: 2028 });
    expect(rolled.body.carried).toBe(3);
    const bridge = ((await admin.get('/api/projects')).body as any[]).find((p) => p.name === '白马大桥');
    const res = await admin.post(`/api/projects/${bridge.id}/reports`, { month: '2027-12', investment: 500, progress: '通车', completedOn: '2027-12-26' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const names = ((await admin.get('/api/projects')).body as any[]).map((p) => p.name).sort();
    expect(names).toEqual(['城区中学', '新材料产业园（二期）']);
    expect((await admin.get('/api/snapshot')).body.totals.projects).toBe(2);
  });
});
