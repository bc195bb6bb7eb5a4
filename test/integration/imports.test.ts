// Ledger and monthly-figure import and the .xlsx exports over HTTP, with sheets made to look
// hand-kept: a merged title, a two-level merged header in 亿元, a 合计 row, section headings,
// text and full-width numbers, mixed dates, a note at the bottom and a few bad rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, caughtUp, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

const WAN = 10_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
if (!soffice) console.warn('LibreOffice is not installed (no soffice on PATH): skipping the PDF rendering check of the .xlsx exports.');

type Row = (string | number | Date | null)[];

/** The county's ledger as an office keeps it by hand. Rows 13 and 14 are wrong. */
async function handKeptLedger(edit: (rows: Row[]) => void = () => undefined): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2020年台账');
  const body: Row[] = [
    ['合计', null, null, null, null, null, { formula: 'SUM(G7:G14)', result: 2.02 } as never, 0.8, null, null, null],
    ['一、工业项目', null, null, null, null, null, null, null, null, null, null],
    [1, 'T-001', '新材料产业园', '工业', '县工信局', '李县长', '0.36', 0.12, new Date(Date.UTC(2020, 2, 1)), '2021.12', '在建'],
    [2, null, '智能装备产业园', null, '县工信局 ', '张三（副县长）', '０.５', '0.2', 43922, '2021年6月', null],
    [null, null, null, null, null, null, null, null, null, null, null],
    ['二、基础设施项目', null, null, null, null, null, null, null, null, null, null],
    [3, 'T-002', '白马大桥', '基础设施', '县城投公司', '李县长', 0.18, '0.06', '2020.3', '2021-12-31', '在建'],
    [4, null, '城北污水处理厂', '基础设施', '县住建局', null, '0.8', '3,000万', '2020年12月', '2022年6月', '前期'],
    [5, null, '坏行项目', '工业', '县工信局', null, 'abc', 0.1, '2020-13-01', null, null],
    [6, null, '年度大于总投资', '工业', '县工信局', null, 0.1, 0.5, null, null, null],
  ];
  edit(body);
  ws.addRow(['测试县2020年重点项目建设台账']);
  ws.mergeCells('A1:K1');
  ws.addRow(['填报单位：县重推办', null, null, null, null, null, null, null, null, '单位：亿元']);
  ws.addRow(['序号', '项目编码', '项目\n名称', '领域', '责任单位', '挂点领导', '投资（亿元）', null, '计划开工时间', '计划竣工时间', '项目阶段']);
  ws.addRow([null, null, null, null, null, null, '总投资', '2020年计划投资', null, null, null]);
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'I', 'J', 'K']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('G3:H3');
  for (const r of body) {
    const row = ws.addRow(r);
    if (r[8] instanceof Date) row.getCell(9).numFmt = 'yyyy-mm-dd';
  }
  ws.addRow([]);
  ws.addRow(['填表人：王五    审核人：赵六']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function monthSheet(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('10月');
  ws.addRow(['2020年10月重点项目月报表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['项目编码', '项目名称', '本月完成投资（万元）', '形象进度', '备注']);
  for (const r of rows) ws.addRow(r);
  ws.addRow(['合计', null, 0, null, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A ledger of `rows` new projects where every row has a stray entry in column XFD (16,384). */
async function farColumnLedger(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['项目名称', '领域', '责任单位', '总投资（万元）', '年度计划投资（万元）']);
  for (let i = 1; i <= rows; i++) ws.addRow([`远列项目${i}`, '工业', '县工信局', 100, 50]);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g,
    (_m, r, attrs, body) => `<row r="${r}"${attrs}>${body}<c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe.each(backends())('ledger import and exports on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let adminCookie: string;
  let unit: Client;

  const upload = async (path: string, body: Buffer, type = XLSX, cookie = adminCookie) => {
    const res = await fetch(`${h.url}${path}`, { method: 'POST', headers: { 'content-type': type, cookie }, body: new Uint8Array(body) });
    return { status: res.status, body: await res.json() };
  };
  const projects = async () => (await admin.get('/api/projects')).body as any[];
  const auditCount = async () => Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0].n);
  const download = async (path: string) => {
    const res = await admin.raw(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toContain(XLSX);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger() });
    adminCookie = await h.login();
    admin = client(h, adminCookie);
    unit = (await userClient(h, admin, { username: 'chengtou-imp', role: 'unit', unit: '县城投公司' })).client;
  });
  afterAll(() => h.close());

  it('previews every row of a hand-kept sheet with its verdict and reasons', async () => {
    const res = await upload('/api/imports/ledger?dryRun=1', await handKeptLedger());
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.headerRows).toEqual([3, 4]);
    const mapped = Object.fromEntries(p.columns.filter((c: any) => c.field).map((c: any) => [c.field, c]));
    expect(mapped.totalInvestment).toMatchObject({ letter: 'G', unit: '亿元' });
    expect(mapped.annualPlan).toMatchObject({ letter: 'H', unit: '亿元' });
    expect(mapped.name.letter).toBe('C');
    expect(p.missing).toEqual([]);
    const byRow = Object.fromEntries(p.rows.map((r: any) => [r.row, r]));
    expect(byRow[5]).toMatchObject({ verdict: 'skipped', messages: ['合计行，不导入'] });
    expect(byRow[6].verdict).toBe('skipped');
    expect(byRow[7]).toMatchObject({ verdict: 'unchanged', code: 'T-001' });
    expect(byRow[8]).toMatchObject({ verdict: 'create', name: '智能装备产业园', unit: '县工信局', totalInvestment: 5_000 * WAN, amount: 2_000 * WAN });
    expect(byRow[8].warnings.join()).toContain('张三');
    expect(byRow[9]).toBeUndefined(); // blank separator row
    expect(byRow[11]).toMatchObject({ verdict: 'unchanged', code: 'T-002' });
    expect(byRow[12]).toMatchObject({ verdict: 'create', unit: '县住建局', amount: 3_000 * WAN });
    expect(byRow[13].verdict).toBe('error');
    expect(byRow[13].messages).toEqual(expect.arrayContaining([expect.stringContaining('总投资「abc」不是数字'), expect.stringContaining('计划开工时间「2020-13-01」')]));
    expect(byRow[14].messages.join()).toContain('年度计划投资（5,000.00万元）大于总投资（1,000.00万元）');
    expect(byRow[16]).toMatchObject({ verdict: 'skipped' }); // 填表人 note
    expect(p.counts).toEqual({ create: 2, update: 0, unchanged: 2, error: 2, skipped: 4, excluded: 0 });
    expect(p.newUnits).toEqual(['县住建局']);
    expect(p.newLeaders).toEqual(['张三']);
  });

  it('writes nothing while a rejected row is not excluded', async () => {
    const before = { projects: (await projects()).length, audit: await auditCount(), version: (await admin.get('/api/snapshot')).body.version };
    const res = await upload('/api/imports/ledger?dryRun=0', await handKeptLedger());
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('有2行数据有误');
    expect(res.body.error.fields.row13).toMatch(/^第13行：总投资「abc」不是数字/);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['row13', 'row14']);
    expect((await projects()).length).toBe(before.projects);
    expect(await auditCount()).toBe(before.audit);
    expect((await admin.get('/api/units')).body.map((u: any) => u.name)).not.toContain('县住建局');
    expect((await admin.get('/api/snapshot')).body.version).toBe(before.version);
  });

  it('commits with the bad rows excluded, audits each change and moves the walls', async () => {
    const s = await h.socket({ cookie: adminCookie });
    const { version } = await next(s, 'snapshot');
    const pushed = next(s, 'summary:update');
    const before = await auditCount();
    const res = await upload('/api/imports/ledger?dryRun=0&exclude=13,14', await handKeptLedger());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'ledger', counts: { create: 2, update: 0, unchanged: 2, error: 0, excluded: 2 }, newUnits: ['县住建局'], newLeaders: ['张三'] });
    // The version skips one, so walls refetch the whole snapshot.
    expect((await pushed).version).toBe(version + 2);
    expect(res.body.version).toBe(version + 2);
    const all = await projects();
    expect(all).toHaveLength(5);
    const robot = all.find((p) => p.name === '智能装备产业园');
    expect(robot).toMatchObject({
      domain: '工业', unit: '县工信局', leader: '张三', totalInvestment: 5_000 * WAN, annualPlan: 2_000 * WAN,
      plannedStart: '2020-04-01', plannedCompletion: '2021-06-30', stage: 'preparing', code: 'XM20200001',
    });
    expect(all.find((p) => p.name === '城北污水处理厂')).toMatchObject({ unit: '县住建局', plannedStart: '2020-12-01', plannedCompletion: '2022-06-30' });
    expect((await admin.get('/api/snapshot')).body.totals.projects).toBe(5);
    // Two projects, a unit, a leader and the import itself.
    expect(await auditCount()).toBe(before + 5);
    const history = (await admin.get(`/api/projects/${robot.id}/history`)).body;
    expect(history.audit[0]).toMatchObject({ action: 'project.import', before: null });
    expect(history.audit[0].after).toMatchObject({ row: 8, totalInvestment: 5_000 * WAN });
  });

  it('re-imports the same sheet without duplicating, and updates what changed', async () => {
    const again = await upload('/api/imports/ledger?dryRun=0&exclude=13,14', await handKeptLedger());
    expect(again.status).toBe(201);
    expect(again.body.counts).toMatchObject({ create: 0, update: 0, unchanged: 4 });
    expect(await projects()).toHaveLength(5);

    const changed = await handKeptLedger((rows) => {
      rows[3][6] = '0.55'; // 智能装备产业园 total investment
      rows[8] = [null, null, null, null, null, null, null, null, null, null, null];
      rows[9] = [null, null, null, null, null, null, null, null, null, null, null];
    });
    const preview = await upload('/api/imports/ledger', changed);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const row8 = preview.body.rows.find((r: any) => r.row === 8);
    expect(row8).toMatchObject({ verdict: 'update', changes: ['总投资'] });
    const res = await upload('/api/imports/ledger?dryRun=0', changed);
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ create: 0, update: 1, unchanged: 3 });
    expect((await projects()).find((p) => p.name === '智能装备产业园').totalInvestment).toBe(5_500 * WAN);
  });

  it('exports the ledger so that importing it back changes nothing', async () => {
    const before = await projects();
    const file = await download('/api/exports/ledger.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getRow(2).getCell(10).value).toBe('总投资(万元)');
    expect(ws.getRow(3).getCell(10).numFmt).toContain('#,##0.00');
    expect(ws.getRow(3).getCell(12).value).toBeInstanceOf(Date);
    expect(ws.getColumn(2).width).toBeGreaterThan(10);
    const preview = await upload('/api/imports/ledger', file);
    // The note under the table (共5个项目…) is the one row skipped.
    expect(preview.body.counts).toEqual({ create: 0, update: 0, unchanged: 5, error: 0, skipped: 1, excluded: 0 });
    expect((await upload('/api/imports/ledger?dryRun=0', file)).status).toBe(201);
    const after = await projects();
    expect(after.map(({ rowVersion: _r, ...p }) => p)).toEqual(before.map(({ rowVersion: _r, ...p }) => p));
  });

  it('reads a CSV saved from Excel, full-width digits and all', async () => {
    const csv = '\uFEFF项目名称,领域,责任单位,"总投资（万元）",年度计划投资,计划开工时间\r\n' +
      '"城东农贸市场,二期",基础设施,县城投公司,"１，２００",300,2020/5/6\r\n,,,,,\r\n合计,,,1200,300,\r\n';
    const res = await upload('/api/imports/ledger', Buffer.from(csv), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.rows[0]).toMatchObject({ row: 2, verdict: 'create', name: '城东农贸市场,二期', totalInvestment: 1_200 * WAN, amount: 300 * WAN });
    expect(res.body.rows[1]).toMatchObject({ row: 4, verdict: 'skipped' });
  });

  it('refuses sheets it cannot read, with a Chinese reason', async () => {
    const xls = await upload('/api/imports/ledger', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'application/vnd.ms-excel');
    expect(xls.status).toBe(422);
    expect(xls.body.error.fields.file).toContain('.xls');
    const noHeader = await upload('/api/imports/ledger', Buffer.from('a,b,c\n1,2,3\n'), 'text/csv');
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.error.fields.file).toContain('未识别到表头');
    const broken = await upload('/api/imports/ledger', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]));
    expect(broken.status).toBe(422);
  });

  it("imports a month's figures through the report form's rules", async () => {
    const bridge = (await projects()).find((p) => p.code === 'T-002');
    expect(bridge.completedToDate).toBe(100 * WAN);
    const sheet = await monthSheet([
      ['T-002', '白马大桥', '２００', '桩基施工完成', null],
      ['T-001', '新材料产业园', '3,000', '主体施工', null], // 900 + 3,000 > 3,600 total
      ['T-999', '不存在的项目', 10, '施工', null],
      [null, '城区中学', null, null, null], // not reported this month
    ]);
    const preview = await upload('/api/imports/month?month=2020-10', sheet);
    expect(preview.status).toBe(200);
    const rows = Object.fromEntries(preview.body.rows.map((r: any) => [r.row, r]));
    expect(rows[3]).toMatchObject({ verdict: 'update', amount: 200 * WAN, changes: ['本月完成投资', '形象进度'] });
    expect(rows[4].messages[0]).toContain('将超过项目总投资');
    expect(rows[5].messages[0]).toContain('台账中没有项目');
    expect(rows[6]).toMatchObject({ verdict: 'skipped', messages: ['本月未填报，跳过'] });
    expect(rows[7]).toMatchObject({ verdict: 'skipped' });
    expect(preview.body.month).toBe('2020-10');

    const refused = await upload('/api/imports/month?month=2020-10&dryRun=0', sheet);
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(['row4', 'row5']);
    expect((await admin.get(`/api/projects/${bridge.id}`)).body.completedToDate).toBe(100 * WAN);

    const res = await upload('/api/imports/month?month=2020-10&dryRun=0&exclude=4,5', sheet);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'month', month: '2020-10', counts: { update: 1, excluded: 2 } });
    expect((await admin.get(`/api/projects/${bridge.id}`)).body.completedToDate).toBe(200 * WAN);
    const reports = (await admin.get(`/api/projects/${bridge.id}/reports`)).body;
    expect(reports[0]).toMatchObject({ month: '2020-10', revision: 2, status: 'accepted', investment: 200 * WAN, progress: '桩基施工完成' });
    const future = await upload('/api/imports/month?month=2020-12', await monthSheet([['T-002', '白马大桥', 10, '施工', null]]));
    expect(future.body.rows[0].messages).toContain('不能填报未来月份');
  });

  it('exports reports, alerts and problems as sheets that open in LibreOffice', { timeout: 180_000 }, async () => {
    const files: Record<string, Buffer> = {
      'ledger.xlsx': await download('/api/exports/ledger.xlsx'),
      'reports.xlsx': await download('/api/exports/reports.xlsx?month=2020-10'),
      'alerts.xlsx': await download('/api/exports/alerts.xlsx'),
      'problems.xlsx': await download('/api/exports/problems.xlsx'),
      'template.xlsx': await download('/api/imports/ledger-template.xlsx'),
    };
    const reports = new ExcelJS.Workbook();
    await reports.xlsx.load(files['reports.xlsx'] as never);
    const rs = reports.worksheets[0];
    expect(rs.getRow(2).values).toEqual(expect.arrayContaining(['本月完成投资(万元)', '形象进度']));
    const bridgeRow = rs.getRows(3, rs.rowCount - 2)!.find((r) => r.getCell(1).value === 'T-002')!;
    expect(bridgeRow.getCell(4).value).toBe(200);
    const alerts = new ExcelJS.Workbook();
    await alerts.xlsx.load(files['alerts.xlsx'] as never);
    expect(alerts.worksheets[0].getCell('A1').value).toContain('预警清单');
    expect(alerts.worksheets[0].getRow(2).getCell(5).value).toBe('预警类型');
    expect(alerts.worksheets[0].rowCount).toBeGreaterThan(2);
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(files['template.xlsx'] as never);
    expect(template.worksheets.map((w) => w.name)).toEqual(['项目台账', '填写说明']);
    // The template itself reads: its example row (示例：…) is skipped, not imported as a project.
    const fromTemplate = await upload('/api/imports/ledger', files['template.xlsx']);
    expect(fromTemplate.body.rows[0]).toMatchObject({ row: 3, verdict: 'skipped', messages: ['模板示例行，不导入'] });

    if (!soffice) return;
    const dir = mkdtempSync(join(tmpdir(), 'imports-'));
    try {
      for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
      const run = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir,
        ...Object.keys(files).map((f) => join(dir, f))], { timeout: 150_000, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      for (const name of Object.keys(files)) {
        const pdf = join(dir, name.replace(/\.xlsx$/, '.pdf'));
        expect(statSync(pdf).size).toBeGreaterThan(1_000);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('announces a bulk import with one ticker line per kind instead of one per alert or milestone', async () => {
    const n = 40; // each new project overdue to start (planned 2020.3, today 2020-11-20): more alerts than the ticker shows
    const names = Array.from({ length: n }, (_, i) => `批量导入项目${i + 1}`);
    const ledger = '项目名称,领域,责任单位,总投资（万元）,年度计划投资（万元）,计划开工时间,计划竣工时间\r\n' +
      names.map((name) => `${name},工业,县工信局,1000,100,2020.3,2022.12`).join('\r\n');
    const s = await h.socket({ cookie: adminCookie });
    const { version } = await next(s, 'snapshot');
    const pushes: string[] = [];
    s.onAny((name: string) => pushes.push(name));
    const audit = await auditCount();
    const summary = next(s, 'summary:update');
    const res = await upload('/api/imports/ledger?dryRun=0', Buffer.from(ledger), 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.counts).toMatchObject({ create: n });
    expect(await auditCount()).toBe(audit + n + 1); // each project, and the import
    await summary;
    await caughtUp(s);
    // The version gap makes walls refetch the snapshot: no push per alert on top of it.
    expect(pushes.filter((name) => name.startsWith('alert:'))).toEqual([]);
    expect(pushes.filter((name) => name === 'summary:update')).toHaveLength(1);
    const snap = (await admin.get('/api/snapshot')).body;
    expect(snap.version).toBe(version + 2);
    const imported = new Set((await projects()).filter((p) => names.includes(p.name)).map((p) => p.id));
    expect(snap.alerts.filter((a: any) => imported.has(a.projectId) && a.rule === 'start_overdue')).toHaveLength(n);
    const lines = (await h.db.query<{ kind: string; text: string }>('SELECT kind, text FROM events WHERE version = $1', [version + 2]));
    expect(lines).toHaveLength(1);
    expect(lines[0].kind).toBe('alert_raised');
    expect(lines[0].text).toMatch(/^新增预警\d+条（.*\d+条），详见预警列表$/);
    expect(snap.events[0].text).toBe(lines[0].text);

    // A month's figures starting all of them: the starts written in bulk, audited, announced in one line.
    const month = '项目名称,本月完成投资（万元）,形象进度,开工日期\r\n' + names.map((name) => `${name},50,场地平整,2020-10-15`).join('\r\n');
    const started: unknown[] = [];
    s.on('project:started', (m) => started.push(m));
    const cleared = next(s, 'alert:cleared');
    const audit2 = await auditCount();
    const res2 = await upload('/api/imports/month?month=2020-10&dryRun=0', Buffer.from(month), 'text/csv');
    expect(res2.status, JSON.stringify(res2.body)).toBe(201);
    expect(await auditCount()).toBe(audit2 + n + n + 1); // each report, each project's start, and the import
    const clearedPush = await cleared;
    expect(clearedPush.event.text).toMatch(/^\d+条预警已解除$/);
    await caughtUp(s);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ version: res2.body.version, event: { kind: 'started', text: `本次导入${n}个项目开工建设` } });
    const after = (await projects()).filter((p) => imported.has(p.id));
    expect(after.every((p) => p.startedOn === '2020-10-15' && p.stage === 'construction')).toBe(true);
    const lines2 = await h.db.query<{ kind: string }>('SELECT kind FROM events WHERE version = $1 ORDER BY id', [res2.body.version]);
    expect(lines2.map((l) => l.kind).sort()).toEqual(['alert_cleared', 'started']);
  });

  it('is for staff only', async () => {
    const res = await fetch(`${h.url}/api/imports/ledger?dryRun=1`, { method: 'POST', headers: { 'content-type': XLSX, cookie: '' }, body: 'x' });
    expect([401, 403]).toContain(res.status);
    const unitCookie = await h.login('chengtou-imp', 'chengtou-imp-password');
    expect((await upload('/api/imports/ledger', await handKeptLedger(), XLSX, unitCookie)).status).toBe(403);
    expect((await upload('/api/imports/month', await monthSheet([]), XLSX, unitCookie)).status).toBe(403);
    for (const path of ['/api/exports/ledger.xlsx', '/api/exports/alerts.xlsx', '/api/exports/problems.xlsx', '/api/exports/reports.xlsx', '/api/imports/ledger-template.xlsx']) {
      expect((await unit.raw(path)).status, path).toBe(403);
    }
    expect((await fetch(`${h.url}/api/exports/ledger.xlsx`)).status).toBe(401);
  });

  it('refuses a sheet over the row limit while reading it, and writes nothing', { timeout: 120_000 }, async () => {
    const before = { projects: (await projects()).length, audit: await auditCount(), version: (await admin.get('/api/snapshot')).body.version };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['项目名称', '领域', '责任单位', '总投资（万元）', '年度计划投资（万元）']);
    for (let i = 1; i <= 20_000; i++) ws.addRow([`超限项目${i}`, '工业', '县工信局', 100, 50]);
    const tooMany = await upload('/api/imports/ledger?dryRun=0', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ message: '表格行数超过上限（20,000行），请分批导入', fields: { file: '表格行数超过上限（20,000行），请分批导入' } });
    const csv = await upload('/api/imports/month?dryRun=0', Buffer.from(`项目名称,本月完成投资\n${'甲,1\n'.repeat(20_001)}`), 'text/csv');
    expect(csv.status).toBe(422);
    expect(csv.body.error.message).toBe('表格行数超过上限（20,000行），请分批导入');
    const longCell = await upload('/api/imports/ledger?dryRun=0', Buffer.from(`项目名称,责任单位\n"${'长'.repeat(40_000)}",县工信局\n`), 'text/csv');
    expect(longCell.status).toBe(422);
    expect(longCell.body.error.fields.file).toContain('第2行A列的内容过长');
    expect({ projects: (await projects()).length, audit: await auditCount(), version: (await admin.get('/api/snapshot')).body.version }).toEqual(before);
  });

  it('imports a ledger with a stray entry in column XFD as if it were not there', { timeout: 120_000 }, async () => {
    const bytes = await farColumnLedger(2_000);
    expect(bytes.length).toBeLessThan(100_000);
    const preview = await upload('/api/imports/ledger?dryRun=1', bytes);
    expect(preview.status).toBe(200);
    expect(preview.body.columns.length).toBeLessThanOrEqual(5);
    expect(preview.body.counts).toMatchObject({ create: 2_000, error: 0 });
    const before = (await projects()).length;
    const res = await upload('/api/imports/ledger?dryRun=0', bytes);
    expect(res.status).toBe(201);
    expect(res.body.counts.create).toBe(2_000);
    const after = await projects();
    expect(after.length).toBe(before + 2_000);
    expect(after.find((p) => p.name === '远列项目2000')).toMatchObject({ unit: '县工信局', totalInvestment: 100 * WAN, annualPlan: 50 * WAN });
  });
});
