// What the wall's five data pages must show, and the check that nothing on them is clipped: shared by
// wallPages.test.ts (the demo counties) and wallPagesProvince.test.ts (a 15,000-project province).
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatYi } from '../../shared/money.js';
import type { Snapshot } from '../../shared/snapshot.js';
import { atRest } from './browser.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

export const PAGES = ['domains', 'alerts', 'problems', 'leaders', 'ranking'] as const;
export type PageKey = (typeof PAGES)[number];

/**
 * Every element that sticks out of the page or out of an ancestor that clips (overflow hidden):
 * a row cut in half, a card taller than its slot, a figure running off the stage.
 */
export function clipped(key: string): string[] {
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

export async function openPage(page: Page, url: string, key: PageKey) {
  await page.goto(`${url}/?page=${key}`);
  await page.locator(`[data-testid="page-${key}"]`).waitFor({ timeout: 30_000 });
  await atRest(page); // chart entrance animations done before the picture
}

async function login(server: ServerProcess): Promise<{ name: string; value: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
  });
  const [name, value] = res.headers.get('set-cookie')!.split(';')[0].split('=');
  return { name, value };
}

export const text = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first().innerText();

/** What each page must show, checked against the server's snapshot. */
export const CHECKS: Record<PageKey, (page: Page, s: Snapshot) => Promise<void>> = {
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

/** A signed-in browser context on a server's wall, with the snapshot its pages are checked against. */
export async function county(browser: Browser, profile: string, server: ServerProcess, width = 1920, height = 1080): Promise<{ context: BrowserContext; page: Page; snapshot: Snapshot }> {
  const cookie = await login(server);
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addCookies([{ ...cookie, url: server.url }]);
  const snapshot = (await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).json()) as Snapshot;
  expect(snapshot.campaign.county, profile).toBeTruthy();
  return { context, page: await context.newPage(), snapshot };
}
