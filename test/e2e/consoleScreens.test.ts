// The console's everyday tables on a laptop (1366×768) and an office monitor (1600×900): nothing runs off the
// side, no cell of the default columns is cut; the ledger's 滞后 filter and the audit log's filters work.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const SCREENS = `${ARTIFACTS}/screens`;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1600, height: 900 },
];
const PAGES = [
  { path: 'projects', table: 'ledger-table' },
  { path: 'audit', table: 'audit-table' },
  { path: 'alerts', table: 'alerts-table' },
  { path: 'problems', table: null },
  { path: 'bulletins', table: 'bulletin-preview' },
];

const box = (id: string) => `:is(input, textarea)[data-testid="${id}"], [data-testid="${id}"] :is(input, textarea)`;

interface Overflow {
  page: number;
  view: number;
  main: number;
  mainView: number;
  /** Tables that scroll sideways, by their test id. */
  tables: string[];
  /** Cells whose content is wider than the cell (ellipsis-with-tooltip cells excepted). */
  cut: string[];
}

/** What runs off the side: the document, the console's main area, each table, each cell. */
function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const main = document.querySelector('.el-main') as HTMLElement;
    const tables = [...document.querySelectorAll<HTMLElement>('.el-table')]
      .filter((t) => {
        const wrap = t.querySelector<HTMLElement>('.el-table__body-wrapper .el-scrollbar__wrap');
        return wrap && wrap.scrollWidth > wrap.clientWidth + 1;
      })
      .map((t) => t.closest('[data-testid]')?.getAttribute('data-testid') ?? t.className);
    const cut = [...document.querySelectorAll<HTMLElement>('.el-table__cell > .cell')]
      .filter((c) => !c.classList.contains('el-tooltip') && c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.innerText.trim().slice(0, 30));
    return {
      page: document.scrollingElement!.scrollWidth,
      view: window.innerWidth,
      main: main.scrollWidth,
      mainView: main.clientWidth,
      tables,
      cut,
    };
  });
}

describe.skipIf(!hasChromium())('console screens at 1366×768 and 1600×900', () => {
  let server: ServerProcess;
  let browser: Browser;
  let cookie: string;
  let edited: { id: number; name: string };

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };

  async function signedIn(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator(box('login-username')).fill(E2E_ADMIN.username);
    await page.locator(box('login-password')).fill(E2E_ADMIN.password);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/\/admin\//, { timeout: 30_000 });
    return { context, page };
  }

  /** Loaded, toasts gone, nothing moving. */
  async function settled(page: Page) {
    await page.locator('.el-loading-mask:visible').first().waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => undefined);
    await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
  }

  const ledgerTotal = async (page: Page) => Number((await page.locator('[data-testid="ledger-count"]').innerText()).match(/共 (\d+) 个项目/)![1]);
  const auditRows = (page: Page) => page.locator('[data-testid="audit-table"] .el-table__body-wrapper .el-table__row');

  async function choose(page: Page, select: string, option: string) {
    await page.locator(`[data-testid="${select}"]`).click();
    const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first();
    await item.click();
    await settled(page);
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    // The compiled server starts faster on a busy machine; the build is fresh from the e2e set-up.
    server = await startServer({ START_TIMEOUT_MS: '240000' }, { compiled: true });
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    // One edit of a project, so the log has a row about a project by name.
    const [first] = await api<{ id: number; name: string; rowVersion: number }[]>('/api/projects');
    await api(`/api/projects/${first.id}`, { method: 'PATCH', body: JSON.stringify({ rowVersion: first.rowVersion, commissioner: '王服务' }) });
    edited = { id: first.id, name: first.name };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;

    it(`fits ledger, audit, alerts, problems and bulletin at ${size}`, async () => {
      const { context, page } = await signedIn(viewport);
      try {
        for (const p of PAGES) {
          await page.goto(`${server.url}/admin/${p.path}`);
          if (p.table) await page.locator(`[data-testid="${p.table}"]`).waitFor({ timeout: 30_000 });
          await page.locator('.el-table__row, .el-empty').first().waitFor({ timeout: 30_000 });
          if (p.path === 'projects') await page.locator('[data-testid="ledger-schedule-mark"]').first().waitFor({ timeout: 30_000 });
          await settled(page);
          await page.screenshot({ path: `${SCREENS}/console-${p.path}-${size}.png` });
          const o = await measure(page);
          expect(o.page, `${p.path}: the page is no wider than the window`).toBeLessThanOrEqual(o.view);
          expect(o.main, `${p.path}: the console's main area does not scroll sideways`).toBeLessThanOrEqual(o.mainView);
          expect(o.tables, `${p.path}: no table scrolls sideways`).toEqual([]);
          expect(o.cut, `${p.path}: no cell is cut`).toEqual([]);
        }
      } finally {
        await context.close();
      }
    }, 300_000);
  }

  it('the ledger shows open alerts and the 序时 mark, and its 滞后 filter narrows the list', async () => {
    const { context, page } = await signedIn({ width: 1366, height: 768 });
    try {
      await page.goto(`${server.url}/admin/projects`);
      await page.locator('[data-testid="ledger-table"] .el-table__row').first().waitFor({ timeout: 30_000 });
      await settled(page);
      const all = await ledgerTotal(page);
      await choose(page, 'ledger-alert-filter', '滞后');
      await expect.poll(() => ledgerTotal(page), { timeout: 10_000 }).toBeLessThan(all);
      const lagging = await ledgerTotal(page);
      expect(lagging, 'the demo county has lagging projects').toBeGreaterThan(0);
      const rows = page.locator('[data-testid="ledger-table"] .el-table__body-wrapper .el-table__row');
      const shown = await rows.count();
      for (let i = 0; i < shown; i++) expect(await rows.nth(i).locator('[data-testid="ledger-alert"]').count()).toBeGreaterThan(0);

      await choose(page, 'ledger-alert-filter', '红色预警');
      const red = await ledgerTotal(page);
      expect(red).toBeLessThanOrEqual(lagging);
      if (red > 0) await expect.poll(() => page.locator('[data-testid="ledger-alert"][data-severity="red"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENS}/console-projects-red-1366x768.png` });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the audit log names projects and filters by action, project, person and date', async () => {
    const { context, page } = await signedIn({ width: 1366, height: 768 });
    try {
      await page.goto(`${server.url}/admin/audit`);
      await auditRows(page).first().waitFor({ timeout: 30_000 });
      await settled(page);
      await expect.poll(() => page.locator('[data-testid="audit-subject"]', { hasText: `项目 · ${edited.name}` }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('[data-testid="audit-subject"]', { hasText: /#\d+$/ }).count(), { timeout: 5_000 }).toBe(0);

      // 操作: 编辑项目 only.
      await choose(page, 'audit-action', '编辑项目');
      await expect.poll(async () => [...new Set(await page.locator('[data-testid="audit-table"] .el-tag').allInnerTexts())]).toEqual(['编辑项目']);

      // 项目: by typing part of its name.
      await page.locator('[data-testid="audit-clear"]').click();
      await settled(page);
      await page.locator('[data-testid="audit-project"]').click();
      await page.keyboard.type(edited.name.slice(0, 4));
      await page.locator('.el-select-dropdown__item:visible', { hasText: edited.name }).first().click();
      await settled(page);
      await expect.poll(async () => [...new Set(await page.locator('[data-testid="audit-subject"]').allInnerTexts())].every((t) => t.endsWith(edited.name))).toBe(true);
      expect(await auditRows(page).count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENS}/console-audit-project-1366x768.png` });

      // 操作人: the admin's own rows.
      await page.locator('[data-testid="audit-clear"]').click();
      await settled(page);
      const actor = (await page.locator('[data-testid="audit-table"] .el-table__row td:nth-child(2)').first().innerText()).trim();
      await choose(page, 'audit-actor', actor);
      await expect.poll(async () => [...new Set((await page.locator('[data-testid="audit-table"] .el-table__row td:nth-child(2)').allInnerTexts()).map((t) => t.trim()))]).toEqual([actor]);

      // 日期: a range long before the campaign has no rows.
      const inputs = page.locator('[data-testid="audit-dates"] input, .dates input');
      await inputs.nth(0).fill('2000-01-01');
      await inputs.nth(1).fill('2000-01-02');
      await inputs.nth(1).press('Enter');
      await settled(page);
      await expect.poll(() => page.locator('[data-testid="audit-table"] .el-table__empty-text').innerText()).toContain('没有符合条件');
    } finally {
      await context.close();
    }
  }, 180_000);
});
