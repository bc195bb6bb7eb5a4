// 导入导出 as staff use it at a desk: upload a hand-kept ledger sheet, read the preview with a rejected
// row and its reason, leave that row out, commit, and see the ledger grow.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

const box = (id: string) => `:is(input, textarea)[data-testid="${id}"], [data-testid="${id}"] :is(input, textarea)`;

describe.skipIf(!hasChromium())('ledger import in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let cookie: string;

  const api = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  };

  async function sheet(): Promise<Buffer> {
    const [domain] = await api('/api/domains');
    const [unit] = await api('/api/units');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('新增项目');
    ws.addRow(['2020年新增重点项目台账']);
    ws.mergeCells('A1:G1');
    ws.addRow(['序号', '项目名称', '领域', '责任单位', '总投资（亿元）', '年度计划投资（亿元）', '计划开工时间']);
    ws.addRow([1, '城南智慧物流园', domain.name, unit.name, '１.２', '0.4', '2020年12月']);
    ws.addRow([2, '填错的项目', domain.name, unit.name, '一亿二', 0.3, '2020.3']);
    ws.addRow(['合计', null, null, null, null, null, null]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function settled(page: Page) {
    await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('staff preview a sheet, exclude the rejected row, commit and see the ledger count change', { timeout: 120_000 }, async () => {
    const before = (await api('/api/projects')).length;
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/login`);
    await page.locator(box('login-username')).fill(E2E_ADMIN.username);
    await page.locator(box('login-password')).fill(E2E_ADMIN.password);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/\/admin\/projects/);
    await page.locator('[data-testid="menu-import"]').click();
    await page.waitForURL(/\/admin\/import/);
    await expect.poll(() => page.locator('[data-testid="ledger-count"]').innerText()).toBe(`台账现有 ${before} 个项目`);

    await page.locator('[data-testid="import-file"]').setInputFiles({ name: '新增项目台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet() });
    const rows = page.locator('[data-testid="import-rows"] .el-table__body-wrapper .el-table__row');
    // The first sheet after a start loads the workbook reader (exceljs, loaded on first use): give it time.
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    const bad = rows.filter({ hasText: '填错的项目' });
    await expect.poll(() => bad.locator('[data-testid="verdict"]').innerText()).toBe('有误');
    expect(await bad.locator('[data-testid="row-reason"]').innerText()).toBe('总投资「一亿二」不是数字');
    expect(await bad.locator('td').first().innerText()).toBe('4');
    expect(await rows.filter({ hasText: '城南智慧物流园' }).locator('[data-testid="verdict"]').innerText()).toBe('新增');
    expect(await page.locator('[data-testid="import-preview"]').innerText()).toContain('E 总投资(亿元) → 总投资（亿元）');
    await expect.poll(() => page.locator('[data-testid="import-commit"]').isDisabled()).toBe(true);
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/admin-import-preview-1600x900.png` });

    await bad.locator('[data-testid="exclude-row"]').click();
    await expect.poll(() => page.locator('[data-testid="import-commit"]').isDisabled()).toBe(false);
    await page.locator('[data-testid="import-commit"]').click();
    await page.locator('[data-testid="import-result"]').waitFor();
    expect(await page.locator('[data-testid="import-result"]').innerText()).toContain('新增 1 个');
    await expect.poll(() => page.locator('[data-testid="ledger-count"]').innerText()).toBe(`台账现有 ${before + 1} 个项目`);
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/admin-import-result-1600x900.png` });

    // A county's own ledger as an .xls: the unit in a note line, the year's figures through October.
    const XLSX = await import('@e965/xlsx');
    const [domain] = await api('/api/domains');
    const [unit] = await api('/api/units');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['填写说明'], ['金额单位见表头']]), '说明');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
      ['2020年重点项目台账'], ['单位：亿元'],
      ['项目名称', '领域', '责任单位', '总投资', '年度计划投资', '1-10月完成投资', '建设性质'],
      ['城北续建厂房（二期）', domain.name, unit.name, 1.5, 0.5, 0.35, '续建'],
    ]), '台账');
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: '县台账.xls', mimeType: 'application/vnd.ms-excel', buffer: XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) });
    await expect.poll(() => page.locator('[data-testid="import-sheet"]').innerText()).toContain('工作表「台账」');
    const notes = await page.locator('[data-testid="import-note"]').allInnerTexts();
    expect(notes.join()).toContain('第2行注明「单位：亿元」');
    expect(await page.locator('[data-testid="import-opening"]').innerText()).toContain('截至2020年10月');
    expect(await page.locator('[data-testid="row-amounts"]').first().innerText()).toContain('本年累计完成投资 3,500.00万元');
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/admin-import-opening-1600x900.png` });

    // The ledger page lists the new project.
    await page.locator('[data-testid="menu-projects"]').click();
    await page.locator(box('ledger-search')).fill('城南智慧物流园');
    await expect.poll(() => page.locator('.count').first().innerText()).toBe('共 1 个项目');
    const projects: { name: string; totalInvestment: number }[] = await api('/api/projects');
    expect(projects).toHaveLength(before + 1);
    expect(projects.find((p) => p.name === '城南智慧物流园')?.totalInvestment).toBe(120_000_000);
    await page.close();
  });
});
