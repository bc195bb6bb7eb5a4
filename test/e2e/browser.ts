// Debian's Chromium driven by playwright-core; nothing is downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'test/artifacts';

export function hasChromium(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok) console.warn(`${CHROMIUM} not found: end-to-end tests are SKIPPED (apt-get install chromium fonts-noto-cjk)`);
  return ok;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Resolves when the page has come to rest for a picture: every ECharts canvas unchanged for several
 * frames in a row (entrance animations done) and every CSS animation or transition that ends has
 * ended. Those that never end (a pulsing badge, a scrolling list, the map's ripples, left out by
 * `ignore`) are not waited for, nor is the playlist's countdown bar.
 */
export async function atRest(page: Page, opts: { ignore?: string; timeout?: number } = {}): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __restPrint?: string; __restFrames?: number };
    delete w.__restPrint;
    w.__restFrames = 0;
  });
  await page.waitForFunction(
    (ignore) => {
      const w = window as unknown as { __restPrint?: string; __restFrames: number; __restProbe?: CanvasRenderingContext2D };
      const size = 64;
      if (!w.__restProbe) {
        const probe = document.createElement('canvas');
        probe.width = size;
        probe.height = size;
        w.__restProbe = probe.getContext('2d', { willReadFrequently: true })!;
      }
      const ctx = w.__restProbe;
      let print = '';
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[_echarts_instance_] canvas')) {
        if (ignore && canvas.closest(ignore)) continue;
        if (canvas.width === 0 || canvas.height === 0) continue;
        ctx.clearRect(0, 0, size, size);
        ctx.drawImage(canvas, 0, 0, size, size);
        const data = ctx.getImageData(0, 0, size, size).data;
        let h = 0;
        for (let i = 0; i < data.length; i++) h = (Math.imul(h, 31) + data[i]) | 0;
        print += `${h},`;
      }
      w.__restFrames = print === w.__restPrint ? w.__restFrames + 1 : 0;
      w.__restPrint = print;
      // The playlist's countdown bar restarts with every turn: a clock, not an entrance.
      const skip = ignore ? `${ignore}, [data-testid="page-indicator"]` : '[data-testid="page-indicator"]';
      const ending = document.getAnimations().filter((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return a.effect?.getComputedTiming().endTime !== Infinity && !(target && target.closest(skip));
      });
      return w.__restFrames >= 6 && ending.every((a) => a.playState !== 'running');
    },
    opts.ignore ?? null,
    { polling: 'raf', timeout: opts.timeout ?? 20_000 },
  );
}
