// The wall's data pages for a province of 15,000 projects in Chromium: the figures match the snapshot,
// long lists are capped or paged, nothing is clipped (the demo counties: wallPages.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { provinceLedger } from '../../server/demo/province.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';
import { openStore } from '../../server/store/open.js';
import { loadSeed } from '../../server/store/seed.js';
import type { Snapshot } from '../../shared/snapshot.js';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { startServer, type ServerProcess } from './serverProcess.js';
import { CHECKS, clipped, county, openPage, PAGES, text } from './wallPageChecks.js';

describe.skipIf(!hasChromium())('the wall pages of a province of 15,000 projects in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;
  let context: BrowserContext;
  let page: Page;
  let snapshot: Snapshot;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xmdd-e2e-province-'));

  beforeAll(async () => {
    const db = await openStore({ dataDir });
    await loadSeed(db, provinceLedger({ projects: 15_000 }), SYSTEM_ACTOR);
    await db.close();
    server = await startServer({ DATA_DIR: dataDir, DEMO: '0' }, { compiled: true });
    browser = await launchBrowser();
    ({ context, page, snapshot } = await county(browser, 'province', server));
    expect(snapshot.totals.projects).toBe(15_000);
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    server?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(PAGES)('caps or pages %s, nothing clipped', async (key) => {
    await openPage(page, server.url, key);
    await CHECKS[key](page, snapshot);
    expect(await page.evaluate(clipped, key)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/wall-page-${key}-province-1920x1080.png` });
  });

  it('pages the long lists rather than overflowing them', async () => {
    await openPage(page, server.url, 'ranking');
    expect(await text(page, 'ranking-pager')).toMatch(/^第 1 \/ \d+ 页$/);
    const rows = await page.locator('[data-testid="ranking-page-row"]').count();
    expect(rows).toBeLessThan(snapshot.ranking.length);
    await openPage(page, server.url, 'alerts');
    expect(await page.locator('[data-testid="alerts-row"]').count()).toBeLessThan(snapshot.lagging.length);
    expect(await text(page, 'alerts-pager')).toMatch(/^第 1 \/ \d+ 页$/);
  });
});
