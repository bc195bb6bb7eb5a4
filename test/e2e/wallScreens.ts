// The wall read from across the hall: every page at 1920×1080, 3840×2160 and 5760×1080, checked in the
// DOM — no text under 20 px at 1080p (twice that at 4K), nothing sticking out of its panel, the page
// tabs on one line, and lists that show only whole rows. Pictures go to test/artifacts/screens/.
// One file per demo county (wallScreens.test.ts, wallScreensShangyou.test.ts), so the two run side by side.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WALL_PAGES, type WallPageKey } from '../../shared/wall.js';
import { ARTIFACTS, atRest, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const SCREENS = `${ARTIFACTS}/screens`;
const SIZES = [
  [1920, 1080],
  [3840, 2160],
  [5760, 1080],
] as const;
/** The smallest text on the wall, in pixels of a 1080-line screen. */
const MIN_FONT_1080P = 20;
/** The 地图 page's own panels belong to the map's work (their type is checked once that lands); its header is checked. */
const UNCHECKED_FONTS: Partial<Record<WallPageKey, string>> = {};

interface Findings {
  scale: number;
  small: string[];
  outside: string[];
  cutRows: string[];
  cutText: string[];
  tabTops: number[];
}

/** Everything the checks need, measured in the page (runs in the browser). */
function measure(args: { minFont: number; unchecked: string | null }): Findings {
  const stage = document.querySelector<HTMLElement>('[data-testid="stage"]')!;
  const scale = new DOMMatrixReadOnly(getComputedStyle(stage).transform).a;
  // Pixels per 1080p pixel on this screen: a 4K screen shows the wall at twice the size.
  const screenFactor = window.innerHeight / 1080;
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
  const inChart = (el: Element) => !!el.closest('[_echarts_instance_]') && !el.hasAttribute('_echarts_instance_');
  const outside = (r: DOMRect, box: DOMRect) => r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1;
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };

  const small: string[] = [];
  const cutText: string[] = [];
  for (const el of stage.querySelectorAll('*')) {
    if (inChart(el) || (args.unchecked && el.closest(args.unchecked))) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    if (!ownText || !shown(el)) continue;
    const effective = parseFloat(getComputedStyle(el).fontSize) * scale;
    if (effective < args.minFont * screenFactor - 0.01) small.push(`${effective.toFixed(1)}px ${name(el)}`);
    // Text may end in an ellipsis inside its own box, but its box must not be cut by what clips it.
    for (let p = el.parentElement; p && p !== stage; p = p.parentElement) {
      if (getComputedStyle(p).overflow === 'visible') continue;
      if (outside(el.getBoundingClientRect(), p.getBoundingClientRect())) cutText.push(`${name(el)} cut by ${name(p)}`);
      break;
    }
  }

  const outsideFound: string[] = [];
  for (const panel of stage.querySelectorAll('.panel')) {
    const box = panel.getBoundingClientRect();
    for (const el of panel.querySelectorAll('*')) {
      if (inChart(el) || !shown(el)) continue;
      if (outside(el.getBoundingClientRect(), box)) outsideFound.push(`${name(el)} outside panel ${name(panel.querySelector('h2')!)}`);
    }
  }

  // A list row must lie whole inside whatever clips it (the list, the panel body).
  const cutRows: string[] = [];
  for (const row of stage.querySelectorAll('.panel li, .panel .row')) {
    if (!shown(row)) continue;
    for (let p = row.parentElement; p && p !== stage; p = p.parentElement) {
      if (getComputedStyle(p).overflow !== 'visible') {
        if (outside(row.getBoundingClientRect(), p.getBoundingClientRect())) cutRows.push(`${name(row)} cut by ${name(p)}`);
        break;
      }
    }
  }

  const tabTops = [...stage.querySelectorAll('[data-testid^="page-tab-"]')].map((t) => Math.round(t.getBoundingClientRect().top));
  return { scale, small: small.slice(0, 15), outside: outsideFound.slice(0, 15), cutRows: cutRows.slice(0, 15), cutText: cutText.slice(0, 15), tabTops };
}

async function login(server: ServerProcess): Promise<{ name: string; value: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
  });
  const [name, value] = res.headers.get('set-cookie')!.split(';')[0].split('=');
  return { name, value };
}

/** Opens a page pinned, and waits until it is drawn, its fonts loaded and its lists measured. */
async function openPage(page: Page, url: string, key: WallPageKey) {
  await page.goto(`${url}/?page=${key}`);
  await page.locator(`[data-testid="wall-page"][data-page="${key}"] > *`).first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.fonts.status === 'loaded', null, { timeout: 15_000 });
  // Two frames: the lists' ResizeObservers measure, then the rows they allow are laid out.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Every wall page of one demo county at each wall size. */
export function wallScreensOf(profile: 'yiyang' | 'shangyou') {
  describe.skipIf(!hasChromium())(`the wall of ${profile} read from across the hall`, () => {
    let browser: Browser;
    afterAll(() => browser?.close());

    describe(profile, () => {
      let server: ServerProcess;
      let context: BrowserContext;

      beforeAll(async () => {
        mkdirSync(SCREENS, { recursive: true });
        // The default profile is the demo county every file starts on a copy of.
        server = profile === 'yiyang' ? await startDemoServer() : await startServer({ DEMO_PROFILE: profile }, { compiled: true });
        browser ??= await launchBrowser();
        context = await browser.newContext();
        await context.addCookies([{ ...(await login(server)), url: server.url }]);
      }, 240_000);
      afterAll(async () => {
        await context?.close();
        await server?.stop();
        server?.remove();
      });

      describe.each(SIZES)('at %i×%i', (width, height) => {
        let page: Page;
        beforeAll(async () => {
          page = await context.newPage();
          await page.setViewportSize({ width, height });
        });
        afterAll(() => page?.close());

        it.each(WALL_PAGES)('%s: large type, nothing out of its panel, tabs on one line, whole rows', async (key) => {
          await openPage(page, server.url, key);
          // The map's points come after the page (a request of their own): measured and shown once drawn.
          // Drawn to the end of its entry animation, so the screenshot shows what a person sees.
          if (key === 'map') {
            await page.locator('[data-testid="county-map"]:not([data-points="0"]) canvas, [data-testid="county-map"]:not([data-points="0"]) svg').first().waitFor({ timeout: 30_000 });
            await atRest(page);
          }
          const found = await page.evaluate(measure, { minFont: MIN_FONT_1080P, unchecked: UNCHECKED_FONTS[key] ?? null });
          await page.screenshot({ path: `${SCREENS}/${profile}-${key}-${width}x${height}.png` });
          // A spliced wall's panels one by one as well, at a size a person can look at.
          for (let pane = 1; width > 1920 * pane && height === 1080; pane++) {
            await page.screenshot({ path: `${SCREENS}/${profile}-${key}-${width}x${height}-panel${pane + 1}.png`, clip: { x: 1920 * pane, y: 0, width: 1920, height } });
          }
          expect(found.scale).toBeCloseTo(height / 1080, 2);
          expect(found.small, 'text below 20 px at 1080p').toEqual([]);
          expect(found.outside, 'out of its panel').toEqual([]);
          expect(found.cutRows, 'rows cut by their list').toEqual([]);
          expect(found.cutText, 'text cut by what clips it').toEqual([]);
          expect(found.tabTops.length).toBe(WALL_PAGES.length);
          expect(new Set(found.tabTops).size, `tab tops ${found.tabTops.join(',')}`).toBe(1);
        });
      });
    });
  });
}
