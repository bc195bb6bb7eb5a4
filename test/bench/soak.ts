// Soak: a day's worth of pushes (86,400, one a second, accelerated) into the wall in Chromium while the
// playlist turns every two seconds; JS heap, DOM nodes and listeners compared at start and end.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import type { Snapshot } from '../../shared/snapshot.js';
import { hasChromium, launchBrowser } from '../e2e/browser.js';
import { E2E_ADMIN } from '../e2e/serverProcess.js';
import { startInProcess } from './inProcessServer.js';
import { soakPush } from './soakPushes.js';

interface Reading {
  heapMiB: number;
  nodes: number;
  listeners: number;
  attachedNodes: number;
  canvases: number;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same page (总览, held) after a full garbage collection, so start and end compare like for like. */
async function read(page: Page, cdp: CDPSession): Promise<Reading> {
  await page.keyboard.press('Home');
  await settle(2_500);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const dom = await page.evaluate(() => ({ attachedNodes: document.getElementsByTagName('*').length, canvases: document.getElementsByTagName('canvas').length }));
  return { heapMiB: m.JSHeapUsedSize / 2 ** 20, nodes: m.Nodes, listeners: m.JSEventListeners, ...dom };
}

async function caughtUp(page: Page, version: number, timeoutMs = 60_000) {
  const shown = () => page.evaluate(() => document.querySelector('[data-testid="stage"]')?.getAttribute('data-version'));
  await page
    .waitForFunction((v) => Number(document.querySelector('[data-testid="stage"]')?.getAttribute('data-version')) >= v, version, { timeout: timeoutMs })
    .catch(async (err: Error) => {
      throw new Error(`the wall did not reach version ${version} (it shows ${await shown()}): ${err.message}`);
    });
}

export async function benchSoak(pushes = 86_400) {
  if (!hasChromium()) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = await startInProcess();
  const browser = await launchBrowser();
  try {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const token = await (await fetch(`${server.url}/api/display-tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '压测大屏' }) })).json();
    const base: Snapshot = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    let errors = 0;
    page.on('pageerror', () => errors++);
    await page.goto(`${server.url}${token.url}&rotate=2`);
    await caughtUp(page, base.version);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const io = server.app.io;
    const emit = (name: string, payload: unknown) => (io.emit as (n: string, p: unknown) => boolean)(name, payload);
    let sent = 0;
    // Flow control: a batch, then wait until the wall has applied all but the last few. As fast as the
    // page can take them, never so fast that its socket misses a heartbeat.
    const pushUntil = async (n: number) => {
      while (sent < n) {
        for (let b = 0; b < 100 && sent < n; b++) {
          sent++;
          const push = soakPush(base, sent);
          emit(push.name, push.payload);
        }
        await caughtUp(page, base.version + sent - 20);
      }
      await caughtUp(page, base.version + sent);
    };

    // Warm-up: every page mounted at least twice, caches and JIT settled.
    await pushUntil(2_000);
    await settle(2 * 7 * 2_000);
    const start = await read(page, cdp);
    const t0 = performance.now();
    await pushUntil(pushes);
    const seconds = (performance.now() - t0) / 1_000;
    const end = await read(page, cdp);

    const row = (label: string, a: number, b: number, digits = 0) =>
      console.log(`  ${label.padEnd(22)} ${a.toFixed(digits).padStart(10)} → ${b.toFixed(digits).padStart(10)}   (${b - a >= 0 ? '+' : ''}${(b - a).toFixed(digits)})`);
    console.log(`\nSoak (Chromium 1920x1080, demo county, playlist turning every 2 s)`);
    console.log(`  ${pushes.toLocaleString('en')} pushes after warm-up in ${seconds.toFixed(0)} s (${(pushes / seconds).toFixed(0)}/s), ${errors} page errors`);
    console.log(`  ${''.padEnd(22)} ${'start'.padStart(10)}   ${'end'.padStart(10)}`);
    row('JS heap (MiB)', start.heapMiB, end.heapMiB, 1);
    row('DOM nodes (all)', start.nodes, end.nodes);
    row('DOM nodes (attached)', start.attachedNodes, end.attachedNodes);
    row('event listeners', start.listeners, end.listeners);
    row('canvases', start.canvases, end.canvases);
  } finally {
    await browser.close();
    await server.close();
  }
}
