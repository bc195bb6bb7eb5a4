// The wall's five data pages (领域, 滞后预警, 问题台账, 挂点领导, 单位排名) in Chromium: each pinned with
// `/?page=`, its key figures match the snapshot, nothing is clipped or spills off the stage — for both
// demo counties, at 1080p and 4K, and for a 15,000-project province.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { provinceLedger } from '../../mock/province.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';
import { openStore } from '../../server/store/open.js';
import { loadSeed } from '../../server/store/seed.js';
import { formatYi } from '../../shared/money.js';
import type { Snapshot } from '../../shared/snapshot.js';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const PAGES = ['domains', 'alerts', 'problems', 'leaders', 'ranking'] as const;
type PageKey = (typeof PAGES)[number];

/**
 * Every element that sticks out of the page or out of an ancestor that clips (overflow hidden):
 * a row cut in half, a card taller than its slot, a figure running off the stage.
 */
function clipped(key: string): string[] {
  const root = document.querySelector(`[data-testid="page-${key}"]`);
  const stage = document.querySelector('[data-testid="stage"]');
  if (!root || !stage) return ['page not found'];
  const bad: string[] = [];
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
  const outside = (r: DOMRect, box: DOMRect) => r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1;
  const stageBox = stage.getBoundingClientRect();
  const rootBox = root.getBoundingClientRect();
  if (outside(rootBox, stageBox)) bad.push(`page outside the stage: ${JSON.stringify(rootBox)}`);
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // ECharts' own layers are sized to their container.
    if (el.closest('[_echarts_instance_]') && !el.hasAttribute('_echarts_instance_')) continue;
    if (outside(r, rootBox)) {
      bad.push(`outside the page: ${name(el)}`);
      continue;
    }
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if (getComputedStyle(p).overflow !== 'visible' && outside(r, p.getBoundingClientRect())) {
        bad.push(`clipped by ${name(p)}: ${name(el)}`);
        break;
      }
    }
  }
  return bad.slice(0, 12);
}

async function openPage(page: Page, url: string, key: PageKey) {
  await page.goto(`${url}/?page=${key}`);
  await page.locator(`[data-testid="page-${key}"]`).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1_500); // chart entrance animations settle before the picture
}

async function login(server: ServerProcess): Promise<{ name: string; value: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
  });
  const [name, value] = res.headers.get('set-cookie')!.split(';')[0].split('=');
  return { name, value };
}

const text = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first().innerText();

/** What each page must show, checked against the server's snapshot. */
const CHECKS: Record<PageKey, (page: Page, s: Snapshot) => Promise<void>> = {
  async domains(page, s) {
    const cards = page.locator('[data-testid="group-card"]');
    expect(await cards.count()).toBe(s.byDomain.length);
    expect(await cards.first().innerText()).toContain(s.byDomain[0].name);
    expect(await text(page, 'group-completed')).toBe(formatYi(s.byDomain[0].completed));
    expect(await page.locator('[data-testid="level-row"]').count()).toBeGreaterThan(0);
    expect(await text(page, 'level-table')).toContain(s.byLevel[0].name);
  },
  async alerts(page, s) {
    expect(await text(page, 'alerts-lagging-count')).toBe(String(s.totals.laggingCount));
    // Counted by the server over every open alert: the snapshot lists only a part of a province's.
    expect(await text(page, 'alerts-page-red')).toContain(String(s.alertCounts.bySeverity.red));
    if (s.lagging.length) {
      const first = await text(page, 'alerts-row');
      expect(first).toContain(s.lagging[0].name);
      expect(first).toContain(s.lagging[0].reasons[0].text.slice(0, 8));
    }
  },
  async problems(page, s) {
    expect(await text(page, 'problems-page-pending')).toContain(String(s.problems.pending));
    expect(await text(page, 'problems-page-coordinating')).toContain(String(s.problems.coordinating));
    expect(await text(page, 'problems-page-overdue')).toBe(String(s.problems.overdue));
    expect(await text(page, 'problems-page-flagged')).toBe(String(s.problems.flagged));
    const oldest = page.locator('[data-testid="problems-page-oldest"]');
    if (s.problems.oldest.length) expect(await oldest.first().innerText()).toContain(s.problems.oldest[0].project);
    else expect(await oldest.count()).toBe(0);
  },
  async leaders(page, s) {
    const cards = page.locator('[data-testid="leader-card"]');
    expect(await cards.count()).toBe(Math.min(8, s.byLeader.length));
    expect(await cards.first().innerText()).toContain(s.byLeader[0].name);
    expect(await text(page, 'leader-projects')).toBe(String(s.byLeader[0].projects));
    expect(await text(page, 'leaders-note')).toContain('各计一次');
  },
  async ranking(page, s) {
    expect(await text(page, 'ranking-page-score')).toBe(s.ranking[0].score.toFixed(1));
    const w = s.rankingWeights;
    const share = Math.round((100 * w.investment) / (w.investment + w.start + w.completion + w.timeliness + w.problems));
    expect(await text(page, 'ranking-weight-investment')).toContain(`${share}%`);
    expect(await text(page, 'ranking-red-board')).toContain(s.ranking[0].unit);
    expect(await text(page, 'ranking-black-board')).toContain(s.ranking.at(-1)!.unit);
  },
};

describe.skipIf(!hasChromium())('the wall pages in Chromium', () => {
  let browser: Browser;

  beforeAll(() => {
  });
  afterAll(() => browser?.close());

  async function county(profile: string, server: ServerProcess, width = 1920, height = 1080): Promise<{ context: BrowserContext; page: Page; snapshot: Snapshot }> {
    browser ??= await launchBrowser();
    const cookie = await login(server);
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addCookies([{ ...cookie, url: server.url }]);
    const snapshot = (await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).json()) as Snapshot;
    expect(snapshot.campaign.county, profile).toBeTruthy();
    return { context, page: await context.newPage(), snapshot };
  }

  describe.each([
    ['yiyang', '弋阳县'],
    ['shangyou', '上犹县'],
  ])('%s', (profile, countyName) => {
    let server: ServerProcess;
    let context: BrowserContext;
    let page: Page;
    let snapshot: Snapshot;

    beforeAll(async () => {
      server = await startServer({ DEMO_PROFILE: profile, START_TIMEOUT_MS: '180000' });
      ({ context, page, snapshot } = await county(profile, server));
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

  describe('a province of 15,000 projects', () => {
    let server: ServerProcess;
    let context: BrowserContext;
    let page: Page;
    let snapshot: Snapshot;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xmdd-e2e-province-'));

    beforeAll(async () => {
      const db = await openStore({ dataDir });
      await loadSeed(db, provinceLedger({ projects: 15_000 }), SYSTEM_ACTOR);
      await db.close();
      server = await startServer({ DATA_DIR: dataDir, DEMO: '0' });
      ({ context, page, snapshot } = await county('province', server));
      expect(snapshot.totals.projects).toBe(15_000);
    }, 300_000);
    afterAll(async () => {
      await context?.close();
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
});
