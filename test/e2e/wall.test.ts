// A person's view: the wall opens in Chromium, a unit's report arrives, the figure on screen moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, atRest, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

describe.skipIf(!hasChromium())('the wall in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  let wallUrl: string;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0];
    const token = await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '测试大屏' }),
    });
    // Held on 总览: the playlist is tested in wallPlaylist.test.ts.
    wallUrl = `${server.url}${(await token.json()).url}&page=overview`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  const kpiCompleted = () => page.locator('[data-testid="kpi-completed"]').innerText();

  it('shows the demo county live, in Chinese', async () => {
    await page.goto(wallUrl);
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(kpiCompleted).toMatch(/^\d+\.\d{2}$/);
    const title = await page.locator('body').innerText();
    expect(title).toContain('弋阳县');
    expect(await page.locator('[data-testid="kpi-annual-plan"]').innerText()).toContain('84.90');
    await atRest(page); // chart animations done before the picture
    await page.screenshot({ path: `${ARTIFACTS}/wall-1920x1080.png` });
  });

  // How soon is measured by `npm run bench` (test/bench/push.ts); here it is what moves, on any machine.
  it('moves when a report is accepted: the open month\u2019s apart, as 本月已报', async () => {
    const projects = await (await fetch(`${server.url}/api/projects`, { headers: { cookie } })).json();
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
    const target = projects.find((p: any) => p.startedOn && !p.completedOn && p.totalInvestment - p.completedToDate > 50_000_000);
    const before = await kpiCompleted();
    const openMonth = () => page.locator('[data-testid="kpi-open-month"]').innerText();
    const openBefore = await openMonth();
    const res = await fetch(`${server.url}/api/projects/${target.id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ month: snap.today.slice(0, 7), investment: '5000', progress: '主体结构施工' }),
    });
    expect(res.status).toBe(201);
    await page.waitForFunction(
      ({ prev }) => document.querySelector('[data-testid="kpi-open-month"]')?.textContent?.trim() !== prev,
      { prev: openBefore.trim() },
      { timeout: 10_000 },
    );
    const amount = (text: string) => Number(/本月已报 ([\d.]+)亿元/.exec(text)![1]);
    expect(amount(await openMonth())).toBeCloseTo(amount(openBefore) + 0.5, 2);
    // 数据统计至 the month before: the report of the month still open is in no figure yet.
    expect(await kpiCompleted()).toBe(before);
    await expect.poll(() => page.locator('[data-testid="ticker"]').innerText()).toContain(target.name);
  });

  it('ranks the units with the bulletin\'s numbers and flashes new red alerts across the hall', async () => {
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
    const scores = await page.locator('[data-testid="ranking-score"]').allInnerTexts();
    expect(scores[0]).toBe(snap.ranking[0].score.toFixed(1));
    expect(await page.locator('[data-testid="ranking-panel"]').innerText()).toContain(snap.ranking[0].unit);

    // Tighter thresholds turn lagging projects red: the wall hears alert:raised and flashes them.
    const patch = (body: object) =>
      fetch(`${server.url}/api/campaign/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    const before = (await (await fetch(`${server.url}/api/campaign`, { headers: { cookie } })).json()).settings;
    expect((await patch({ lagYellowPoints: 1, lagOrangePoints: 2, lagRedPoints: 3 })).status).toBe(200);
    await page.locator('[data-testid="alert-flash"]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="alert-flash"]').first().innerText()).toContain('红色预警');
    await atRest(page); // the band's entrance
    await page.screenshot({ path: `${ARTIFACTS}/wall-red-alert.png` });
    expect((await patch(before)).status).toBe(200);
  });

  it('lays out at 4K', async () => {
    const big = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await big.goto(wallUrl);
    await big.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
    await atRest(big);
    await big.screenshot({ path: `${ARTIFACTS}/wall-3840x2160.png` });
    await big.close();
  });

  it('shows that its data is stale when the server goes away, keeping the figures', async () => {
    const shown = await kpiCompleted();
    await server.stop();
    await page.locator('[data-testid="conn-status"][data-state="stale"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="stale-banner"]').waitFor({ state: 'visible' });
    expect(await kpiCompleted()).toBe(shown);
    await page.screenshot({ path: `${ARTIFACTS}/wall-stale.png` });
  });

  it('reconnects by itself when the server is back, clears the banner and shows current figures', async () => {
    await server.restart();
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 45_000 });
    expect(await page.locator('[data-testid="stale-banner"]').count()).toBe(0);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
    await expect.poll(() => page.locator('[data-testid="stage"]').getAttribute('data-version')).toBe(String(snap.version));
    expect(Number(await kpiCompleted())).toBeCloseTo(snap.totals.completed / 1e8, 2);
  });
});
