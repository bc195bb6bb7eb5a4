// Drill-down on the wall at 1920×1080: a figure → the list behind it → a project's card → back, Esc, ✕.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMonths } from '../../shared/dates.js';
import { formatWan } from '../../shared/money.js';
import { ARTIFACTS, atRest, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

describe.skipIf(!hasChromium())('drill-down on the wall', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  let snapshot: any;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0];
    const token = await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '钻取测试大屏' }),
    });
    snapshot = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
    await page.goto(`${server.url}${(await token.json()).url}&page=overview`);
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  const overlay = () => page.locator('[data-testid="drill-overlay"]');
  const list = () => page.locator('[data-testid="drill-list"]:not([data-loading])');

  it('opens the list behind 已开工 with exactly the counted projects', async () => {
    await page.locator('[data-testid="drill-started"]').click();
    await list().waitFor();
    expect(await page.locator('[data-testid="drill-title"]').innerText()).toBe('已开工项目');
    expect(await page.locator('[data-testid="drill-row"]').count()).toBe(snapshot.totals.started);
    expect(await page.locator('[data-testid="drill-summary"]').innerText()).toContain(`共 ${snapshot.totals.started} 个项目`);
    // Sorting by a figure: the completed column reads largest first, then (clicked again) smallest first.
    const completed = async () => (await page.locator('[data-testid="drill-row"] .strong').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
    await page.locator('[data-sort="completed"]').click();
    const desc = await completed();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.locator('[data-sort="completed"]').click();
    const asc = await completed();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc[0]).toBeLessThan(desc[0]);
    await atRest(page);
    await page.screenshot({ path: `${ARTIFACTS}/drill-list-1920x1080.png` });
  });

  it('opens a row as the project card with its curve and history, and returns to the list', async () => {
    const row = page.locator('[data-testid="drill-row"]').first();
    const id = await row.getAttribute('data-project-id');
    await row.click();
    const card = page.locator(`[data-testid="project-card"][data-project-id="${id}"]`);
    await card.waitFor();
    await card.locator('[data-testid="card-curve"] canvas').waitFor();
    expect(await page.locator('[data-testid="card-history-item"]').count()).toBeGreaterThan(0);
    expect(await card.locator('[data-testid="card-people"]').innerText()).toContain('责任单位');
    const project = await (await fetch(`${server.url}/api/projects/${id}`, { headers: { cookie } })).json();
    expect(await page.locator('[data-testid="drill-title"]').innerText()).toBe(project.name);
    await atRest(page); // the chart animation done before the picture
    await page.screenshot({ path: `${ARTIFACTS}/drill-card-1920x1080.png` });

    await page.locator('[data-testid="drill-back"]').click();
    await list().waitFor();
    expect(await page.locator('[data-testid="drill-row"]').count()).toBe(snapshot.totals.started);
    await page.keyboard.press('Escape');
    await overlay().waitFor({ state: 'detached' });
  });

  it('opens a lagging project straight to its card and closes with ✕', async () => {
    const item = page.locator('[data-testid="lagging-item"]').first();
    const id = await item.getAttribute('data-project-id');
    // The list scrolls slowly (it pauses under a person's pointer); the click goes to the row itself.
    await item.dispatchEvent('click');
    const card = page.locator(`[data-testid="project-card"][data-project-id="${id}"]`);
    await card.waitFor();
    expect(await card.locator('[data-testid="card-lagging"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="drill-back"]').count()).toBe(0);
    await atRest(page); // the overlay's fade-in and the chart animation
    await page.screenshot({ path: `${ARTIFACTS}/drill-lagging-card-1920x1080.png` });
    await page.locator('[data-testid="drill-close"]').click();
    await overlay().waitFor({ state: 'detached' });
  });

  it('opens a domain bar of the chart as that domain\'s projects', async () => {
    const box = (await page.locator('[data-testid="domain-chart"]').boundingBox())!;
    const domain = snapshot.byDomain[0];
    // The plan bar of the first domain: left of its category's centre (two 34 px bars), just above the axis.
    const plotLeft = box.x + 96;
    const category = (box.width - 96 - 24) / snapshot.byDomain.length;
    const hasTarget = snapshot.byDomain.some((d: any) => d.target !== null);
    await page.mouse.click(plotLeft + category / 2 - 24, box.y + box.height - (hasTarget ? 52 : 30) - 6);
    await list().waitFor();
    expect(await page.locator('[data-testid="drill-title"]').innerText()).toContain(domain.name);
    expect(await page.locator('[data-testid="drill-row"]').count()).toBe(domain.projects);
    await page.keyboard.press('Escape');
    await overlay().waitFor({ state: 'detached' });
  });

  it('opens a unit of the ranking as its projects', async () => {
    await page.locator('[data-testid="ranking-row"]').first().click();
    await list().waitFor();
    const top = snapshot.ranking[0];
    expect(await page.locator('[data-testid="drill-title"]').innerText()).toContain(top.unit);
    expect(await page.locator('[data-testid="drill-row"]').count()).toBe(top.projects);
    await page.keyboard.press('Escape');
    await overlay().waitFor({ state: 'detached' });
  });

  it('shows the month-end figures, so labelled, while the wall follows a frozen meeting', async () => {
    const api = async (method: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/presentation`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.status === 204 ? null : res.json();
    };
    await api('POST', {});
    const month = addMonths(snapshot.reportingMonth, -1);
    await api('PATCH', { frozen: month });
    // The presenter steps to the month end's most lagging project: the wall opens its card at that date.
    const view = await api('PATCH', { step: 'next' });
    const card = page.locator(`[data-testid="project-card"][data-project-id="${view.state.projectId}"]`);
    await card.waitFor({ timeout: 10_000 });
    const [y, m, d] = view.state.frozen.asOf.split('-').map(Number);
    await expect.poll(() => page.locator('[data-testid="drill-as-of"]').innerText()).toBe(`数据截至 ${y}年${m}月${d}日`);
    expect(await card.locator('[data-testid="card-completed"] .value').innerText()).toContain(formatWan(view.focus.completed, 0));
    await atRest(page);
    await page.screenshot({ path: `${ARTIFACTS}/drill-frozen-card-1920x1080.png` });
    await api('DELETE');
    // Live again: no date on whatever is still open.
    await page.locator('[data-testid="drill-as-of"]').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
