// The turn of the year from the console (issue 15): a 2027 county on TODAY=2028-01-03 rolls its year over
// with the 年度结转 button; 2028 becomes current with the unfinished projects, 2027 stays readable.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const field = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;

describe.skipIf(!hasChromium())('年度结转 from the console, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let cookie: string;
  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { cookie, ...(init.body && typeof init.body === 'string' && { 'content-type': 'application/json' }), ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    server = await startServer({ DEMO: '0', TODAY: '2028-01-03' }, { compiled: true });
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    await api('/api/campaigns', { method: 'POST', body: JSON.stringify({ county: '示范县', title: '项目建设提速年', year: 2027, domains: [{ name: '工业' }] }) });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['项目名称', '领域', '责任单位', '总投资', '2027年计划投资', '建设性质', '实际开工时间', '实际竣工时间']);
    ws.addRow(['产业园', '工业', '县工信局', 50_000, 12_000, '续建', '2025-06-01', null]);
    ws.addRow(['标准厂房', '工业', '县工信局', 8_000, 8_000, '续建', '2026-03-01', '2027-11-30']);
    await api('/api/imports/ledger?dryRun=0', { method: 'POST', body: new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer())) });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('rolls 2027 over into 2028 with the button, carrying the unfinished project', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.url}/login`);
    await page.locator(field('login-username')).fill(E2E_ADMIN.username);
    await page.locator(field('login-password')).fill(E2E_ADMIN.password);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/\/admin/);
    await page.goto(`${server.url}/admin/campaigns`);
    await page.locator('[data-testid="rollover-2027"]').click();
    await page.locator('[data-testid="rollover-dialog"]').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/rollover-dialog-1600x900.png` });
    await page.locator('[data-testid="rollover-confirm"]').click();
    await page.getByText('已结转至2028年度：1个续建项目').waitFor();
    await page.locator('[data-testid="campaign-table"]').getByText('已结转').waitFor();
    const table = await page.locator('[data-testid="campaign-table"]').innerText();
    expect(table).toContain('2028');
    expect(table).toContain('已结转');
    await page.screenshot({ path: `${ARTIFACTS}/rollover-done-1600x900.png` });

    const years = await api('/api/campaigns');
    expect(years.map((c: any) => [c.year, c.active, c.rolledOver])).toEqual([[2027, false, true], [2028, true, false]]);
    expect((await api('/api/projects')).map((p: any) => p.name)).toEqual(['产业园']);
    expect((await api(`/api/projects?campaign=${years[0].id}`)).map((p: any) => p.name).sort()).toEqual(['产业园', '标准厂房']);
  });
});
