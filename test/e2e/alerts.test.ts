// 预警 as the office and a unit live it: staff issue a 预警提示函 from the console and download it,
// the unit explains on a phone, staff read the month's bulletin and keep the thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

const UNIT_USER = { username: 'unit-alerts-e2e', password: 'unit-alerts-password' };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The text box of an ElInput, whether the test id lands on its wrapper or on the box itself. */
const box = (id: string) => `:is(input, textarea)[data-testid="${id}"], [data-testid="${id}"] :is(input, textarea)`;

describe.skipIf(!hasChromium())('alerts, letters and bulletins in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let cookie: string;
  let target: { unitId: number; unit: string; open: number };

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  /** Toasts gone, dropdowns closed, drawers and dialogs done moving: the page as a person would see it. */
  async function settled(page: Page) {
    await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => undefined);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  async function signIn(page: Page, user: { username: string; password: string }) {
    await page.goto(`${server.url}/login`);
    await page.locator(box('login-username')).fill(user.username);
    await page.locator(box('login-password')).fill(user.password);
    await page.locator('[data-testid="login-submit"]').click();
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    // The unit with the most open alerts, so there is something to write to it about.
    const alerts: { unitId: number; unit: string; state: string }[] = await api('/api/alerts');
    const byUnit = new Map<number, { unitId: number; unit: string; open: number }>();
    for (const a of alerts) byUnit.set(a.unitId, { unitId: a.unitId, unit: a.unit, open: (byUnit.get(a.unitId)?.open ?? 0) + 1 });
    target = [...byUnit.values()].sort((a, b) => b.open - a.open)[0];
    expect(target, 'the demo county has open alerts').toBeDefined();
    await api('/api/users', { method: 'POST', body: JSON.stringify({ ...UNIT_USER, displayName: '预警联络员', role: 'unit', unitId: target.unitId }) });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('staff issue a 预警提示函 from 预警管理 and download it as Word', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await signIn(desk, E2E_ADMIN);
    await desk.waitForURL(/\/admin\/projects/);
    await desk.locator('[data-testid="menu-alerts"]').click();
    await desk.waitForURL(/\/admin\/alerts/);
    const rows = desk.locator('[data-testid="alerts-table"] .el-table__body-wrapper .el-table__row');
    await rows.first().waitFor();
    await expect.poll(() => desk.locator('[data-testid="severity-tag"]').first().innerText()).toMatch(/红色|橙色|黄色/);
    await desk.locator('.el-loading-mask').waitFor({ state: 'hidden' });
    await desk.screenshot({ path: `${ARTIFACTS}/admin-alerts-1600x900.png` });

    // 分级调度: the first row goes up one level with a reason, and the drawer shows the history.
    const first = rows.first();
    await first.locator('[data-testid="escalate"]').click();
    await desk.locator('[data-testid="escalate-levels"]').waitFor();
    await desk.locator('[data-testid="confirm-escalate"]').click();
    await expect.poll(() => desk.locator('.el-dialog .el-form-item__error').innerText()).toContain('提级原因');
    await desk.locator(box('escalate-reason')).fill('挂点领导两次调度后仍未解决，需提级协调');
    await desk.locator('[data-testid="confirm-escalate"]').click();
    await desk.locator('.el-message--success').waitFor();
    await expect.poll(() => rows.first().locator('[data-testid="alert-level"]').innerText()).toBe('常务副县长');
    await rows.first().locator('[data-testid="alert-detail"]').click();
    await expect.poll(() => desk.locator('[data-testid="escalation-history"]').innerText()).toContain('挂点领导两次调度后仍未解决');
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/admin-alert-drawer-1600x900.png` });
    await desk.keyboard.press('Escape');
    await desk.locator('[data-testid="alert-drawer"]').waitFor({ state: 'hidden' });

    // 发函 to the unit with the most alerts: all of its alerts are ticked by default.
    await desk.locator('[data-testid="open-letter"]').click();
    const dialog = desk.locator('.el-dialog', { has: desk.locator('[data-testid="issue-letter"]') });
    await dialog.locator('[data-testid="letter-unit"]').click();
    await desk.locator('.el-select-dropdown__item', { hasText: new RegExp(`^${target.unit}（`) }).click();
    await expect.poll(() => dialog.locator('[data-testid="letter-alerts"] .el-checkbox.is-checked').count()).toBe(target.open);
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/admin-letter-dialog-1600x900.png` });
    await dialog.locator('[data-testid="issue-letter"]').click();
    const download = desk.locator('[data-testid="letter-download"]');
    await download.waitFor();
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/admin-letter-issued-1600x900.png` });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/letters\/\d+\.docx$/);
    const file = await desk.context().request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe(DOCX);
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
    await desk.locator('.el-dialog__headerbtn').filter({ visible: true }).click();

    // The letter's 文号 now stands on the unit's rows, and the 函件 page lists it.
    await expect.poll(() => desk.locator('[data-testid="alerts-table"]').innerText()).toMatch(/重推预字〔\d{4}〕1号/);
    await desk.locator('[data-testid="menu-letters"]').click();
    await expect.poll(() => desk.locator('[data-testid="letters-table"]').innerText()).toContain(target.unit);
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/admin-letters-1600x900.png` });
    await desk.close();
  });

  it('the unit explains its alert on a phone and sees it marked 已说明', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await signIn(page, UNIT_USER);
    await page.waitForURL(/\/report$/);
    await expect.poll(() => page.locator('[data-testid="alerts-badge"]').innerText()).toBe(String(target.open));
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/report-home-tabs-390x844.png` });
    await page.locator('[data-testid="tab-alerts"]').click();
    await page.waitForURL(/\/report\/alerts$/);

    const card = page.locator('[data-testid^="alert-card-"]', { hasText: '待说明' }).first();
    await card.waitFor();
    await expect.poll(() => card.locator('[data-testid="alert-letter"]').innerText()).toMatch(/重推预字〔\d{4}〕1号/);

    // Too short: refused next to the field, in Chinese, and nothing is sent.
    await card.locator(box('explanation-input')).fill('在办');
    await card.locator('[data-testid="submit-explanation"]').click();
    await expect.poll(() => card.locator('[data-testid="explanation-field"] .el-form-item__error').innerText()).toContain('至少5字');
    await expect.poll(() => card.locator('[data-testid="unit-status"]').innerText()).toBe('待说明');

    await card.locator(box('explanation-input')).fill('受征地拆迁影响开工推迟，已与自然资源局协调，计划12月10日前完成交地并进场施工。');
    const id = (await card.getAttribute('data-testid'))!;
    await card.locator('[data-testid="submit-explanation"]').click();
    const explained = page.locator(`[data-testid="${id}"]`);
    await expect.poll(() => explained.locator('[data-testid="unit-status"]').innerText()).toBe('已说明');
    await expect.poll(() => explained.locator('[data-testid="explanation"]').innerText()).toContain('12月10日前完成交地');
    await expect.poll(() => page.locator('[data-testid="alerts-badge"]').innerText()).toBe(String(target.open - 1));

    // The letter addressed to the unit is listed and downloads for it.
    const letter = page.locator('[data-testid="unit-letters"] a').first();
    const href = await letter.getAttribute('href');
    const file = await phone.request.get(`${server.url}${href}`);
    expect(file.headers()['content-type']).toBe(DOCX);
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}/report-alerts-390x844.png` });
    await page.screenshot({ path: `${ARTIFACTS}/report-alerts-full-390x844.png`, fullPage: true });
    await phone.close();

    // Staff see the explanation in the console.
    const alerts: { unitId: number; acknowledgement: string | null }[] = await api('/api/alerts');
    expect(alerts.filter((a) => a.unitId === target.unitId && a.acknowledgement).length).toBe(1);
  });

  it('staff preview the month bulletin and keep the thresholds', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await desk.context().addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);
    await desk.goto(`${server.url}/admin/bulletins`);
    await expect.poll(() => desk.locator('[data-testid="bulletin-title"]').innerText()).toMatch(/\d+月重点项目推进情况通报/);
    await desk.locator('[data-testid="bulletin-ranking"] .el-table__row').first().waitFor();
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/admin-bulletin-1600x900.png` });
    // The console scrolls inside its main area: the rest of the preview, a screen at a time.
    await desk.locator('[data-testid="bulletin-ranking"]').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: `${ARTIFACTS}/admin-bulletin-ranking-1600x900.png` });
    await desk.locator('[data-testid="bulletin-problems"]').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: `${ARTIFACTS}/admin-bulletin-lagging-1600x900.png` });
    for (const [id, type] of [['bulletin-docx', DOCX], ['bulletin-xlsx', XLSX]]) {
      const href = await desk.locator(`[data-testid="${id}"]`).getAttribute('href');
      const file = await desk.context().request.get(`${server.url}${href}`);
      expect(file.headers()['content-type']).toBe(type);
    }

    await desk.locator('[data-testid="menu-settings"]').click();
    await desk.waitForURL(/\/admin\/settings/);
    await expect.poll(() => desk.locator('[data-testid="weight-sum"]').innerText()).toBe('100');
    // Red below orange is refused next to the field, in Chinese.
    const red = desk.locator('[data-testid="setting-lagRedPoints"] input');
    await red.fill('15');
    await red.blur();
    await desk.locator('[data-testid="save-settings"]').click();
    await expect.poll(() => desk.locator('[data-testid="setting-lagRedPoints"] .el-form-item__error').innerText()).toContain('红色阈值须大于橙色阈值');
    await red.fill('35');
    await red.blur();
    const weight = desk.locator('[data-testid="setting-weight-investment"] input');
    await weight.fill('50');
    await weight.blur();
    await expect.poll(() => desk.locator('[data-testid="weight-sum"]').innerText()).toBe('110');
    await desk.locator('[data-testid="save-settings"]').click();
    await expect.poll(() => desk.locator('.el-message--success').innerText()).toContain('设置已保存');
    const campaign = await api('/api/campaign');
    expect(campaign.settings).toMatchObject({ lagRedPoints: 35, rankingWeights: { investment: 50 } });
    await desk.mouse.move(0, 0);
    await settled(desk);
    await desk.locator('.el-main').evaluate((el) => el.scrollTo(0, 0));
    await desk.screenshot({ path: `${ARTIFACTS}/admin-settings-1600x900.png` });
    await desk.locator('.el-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await desk.screenshot({ path: `${ARTIFACTS}/admin-settings-bottom-1600x900.png` });
    await desk.close();
  });
});
