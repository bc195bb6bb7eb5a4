// Issue 14, "done when": a county moving in mid-year. DEMO=0 with a 2027 campaign and the product's
// date 2027-03-15 (China time): a sheet with 1-2月完成, 开工以来累计 and 续建 rows imports so that
// every project's completedToDate and investmentSinceStart and the snapshot's totals equal the
// sheet, no 续建 project is 开工逾期, a later month adds to the figures, and the product's own export
// imports back with 0 changes.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerSeed } from '../../server/domain/ledger.js';
import { DEFAULT_SETTINGS } from '../../shared/types.js';
import { backends, client, startHarness, type Client, type Harness } from './harness.js';

const WAN = 10_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 2027 campaign set up from scratch: groups, no projects, no reports yet. */
function campaign2027(): LedgerSeed {
  return {
    campaign: { county: '新县', year: 2027, title: '新县2027年项目大会战', frozenToday: null, settings: DEFAULT_SETTINGS },
    domains: [{ code: 'industry', name: '工业', target: 0 }, { code: 'infra', name: '基础设施', target: 0 }],
    levels: [{ code: 'province', name: '省重点', plannedCount: null, plannedAnnual: null }, { code: 'county', name: '县重点', plannedCount: null, plannedAnnual: null }],
    units: [],
    leaders: [],
    projects: [],
    reports: [],
  };
}

type Row = (string | number | null)[];

/** As the county's office keeps it: a title, a note with the date and unit, 1-2月 and since-start columns, 建设性质. */
const ROWS: Row[] = [
  // name, domain, level, nature, unit, total, plan, 1-2月, since start, planned start, actual start, content
  ['一、工业项目', null, null, null, null, null, null, null, null, null, null, null],
  ['新材料产业园（二期）', null, '省重点', '续建', '县工信局', 50_000, 12_000, 1_800, 26_000, '2025.6', null, '新建厂房：１０万平方米；配套（道路、管网）'],
  ['智能装备产业园', null, '县重点', '续建', '县工信局', '3,600', '1,200', '150.5', '2,100.5', '2026-04-01', '2026-04-18', '装配车间'],
  ['二、基础设施项目', null, null, null, null, null, null, null, null, null, null, null],
  ['白马大桥', null, '省重点、县重点', '在建', '县城投公司', 18_000, 6_000, 600, 9_000, '2025年9月', null, '主桥'],
  ['城区中学', null, '县重点', '新建', '县城投公司', 6_000, 3_000, 0, 0, '2027.5', null, '教学楼'],
  ['合计', null, null, null, null, 77_600, 22_200, 2_550.5, 37_100.5, null, null, null],
];

async function countySheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // An instructions sheet first: the import passes over it and names the sheet it read.
  const help = wb.addWorksheet('填表说明');
  help.addRow(['填表说明']);
  help.addRow(['1. 金额单位为万元；2. 建设性质填新建或续建。']);
  const ws = wb.addWorksheet('2027年重点项目');
  ws.addRow(['新县2027年重点项目建设台账']);
  ws.addRow(['（截至2027年2月底）', null, null, null, null, null, null, null, null, null, null, '单位：万元']);
  ws.addRow(['项目名称', '领域', '项目级别', '建设性质', '责任单位', '总投资', '2027年计划投资', '1-2月完成投资', '开工以来累计完成投资', '计划开工时间', '实际开工时间', '建设内容']);
  for (const r of ROWS) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(backends())('mid-year ledger with opening figures on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let cookie: string;
  const upload = async (path: string, body: Buffer) => {
    const res = await fetch(`${h.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', cookie }, body: new Uint8Array(body) });
    return { status: res.status, body: await res.json() };
  };
  const projects = async () => Object.fromEntries(((await admin.get('/api/projects')).body as any[]).map((p) => [p.name, p]));

  beforeAll(async () => {
    // TODAY=2027-03-15: the clock at 10:00 China time that day.
    h = await startHarness({ backend, seed: campaign2027(), clock: () => new Date('2027-03-15T02:00:00Z') });
    cookie = await h.login();
    admin = client(h, cookie);
  });
  afterAll(() => h.close());

  it('previews the opening figures with their month, every amount per row, and the sheet read', async () => {
    const res = await upload('/api/imports/ledger?dryRun=1', await countySheet());
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.sheet).toBe('2027年重点项目');
    expect(p.sheets).toEqual(['填表说明', '2027年重点项目']);
    expect(p.notes.join()).toContain('「填表说明」不是项目台账');
    expect(p.openingMonth).toBe('2027-02');
    expect(p.counts).toMatchObject({ create: 4, update: 0, error: 0 });
    const park = p.rows.find((r: any) => r.name === '新材料产业园（二期）');
    expect(park.amounts).toEqual([
      { label: '总投资', value: 50_000 * WAN, unit: '万元' },
      { label: '年度计划投资', value: 12_000 * WAN, unit: '万元' },
      { label: '本年累计完成投资', value: 1_800 * WAN, unit: '万元' },
      { label: '开工以来累计完成投资', value: 26_000 * WAN, unit: '万元' },
    ]);
    // Nothing is written by a preview.
    expect(Object.keys(await projects())).toEqual([]);
  });

  it('imports so that every figure equals the sheet and no 续建 project is 开工逾期', async () => {
    const res = await upload('/api/imports/ledger?dryRun=0&filename=' + encodeURIComponent('新县台账.xlsx'), await countySheet());
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ create: 4, update: 0, error: 0 });

    const byName = await projects();
    const expected: Record<string, [number, number]> = {
      '新材料产业园（二期）': [1_800 * WAN, 26_000 * WAN],
      智能装备产业园: [1_505_000, 21_005_000],
      白马大桥: [600 * WAN, 9_000 * WAN],
      城区中学: [0, 0],
    };
    for (const [name, [completed, sinceStart]] of Object.entries(expected)) {
      expect(byName[name], name).toMatchObject({ completedToDate: completed, investmentSinceStart: sinceStart });
    }
    // Full-width punctuation kept as typed; 续建/在建 in construction, a 续建 date kept.
    expect(byName['新材料产业园（二期）'].content).toBe('新建厂房：１０万平方米；配套（道路、管网）');
    expect(byName['新材料产业园（二期）']).toMatchObject({ stage: 'construction', startedOn: null, domain: '工业', levels: ['province'] });
    expect(byName['白马大桥']).toMatchObject({ stage: 'construction', startedOn: null, domain: '基础设施', levels: ['province', 'county'] });
    expect(byName['智能装备产业园']).toMatchObject({ stage: 'construction', startedOn: '2026-04-18' });
    expect(byName['城区中学']).toMatchObject({ stage: 'preparing' });

    const s = (await admin.get('/api/snapshot')).body;
    expect(s.today).toBe('2027-03-15');
    expect(s.totals).toMatchObject({ projects: 4, totalInvestment: 77_600 * WAN, annualPlan: 22_200 * WAN, completed: 25_505_000 });
    expect(s.trend.find((t: any) => t.month === '2027-02').actualCum).toBe(25_505_000);
    // 续建/在建 projects started before the year: not among this year's starts (only 城区中学 is).
    expect(s.totals).toMatchObject({ startPlanned: 1, started: 0 });
    const reasons = s.lagging.flatMap((l: any) => l.reasons.map((r: any) => `${l.name}:${r.rule}`));
    expect(reasons.filter((r: string) => r.endsWith('start_overdue'))).toEqual([]);
    // The months the opening covers are not owed as reports.
    expect(reasons.filter((r: string) => r.endsWith('report_missing'))).toEqual([]);
    const alerts = (await admin.get('/api/alerts')).body as any[];
    expect(alerts.filter((a) => a.rule === 'start_overdue')).toEqual([]);

    // Kept with its source, never as monthly reports.
    const kept = await h.db.query<any>(
      `SELECT p.name, ob.through_month, ob.completed, ob.since_start, ob.source_file, ob.source_sheet, ob.source_row, ob.imported_by_name
       FROM opening_balances ob JOIN projects p ON p.id = ob.project_id ORDER BY ob.source_row`,
    );
    expect(kept[0]).toMatchObject({
      name: '新材料产业园（二期）', through_month: '2027-02', completed: 1_800 * WAN, since_start: 26_000 * WAN,
      source_file: '新县台账.xlsx', source_sheet: '2027年重点项目', source_row: 5,
    });
    expect(kept[0].imported_by_name).toBeTruthy();
    expect((await h.db.query('SELECT 1 FROM reports')).length).toBe(0);
    const audited = await h.db.query<any>(`SELECT after FROM audit_log WHERE action = 'project.opening'`);
    expect(audited).toHaveLength(4);
  });

  it('reads the same ledger saved as .xls, whatever the Content-Type says', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await countySheet()) as never);
    const aoa = wb.getWorksheet('2027年重点项目')!.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const XLSXLib = await import('@e965/xlsx');
    const book = XLSXLib.utils.book_new();
    XLSXLib.utils.book_append_sheet(book, XLSXLib.utils.aoa_to_sheet(aoa as never), '2027年重点项目');
    const bytes = XLSXLib.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=1`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: new Uint8Array(bytes) });
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p.openingMonth).toBe('2027-02');
    // The ledger is in already: the .xls reads to the very same values.
    expect(p.counts).toMatchObject({ create: 0, update: 0, unchanged: 4, error: 0 });
  });

  it('imports the same sheet again with 0 changes, and the product\'s own export too', async () => {
    const again = await upload('/api/imports/ledger?dryRun=1', await countySheet());
    expect(again.body.counts).toMatchObject({ create: 0, update: 0, unchanged: 4, error: 0 });
    const res = await admin.raw('/api/exports/ledger.xlsx');
    expect(res.status).toBe(200);
    const exported = await upload('/api/imports/ledger?dryRun=1', Buffer.from(await res.arrayBuffer()));
    expect(exported.status).toBe(200);
    expect(exported.body.rows.filter((r: any) => r.verdict !== 'unchanged' && r.verdict !== 'skipped')).toEqual([]);
    expect(exported.body.counts).toMatchObject({ create: 0, update: 0, unchanged: 4, error: 0 });
  });

  it('shows a changed opening figure old → new, and a later month adds to the figures', async () => {
    const changed = await countySheet();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(changed as never);
    wb.getWorksheet('2027年重点项目')!.getRow(5).getCell(8).value = 2_000;
    const preview = await upload('/api/imports/ledger?dryRun=1', Buffer.from(await wb.xlsx.writeBuffer()));
    const row = preview.body.rows.find((r: any) => r.row === 5);
    expect(row).toMatchObject({ verdict: 'update', changes: ['本年累计完成投资'] });
    expect(row.fieldChanges).toEqual([{ label: '本年累计完成投资', before: '1,800.00万元', after: '2,000.00万元（截至2月）' }]);

    const month = new ExcelJS.Workbook();
    const ws = month.addWorksheet('3月');
    ws.addRow(['项目名称', '本月完成投资（万元）', '形象进度']);
    ws.addRow(['新材料产业园（二期）', 500, '主体施工']);
    ws.addRow(['白马大桥', 100, '桥面施工']);
    // February is in the opening already: said so, and not counted again.
    const covered = await upload('/api/imports/month?dryRun=1&month=2027-02', Buffer.from(await month.xlsx.writeBuffer()));
    expect(covered.body.rows[0].warnings.join()).toContain('本月已含在台账导入的期初数（截至2月）中');
    const res = await upload('/api/imports/month?dryRun=0&month=2027-03', Buffer.from(await month.xlsx.writeBuffer()));
    expect(res.status).toBe(201);
    const byName = await projects();
    expect(byName['新材料产业园（二期）']).toMatchObject({ completedToDate: 2_300 * WAN, investmentSinceStart: 26_500 * WAN });
    expect(byName['白马大桥']).toMatchObject({ completedToDate: 700 * WAN, investmentSinceStart: 9_100 * WAN });
    const s = (await admin.get('/api/snapshot')).body;
    // March is still open for reporting on 03-15: the wall shows it apart (本月已报) until it is counted.
    expect(s.totals.completed).toBe(25_505_000);
    expect(s.openMonth).toMatchObject({ month: '2027-03', investment: 600 * WAN });
  });
});

describe.each(backends())('a campaign grouped by levels only on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let cookie: string;

  beforeAll(async () => {
    h = await startHarness({ backend, seed: { ...campaign2027(), domains: [] }, clock: () => new Date('2027-03-15T02:00:00Z') });
    cookie = await h.login();
    admin = client(h, cookie);
  });
  afterAll(() => h.close());

  it('takes a sheet without a 领域 column: the rows go to their levels', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['项目名称', '项目级别', '责任单位', '总投资（万元）', '年度计划投资（万元）', '截至2月底累计完成']);
    ws.addRow(['新材料产业园（二期）', '省重点', '县工信局', 50_000, 12_000, 1_800]);
    ws.addRow(['城区中学', '县重点', '县城投公司', 6_000, 3_000, 0]);
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=0`, { method: 'POST', headers: { 'content-type': XLSX, cookie }, body: new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(res.status).toBe(201);
    const projects = (await admin.get('/api/projects')).body as any[];
    expect(projects.map((p) => [p.name, p.domainId, p.levels, p.completedToDate])).toEqual([
      ['新材料产业园（二期）', null, ['province'], 1_800 * WAN],
      ['城区中学', null, ['county'], 0],
    ]);
    const s = (await admin.get('/api/snapshot')).body;
    expect(s.byLevel.map((l: any) => [l.key, l.projects, l.completed])).toEqual([['province', 1, 1_800 * WAN], ['county', 1, 0]]);
  });
});
