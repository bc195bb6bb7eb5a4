// The built pages under the server's Content-Security-Policy: the wall with its ECharts canvases and
// map, the login page and the console load without a single CSP violation, and the console's 备份
// button downloads a timestamped backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

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
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    const [name, value] = res.headers.get('set-cookie')!.split(';')[0].split('=');
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
});
