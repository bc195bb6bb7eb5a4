// The reporting cycle as people live it: a unit reports on a phone, staff accept it at a desk,
// the wall (a kiosk on a display token) shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

/** element-plus puts a data-testid on the input itself; the form items wrap theirs. */
const field = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;
const UNIT_USER = { username: 'unit-e2e', password: 'unit-e2e-password' };

describe.skipIf(!hasChromium())('monthly reporting in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let wall: Page;
  let cookie: string;
  let target: { id: number; name: string; unit: string; unitId: number };

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    const projects = await api('/api/projects');
    target = projects.find((p: any) => p.startedOn && !p.completedOn && p.totalInvestment - p.completedToDate > 50_000_000);
    await api('/api/users', {
      method: 'POST',
      body: JSON.stringify({ ...UNIT_USER, displayName: '单位填报员', role: 'unit', unitId: target.unitId }),
    });
    const token = await api('/api/display-tokens', { method: 'POST', body: JSON.stringify({ name: '报告厅大屏' }) });
    wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}${token.url}&page=overview`); // held on 总览, the panels under test
    await wall.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('a unit submits, staff accept, the wall shows it', async () => {
    const kpi = () => wall.locator('[data-testid="kpi-completed"]').innerText();
    const before = Number(await kpi());

    // The unit's reporter, on a phone.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const unitPage = await phone.newPage();
    await unitPage.goto(`${server.url}/report`);
    await unitPage.waitForURL(/\/login/);
    await unitPage.locator(field('login-username')).fill(UNIT_USER.username);
    await unitPage.locator(field('login-password')).fill(UNIT_USER.password);
    await unitPage.locator('[data-testid="login-submit"]').click();
    await unitPage.waitForURL(/\/report$/);
    await unitPage.locator('[data-testid="deadline-card"]').waitFor();
    await unitPage.screenshot({ path: `${ARTIFACTS}/report-list-390x844.png`, fullPage: true });
    await unitPage.locator(`[data-testid="project-${target.id}"]`).click();
    await unitPage.locator('[data-testid="project-context"]').waitFor();

    // A bad amount is refused next to the field, in Chinese, and nothing is sent.
    await unitPage.locator('[data-testid="field-investment"] input').fill('-5');
    await unitPage.locator('[data-testid="field-progress"] textarea').fill('主体结构施工至第8层');
    await unitPage.locator('[data-testid="submit-report"]').click();
    const fieldError = unitPage.locator('[data-testid="field-investment"] .el-form-item__error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toMatch(/[\u4e00-\u9fa5]/);
    await unitPage.screenshot({ path: `${ARTIFACTS}/report-form-error-390x844.png` });

    await unitPage.locator('[data-testid="field-investment"] input').fill('6000');
    await unitPage.locator('[data-testid="submit-report"]').click();
    await unitPage.waitForURL(/\/report$/);
    await expect.poll(() => unitPage.locator(`[data-testid="project-${target.id}"]`).innerText()).toContain('待审核');
    await phone.close();

    // Submitted is not yet accepted: the wall's figure holds, but the ticker names the report.
    await expect.poll(() => wall.locator('[data-testid="ticker"]').innerText()).toContain(target.name);
    expect(Number(await kpi())).toBeCloseTo(before, 2);

    // Staff, at a desk, accept it in the console.
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await desk.goto(`${server.url}/login`);
    await desk.locator(field('login-username')).fill(E2E_ADMIN.username);
    await desk.locator(field('login-password')).fill(E2E_ADMIN.password);
    await desk.locator('[data-testid="login-submit"]').click();
    await desk.waitForURL(/\/admin\/projects/);
    await desk.locator('[data-testid="menu-reports"]').click();
    await desk.waitForURL(/\/admin\/reports/);
    const row = desk.locator('[data-testid="review-table"] .el-table__row', { hasText: target.name });
    await row.first().waitFor();
    await desk.locator('[data-testid="review-table"] .el-loading-mask').waitFor({ state: 'hidden' });
    await desk.screenshot({ path: `${ARTIFACTS}/admin-review-1600x900.png` });
    await row.first().locator('[data-testid="accept"]').click();

    // The wall moves to the store's new total (the month's figure is replaced, not added to).
    await expect.poll(kpi, { timeout: 3_000 }).not.toBe(before.toFixed(2));
    const snap = await api('/api/snapshot');
    expect(await kpi()).toBe((snap.totals.completed / 1e8).toFixed(2));
    expect(snap.totals.completed).not.toBe(Math.round(before * 1e8));
    await wall.screenshot({ path: `${ARTIFACTS}/wall-after-accept.png` });
    await desk.close();
  });

  it('the console pages render for staff', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await desk.context().addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);
    for (const path of ['projects', 'users', 'units', 'tokens', 'audit']) {
      await desk.goto(`${server.url}/admin/${path}`);
      await desk.locator('.el-table__row').first().waitFor({ timeout: 10_000 });
      await desk.screenshot({ path: `${ARTIFACTS}/admin-${path}-1600x900.png` });
    }
    await desk.close();
  });
});
