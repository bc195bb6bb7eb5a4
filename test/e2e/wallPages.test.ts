// The wall's five data pages (领域, 滞后预警, 问题台账, 挂点领导, 单位排名) in Chromium: each pinned with
// `/?page=`, its key figures match the snapshot, nothing is clipped or spills off the stage — for both
// demo counties, at 1080p and 4K (a 15,000-project province: wallPagesProvince.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Snapshot } from '../../shared/snapshot.js';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { startServer, type ServerProcess } from './serverProcess.js';
import { CHECKS, clipped, county, openPage, PAGES, text } from './wallPageChecks.js';

describe.skipIf(!hasChromium())('the wall pages in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe.each([
    ['yiyang', '弋阳县'],
    ['shangyou', '上犹县'],
  ])('%s', (profile, countyName) => {
    let server: ServerProcess;
    let context: BrowserContext;
    let page: Page;
    let snapshot: Snapshot;

    beforeAll(async () => {
      // The default profile is the demo county every file starts on a copy of.
      server = profile === 'yiyang' ? await startDemoServer() : await startServer({ DEMO_PROFILE: profile }, { compiled: true });
      ({ context, page, snapshot } = await county(browser, profile, server));
      expect(snapshot.campaign.county).toBe(countyName);
    }, 240_000);
    afterAll(async () => {
      await context?.close();
      await server?.stop();
      server?.remove();
    });

    it.each(PAGES)('shows %s with the snapshot\'s figures, nothing clipped', async (key) => {
      await openPage(page, server.url, key);
      await CHECKS[key](page, snapshot);
      expect(await page.evaluate(clipped, key)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/wall-page-${key}-${profile}-1920x1080.png` });
    });

    it('opens the projects behind a leader and a lagging project\'s card', async () => {
      await openPage(page, server.url, 'leaders');
      await page.locator('[data-testid="leader-card"]').first().click();
      await expect.poll(() => text(page, 'drill-title')).toContain(snapshot.byLeader[0].name);
      await page.locator('[data-testid="drill-close"]').click();
      if (!snapshot.lagging.length) return;
      await openPage(page, server.url, 'alerts');
      await page.locator('[data-testid="alerts-row"]').first().click();
      await page.locator(`[data-testid="project-card"][data-project-id="${snapshot.lagging[0].projectId}"]`).waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="drill-close"]').click();
    });

    it.each(PAGES)('lays %s out at 4K', async (key) => {
      const big = await context.newPage();
      await big.setViewportSize({ width: 3840, height: 2160 });
      await openPage(big, server.url, key);
      expect(await big.evaluate(clipped, key)).toEqual([]);
      if (key === 'ranking' || key === 'domains') await big.screenshot({ path: `${ARTIFACTS}/wall-page-${key}-${profile}-3840x2160.png` });
      await big.close();
    });
  });
});
