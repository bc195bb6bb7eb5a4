// The wall as a hall runs it: the playlist turns by itself, holds while someone uses it and resumes;
// 4K stays crisp with tooltips where the pointer is; a 5760×1080 splice shows three pages side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, atRest, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

describe.skipIf(!hasChromium())('the wall playlist and layouts in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let cookie: string;
  let tokenUrl: string;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0];
    const token = await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '指挥大厅', rotateSeconds: 10 }),
    });
    tokenUrl = `${server.url}${(await token.json()).url}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  const pagesOn = (page: Page) => page.locator('[data-testid="wall-page"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-page')));
  const live = (page: Page) => page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 30_000 });

  it('turns the pages at the display token\'s pace and holds them while someone uses the wall', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The page's clock is the test's: the interval passes when the test says so, not by waiting for it.
    // (Time still flows as well, so the socket and the charts run as usual.)
    await page.clock.install();
    await page.goto(tokenUrl);
    await live(page);
    const indicator = page.locator('[data-testid="page-indicator"]');
    await expect.poll(() => indicator.innerText()).toContain('每 10 秒轮播');
    expect(await pagesOn(page)).toEqual(['overview']);
    await page.clock.fastForward(10_000);
    await expect.poll(() => pagesOn(page)).toEqual(['domains']);

    // A tap on the indicator shows that page and holds it: it stays beyond the interval.
    await page.locator('[data-testid="page-tab-ranking"]').click();
    await expect.poll(() => pagesOn(page)).toEqual(['ranking']);
    expect(await indicator.getAttribute('data-state')).toBe('held');
    // Every timer due within 12 s fires now (a turn of the playlist would be one of them).
    await page.clock.fastForward(12_000);
    expect(await pagesOn(page)).toEqual(['ranking']);
    expect(await indicator.getAttribute('data-state')).toBe('held');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pagesOn(page)).toEqual(['map']);
    await page.close();

    // A kiosk URL can narrow the playlist and set its pace.
    const quick = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await quick.goto(`${tokenUrl}&rotate=1&pages=overview,ranking`);
    await live(quick);
    await expect.poll(() => pagesOn(quick), { timeout: 5_000 }).toEqual(['ranking']);
    await quick.close();
  });

  it('keeps charts crisp at 4K and puts the tooltip where the pointer is', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await page.goto(`${tokenUrl}&page=overview`);
    await live(page);
    await atRest(page);
    const canvas = page.locator('[data-testid="domain-chart"] canvas').first();
    const sizes = await canvas.evaluate((c: HTMLCanvasElement) => ({ pixels: c.width, css: c.getBoundingClientRect().width }));
    // One canvas pixel per screen pixel: the stage is scaled ×2, so is the canvas.
    expect(sizes.pixels / sizes.css).toBeCloseTo(1, 1);
    const box = (await canvas.boundingBox())!;
    const at = { x: box.x + box.width * 0.2, y: box.y + box.height * 0.75 };
    await page.mouse.move(at.x, at.y);
    const tip = page.locator('[data-testid="domain-chart"] div[style*="z-index"]').filter({ hasText: /\S/ }).last();
    await tip.waitFor({ state: 'visible', timeout: 5_000 });
    const tipBox = (await tip.boundingBox())!;
    expect(Math.abs(tipBox.x - at.x)).toBeLessThan(400);
    expect(Math.abs(tipBox.y - at.y)).toBeLessThan(400);
    await page.screenshot({ path: `${ARTIFACTS}/wall-3840x2160-tooltip.png` });
    await page.close();
  });

  it('lays a 5760×1080 splice out as three pages side by side, each a full design', async () => {
    const page = await browser.newPage({ viewport: { width: 5760, height: 1080 } });
    await page.goto(`${tokenUrl}&page=overview`);
    await live(page);
    expect(await page.locator('[data-testid="stage"]').getAttribute('data-panes')).toBe('3');
    const shown = await pagesOn(page);
    expect(shown).toHaveLength(3);
    expect(new Set(shown).size).toBe(3);
    expect(shown[0]).toBe('overview');
    const widths = await page.locator('[data-testid="wall-page"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(1800);
    await atRest(page);
    await page.screenshot({ path: `${ARTIFACTS}/wall-5760x1080.png` });
    await page.close();
  });

  it('fits a tablet and a phone without cutting anything off', async () => {
    for (const [w, h] of [[1024, 1366], [390, 844]]) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(`${tokenUrl}&page=overview`);
      await live(page);
      const stage = (await page.locator('[data-testid="stage"]').boundingBox())!;
      expect(stage.x).toBeGreaterThanOrEqual(0);
      expect(stage.x + stage.width).toBeLessThanOrEqual(w + 1);
      await atRest(page);
      await page.screenshot({ path: `${ARTIFACTS}/wall-${w}x${h}.png` });
      await page.close();
    }
  });
});
