// A county's first day (issue 13): DEMO=0 with TODAY fixed, the set-up page in the console, then the
// wall on a display token shows that county, its year and the product's date — and no other year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const field = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input, textarea[data-testid="${id}"], [data-testid="${id}"] textarea`;

describe.skipIf(!hasChromium())('a county starts on its own, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ DEMO: '0', TODAY: '2027-03-15' }, { compiled: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('creates the first campaign year from the console and shows it on the wall', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await desk.goto(`${server.url}/admin`);
    await desk.waitForURL(/\/login/);
    await desk.locator(field('login-username')).fill(E2E_ADMIN.username);
    await desk.locator(field('login-password')).fill(E2E_ADMIN.password);
    await desk.locator('[data-testid="login-submit"]').click();
    // An empty store opens on the set-up page, with the product's year preset.
    await desk.waitForURL(/\/admin\/setup$/);
    await desk.locator('[data-testid="setup-page"]').waitFor();
    expect(await desk.locator('[data-testid="campaign-year"]').innerText()).toContain('2027年');

    // Nothing typed: the county is asked for, next to its field, and nothing is created.
    await desk.locator('[data-testid="campaign-submit"]').click();
    await desk.getByText('请填写县（市、区）名称').waitFor();

    await desk.locator(field('campaign-county')).fill('示范县');
    await desk.locator(field('domain-target-0')).fill('500000');
    await desk.locator(field('domain-target-1')).fill('-3');
    await desk.locator('[data-testid="campaign-submit"]').click();
    await desk.getByText('领域目标不能为负数').waitFor();
    await desk.locator(field('domain-target-1')).fill('40000');
    await desk.locator(field('campaign-units')).fill('县工信局\n县交通运输局');
    await desk.locator(field('campaign-leaders')).fill('王明 县长\n李强（常务副县长）');
    await desk.screenshot({ path: `${ARTIFACTS}/setup-1600x900.png`, fullPage: true });
    await desk.locator('[data-testid="campaign-submit"]').click();
    await desk.waitForURL(/\/admin\/import$/);

    // The console now lists the year as current.
    await desk.goto(`${server.url}/admin/campaigns`);
    const table = desk.locator('[data-testid="campaign-table"]');
    await table.getByText('当前年度').waitFor();
    expect(await table.innerText()).toContain('示范县');

    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const years = await (await fetch(`${server.url}/api/campaigns`, { headers: { cookie } })).json();
    expect(years).toEqual([{ id: expect.any(Number), county: '示范县', title: '项目建设提速年', year: 2027, firstYear: 2027, lastYear: 2027, active: true, rolledOver: false }]);
    const again = await fetch(`${server.url}/api/campaigns`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ county: '示范县', title: '项目建设提速年', year: 2027 }),
    });
    expect(again.status).toBe(409);

    // The wall on a display token.
    const token = await (await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '指挥中心大屏' }),
    })).json();
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}${token.url}&page=overview`);
    await wall.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
    expect(await wall.locator('[data-testid="wall-title"]').innerText()).toContain('示范县2027年');
    expect(await wall.locator('[data-testid="clock-date"]').innerText()).toBe('2027年3月15日');
    await wall.screenshot({ path: `${ARTIFACTS}/setup-wall-1920x1080.png` });
    const text = await wall.locator('body').innerText();
    expect(text).toContain('数据统计至2027年2月');
    const otherYears = [...text.matchAll(/(19|20)\d\d(?=年|-|\/|\.)/g)].map((m) => m[0]).filter((y) => y !== '2027');
    expect(otherYears).toEqual([]);
  });
});
