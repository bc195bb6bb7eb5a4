// The wall's charts and map read from across the hall, at 1920×1080 and 3840×2160: the map fills its
// panel and no two of its names overlap; every chart text is at least 20 px on the 1080p stage; the
// 挂点领导 chart is tall enough. The charts are drawn with `?renderer=svg` so their texts and shapes
// are DOM elements whose boxes the browser measures (the canvas renderer draws the same layout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const SIZES = [
  { width: 1920, height: 1080, scale: 1 },
  { width: 3840, height: 2160, scale: 2 },
] as const;

interface TextBox {
  text: string;
  fontSize: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The visible texts of the chart in `selector`, with their font size (stage px) and box (viewport px). */
function chartTexts(selector: string): TextBox[] {
  const root = document.querySelector(selector);
  if (!root) return [];
  return [...root.querySelectorAll('svg text')].flatMap((el) => {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const hidden = style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0 || el.getAttribute('fill-opacity') === '0' || el.getAttribute('opacity') === '0';
    if (hidden || r.width === 0 || !(el.textContent ?? '').trim()) return [];
    return [{ text: el.textContent!.trim(), fontSize: parseFloat(style.fontSize), x: r.x, y: r.y, width: r.width, height: r.height }];
  });
}

/** The chart's box and the box of its largest filled shape (the county outline on the map). */
function largestShape(selector: string) {
  const root = document.querySelector(selector)!;
  const box = root.getBoundingClientRect();
  let best = { x: 0, y: 0, width: 0, height: 0 };
  for (const el of root.querySelectorAll('svg path')) {
    const r = el.getBoundingClientRect();
    if (r.width * r.height > best.width * best.height) best = { x: r.x, y: r.y, width: r.width, height: r.height };
  }
  return { panel: { x: box.x, y: box.y, width: box.width, height: box.height }, shape: best };
}

const overlap = (a: TextBox, b: TextBox, slack: number) =>
  a.x + slack < b.x + b.width && b.x + slack < a.x + a.width && a.y + slack < b.y + b.height && b.y + slack < a.y + a.height;

/** Pairs of texts whose boxes overlap by more than `slack` px (a text's box includes its line's leading). */
function overlaps(texts: TextBox[], slack = 3): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) if (overlap(texts[i], texts[j], slack)) found.push(`${texts[i].text} × ${texts[j].text}`);
  }
  return found;
}

/** Waits until the chart shows at least `min` texts and they stop moving (entrance animations, label layout): polling, no fixed sleep. */
async function settled(page: Page, selector: string, min = 1): Promise<TextBox[]> {
  let last = '';
  let texts: TextBox[] = [];
  await expect
    .poll(
      async () => {
        texts = await page.evaluate(chartTexts, selector);
        const now = JSON.stringify(texts.map((t) => [t.text, Math.round(t.x), Math.round(t.y)]));
        const same = texts.length >= min && now === last;
        last = now;
        return same;
      },
      { timeout: 20_000, interval: 400 },
    )
    .toBe(true);
  return texts;
}

describe.skipIf(!hasChromium())('the wall charts read from across the hall', () => {
  let server: ServerProcess;
  let browser: Browser;
  let wallUrl: string;
  let projects: number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const token = await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '图表测试大屏' }),
    });
    wallUrl = `${server.url}${(await token.json()).url}`;
    projects = (await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json()).totals.projects;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  async function open(size: (typeof SIZES)[number], key: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await page.goto(`${wallUrl}&page=${key}&renderer=svg`);
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 30_000 });
    return page;
  }

  for (const size of SIZES) {
    it(`map at ${size.width}×${size.height}: fills its panel, names never overlap, type ≥ 20 px`, async () => {
      const page = await open(size, 'map');
      try {
        const map = '[data-testid="county-map"]';
        await page.locator(`${map}[data-points="${projects}"] svg`).first().waitFor({ timeout: 30_000 });
        // The legend's five states and the township names.
        const texts = await settled(page, map, 10);
        await page.screenshot({ path: `${ARTIFACTS}/screens/map-${size.width}x${size.height}.png` });

        const { panel, shape } = await page.evaluate(largestShape, map);
        const fill = Math.max(shape.width / panel.width, shape.height / panel.height);
        expect(fill, `county ${JSON.stringify(shape)} in panel ${JSON.stringify(panel)}`).toBeGreaterThanOrEqual(0.7);

        const townships = texts.filter((t) => t.y > panel.y + 50 * size.scale);
        expect(townships.length, 'township names on the map').toBeGreaterThan(3);
        expect(overlaps(texts, 3 * size.scale)).toEqual([]);
        expect(texts.filter((t) => t.fontSize < 20).map((t) => `${t.text} ${t.fontSize}px`)).toEqual([]);
        expect(await page.locator('[data-testid="map-places-panel"]').innerText()).toContain('乡镇分布');
      } finally {
        await page.close();
      }
    });

    it(`overview at ${size.width}×${size.height}: chart type ≥ 20 px, rate labels apart`, async () => {
      const page = await open(size, 'overview');
      try {
        const charts = ['[data-testid="domain-chart"]', '[data-testid="trend-chart"]'];
        for (const chart of charts) await page.locator(`${chart} svg`).first().waitFor({ timeout: 30_000 });
        const [domain, trend] = [await settled(page, charts[0], 12), await settled(page, charts[1], 12)];
        await page.screenshot({ path: `${ARTIFACTS}/screens/overview-${size.width}x${size.height}.png` });

        for (const texts of [domain, trend]) {
          expect(texts.filter((t) => t.fontSize < 20).map((t) => `${t.text} ${t.fontSize}px`)).toEqual([]);
          expect(overlaps(texts, 3 * size.scale)).toEqual([]);
        }
        // The rates have an axis of their own, wide enough to tell 38.9 % from 54.9 % (0 % to 100 % over ≥ 300 stage px).
        const axis = domain.filter((t) => /^\d+%$/.test(t.text)).sort((a, b) => a.x - b.x);
        expect(axis.map((t) => t.text)).toContain('100%');
        const span = axis.find((t) => t.text === '100%')!.x - axis[0].x;
        expect(span / size.scale).toBeGreaterThanOrEqual(300);
      } finally {
        await page.close();
      }
    });
  }

  it('挂点领导 at 1920×1080: the chart is tall enough and its figures stay off the 序时 ticks', async () => {
    const page = await open(SIZES[0], 'leaders');
    try {
      const chart = '[data-testid="leader-compare-chart"]';
      await page.locator(`${chart} svg`).first().waitFor({ timeout: 30_000 });
      const texts = await settled(page, chart, 12);
      await page.screenshot({ path: `${ARTIFACTS}/screens/leaders-1920x1080.png` });
      const box = (await page.locator(chart).boundingBox())!;
      // 300 of the page's 1080 px (it was 270, a plot of about 120 px).
      expect(box.height).toBeGreaterThanOrEqual(220);
      expect(texts.filter((t) => t.fontSize < 20).map((t) => `${t.text} ${t.fontSize}px`)).toEqual([]);
      expect(overlaps(texts)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('单位排名 at 1920×1080: picture for review', async () => {
    const page = await open(SIZES[0], 'ranking');
    try {
      await page.locator('[data-testid="page-ranking"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="ranking-page-row"]').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${ARTIFACTS}/screens/ranking-1920x1080.png` });
    } finally {
      await page.close();
    }
  });
});
