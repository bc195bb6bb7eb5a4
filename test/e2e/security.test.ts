// The built pages under the server's Content-Security-Policy: the wall with its ECharts canvases and
// map, the login page and the console load without a single CSP violation, and the console's 备份
// button downloads a timestamped backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

describe.skipIf(!hasChromium())('pages under the Content-Security-Policy', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let wallUrl: string;
  let adminCookie: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    adminCookie = res.headers.get('set-cookie')!.split(';')[0];
    const [name, value] = adminCookie.split('=');
    const token = await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: `${name}=${value}` }, body: JSON.stringify({ name: 'CSP测试大屏' }),
    });
    wallUrl = `${server.url}${(await token.json()).url}`;
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    // Every violation the browser reports, from the first script on.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
    });
    await context.addCookies([{ name, value, url: server.url }]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  const violations = async () => [...(await page.evaluate(() => window.__cspViolations)), ...consoleErrors.splice(0)];

  it('draws the wall, its charts and the county map', async () => {
    const res = await page.goto(`${wallUrl}&page=overview`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.goto(`${wallUrl}&page=map`);
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('shows the login page and the console, whose 备份 button downloads the store', async () => {
    await page.goto(`${server.url}/login`);
    await page.locator('input').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.goto(`${server.url}/admin/projects`);
    await page.locator('.el-table').first().waitFor({ timeout: 20_000 });
    expect(await violations()).toEqual([]);
    await page.goto(`${server.url}/admin/audit`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="backup"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^xmdd-backup-\d{8}-\d{6}\.jsonl$/);
    expect(await violations()).toEqual([]);
  });

  it('shows every console page, the unit’s reporting app and the leader’s desk and remote', async () => {
    const visit = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
      return { path, violations: await violations() };
    };
    const pages = ['reports', 'alerts', 'problems', 'meetings', 'letters', 'bulletins', 'import', 'settings', 'users', 'units', 'tokens', 'map'];
    for (const p of pages) expect(await visit(`/admin/${p}`)).toEqual({ path: `/admin/${p}`, violations: [] });

    const api = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: adminCookie }, body: JSON.stringify(body) });
    const units = (await (await fetch(`${server.url}/api/units`, { headers: { cookie: adminCookie } })).json()) as { id: number }[];
    const leaders = (await (await fetch(`${server.url}/api/leaders`, { headers: { cookie: adminCookie } })).json()) as { id: number }[];
    await api('/api/users', { username: 'csp-unit', displayName: '填报员', role: 'unit', unitId: units[0].id, password: 'csp-unit-password' });
    await api('/api/users', { username: 'csp-leader', displayName: '县领导', role: 'leader', leaderId: leaders[0].id, password: 'csp-leader-password' });
    for (const [username, paths] of [['csp-unit', ['/report', '/report/problems', '/report/alerts']], ['csp-leader', ['/leader', '/leader/remote']]] as const) {
      await context.clearCookies();
      await page.goto(`${server.url}/login`);
      await page.getByPlaceholder('请输入用户名').fill(username);
      await page.getByPlaceholder('请输入密码').fill(`${username}-password`);
      await page.getByPlaceholder('请输入密码').press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
      for (const path of paths) expect(await visit(path)).toEqual({ path, violations: [] });
    }
  });
});
