// The screens people read across a room and touch all day, in a Chromium set to English (en-US), where a
// native date input would read mm/dd/yyyy: the unit's phone form (390×844) and the leader's tablet desk and
// remote (1024×1366). Dates read 年/月/日, a wrapped field message pushes the next field down, every control
// is a thumb tall, captions hold together, and the desk opens on the leader's own projects in type ≥ 14 px.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, hasChromium, launchBrowser } from './browser.js';
import { E2E_ADMIN, startServer, type ServerProcess } from './serverProcess.js';

const SHOTS = `${ARTIFACTS}/screens`;
const UNIT_USER = { username: 'unit-screens-e2e', password: 'unit-screens-password' };
const LEADER_USER = { username: 'leader-screens-e2e', password: 'leader-screens-password' };
const box = (id: string) => `:is(input, textarea)[data-testid="${id}"], [data-testid="${id}"] :is(input, textarea)`;
const CHINESE_DAY = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const TABLET = { width: 1024, height: 1366 };

/** Visible controls shorter than 44 px, described for the failure message. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'button, a[href], [role="menuitem"], [role="tab"], .el-select__wrapper, .el-dropdown-menu__item, .el-date-editor';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && r.height < 43.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} 「${el.textContent?.trim().slice(0, 16)}」 ${el.getBoundingClientRect().height.toFixed(1)} px`);
  });
}

/** Visible text set smaller than `min` px. */
function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      const el = walker.currentNode.parentElement;
      if (!text || !el) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!r.width || !r.height || style.visibility === 'hidden') continue;
      if (parseFloat(style.fontSize) < least) out.push(`${style.fontSize} .${el.className} 「${text.slice(0, 16)}」`);
    }
    return out;
  }, min);
}

/** How many lines each element's text runs to. */
function lineCounts(page: Page, selector: string): Promise<{ text: string; lines: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { text: el.textContent ?? '', lines: tops.size };
    }),
  );
}

async function settled(page: Page) {
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
}

/** The open calendar of a date field: its header and week row in Chinese. */
async function expectChineseCalendar(page: Page) {
  const panel = page.locator('.date-field-popper:visible');
  await panel.waitFor({ timeout: 10_000 });
  expect(await panel.locator('.el-date-picker__header').innerText()).toMatch(/\d{4}\s*年[\s\S]*\d{1,2}\s*月/);
  expect(await panel.locator('.el-date-table th').allInnerTexts()).toContain('一');
  return panel;
}

describe.skipIf(!hasChromium())('phone and tablet screens in an English-locale Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let cookie: string;
  let target: { id: number; name: string };

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };

  async function signIn(context: BrowserContext, user: { username: string; password: string }, landing: RegExp): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator(box('login-username')).fill(user.username);
    await page.locator(box('login-password')).fill(user.password);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(landing, { timeout: 20_000 });
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    const projects = await api('/api/projects');
    target = projects.find((p: any) => p.startedOn && !p.completedOn && p.totalInvestment - p.completedToDate > 50_000_000);
    await api('/api/users', {
      method: 'POST',
      body: JSON.stringify({ ...UNIT_USER, displayName: '单位填报员', role: 'unit', unitId: projects.find((p: any) => p.id === target.id).unitId }),
    });
    // The demo's leader with the most lagging projects: the longest desk.
    const snapshot = await api('/api/snapshot');
    const leaders: { id: number; name: string }[] = await api('/api/leaders');
    const counts = new Map<string, number>();
    for (const l of snapshot.lagging) if (l.leader) counts.set(l.leader, (counts.get(l.leader) ?? 0) + 1);
    const leader = leaders.reduce((best, l) => ((counts.get(l.name) ?? 0) > (counts.get(best.name) ?? 0) ? l : best), leaders[0]);
    await api('/api/users', {
      method: 'POST',
      body: JSON.stringify({ ...LEADER_USER, displayName: leader.name, role: 'leader', unitId: null, leaderId: leader.id }),
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('the report form on a phone: Chinese dates, a long message under its field, thumb-sized controls', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
    const page = await signIn(context, UNIT_USER, /\/report$/);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.locator('[data-testid="deadline-card"]').waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/report-list-390x844.png`, fullPage: true });
    expect(await smallTargets(page)).toEqual([]);

    // The user menu and its items.
    await page.locator('[data-testid="user-menu"]').tap();
    await page.locator('.el-dropdown-menu__item:visible').first().waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/report-user-menu-390x844.png` });
    expect(await smallTargets(page)).toEqual([]);
    await page.locator('[data-testid="user-menu"]').tap();
    await page.locator('.el-dropdown-menu__item').first().waitFor({ state: 'hidden' });

    await page.locator(`[data-testid="project-${target.id}"]`).tap();
    await page.locator('[data-testid="project-context"]').waitFor();
    await page.locator('[data-testid="field-started"] .date-field input').waitFor();
    // Captions hold together on one line each.
    const captions = await lineCounts(page, '[data-testid="project-context"] .label');
    expect(captions.map((c) => c.text)).toContain('年度计划');
    expect(captions.filter((c) => c.lines !== 1)).toEqual([]);

    // Dates read 年/月/日, never mm/dd/yyyy, and no native date input is left.
    await page.locator('[data-testid="field-completed"] .el-switch').tap();
    await page.locator('[data-testid="problem-toggle"]').tap();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    expect(await page.locator('[data-testid="field-started"] .date-field input').inputValue()).toMatch(CHINESE_DAY);
    const shown = await page.locator('input').evaluateAll((els) => els.map((e) => `${(e as HTMLInputElement).value} ${(e as HTMLInputElement).placeholder}`).join(' '));
    expect(shown).not.toMatch(/mm\/dd\/yyyy|\d{1,2}\/\d{1,2}\/\d{4}/i);
    expect(await page.locator('body').innerText()).not.toMatch(/mm\/dd\/yyyy/i);

    // A tap opens a Chinese calendar, no keyboard; a tapped day reads 年/月/日 in the field.
    expect(await page.locator('[data-testid="field-completed"] .date-field input').getAttribute('inputmode')).toBe('none');
    await page.locator('[data-testid="field-completed"] .date-field input').tap();
    const panel = await expectChineseCalendar(page);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/report-date-picker-390x844.png` });
    await panel.locator('td.available').first().tap();
    await expect.poll(() => page.locator('[data-testid="field-completed"] .date-field input').inputValue()).toMatch(CHINESE_DAY);
    await page.locator('[data-testid="field-completed"] .el-switch').tap();

    // A message that wraps stays under its field, above the next field's label.
    await page.locator('[data-testid="field-investment"] input').fill('99999999');
    await page.locator('[data-testid="field-progress"] textarea').fill('主体结构施工至第8层');
    await page.locator('[data-testid="submit-report"]').tap();
    const error = page.locator('[data-testid="field-investment"] .el-form-item__error');
    await error.waitFor();
    await error.scrollIntoViewIfNeeded();
    await settled(page);
    const errorBox = (await error.boundingBox())!;
    const nextLabel = (await page.locator('[data-testid="field-progress"] .el-form-item__label').boundingBox())!;
    expect(errorBox.height).toBeGreaterThan(24); // it does wrap
    expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(nextLabel.y);
    await page.screenshot({ path: `${SHOTS}/report-form-error-390x844.png` });
    await page.screenshot({ path: `${SHOTS}/report-form-390x844.png`, fullPage: true });
    expect(await smallTargets(page)).toEqual([]);
    await context.close();
  });

  it('the problem form on a phone: Chinese dates, messages under their fields, thumb-sized controls', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
    const page = await signIn(context, UNIT_USER, /\/report$/);
    await page.locator('[data-testid="tab-alerts"]').tap();
    await page.waitForURL(/\/report\/alerts$/);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/report-alerts-390x844.png`, fullPage: true });
    expect(await smallTargets(page)).toEqual([]);
    await page.locator('[data-testid="tab-problems"]').tap();
    await page.waitForURL(/\/report\/problems$/);
    await page.locator('[data-testid="new-problem"]').tap();
    const form = page.locator('[data-testid="raise-form"]');
    await form.waitFor();
    await page.locator('[data-testid="submit-problem"]').tap();
    await form.locator('.el-form-item__error').first().waitFor();
    await settled(page);
    // Each message ends above the next field's label.
    const gaps = await form.locator('.el-form-item').evaluateAll((items) =>
      items.slice(0, -1).map((item, i) => {
        const error = item.querySelector('.el-form-item__error')?.getBoundingClientRect();
        const next = items[i + 1].querySelector('.el-form-item__label')?.getBoundingClientRect();
        return error && next ? next.top - error.bottom : 0;
      }),
    );
    expect(gaps.filter((g) => g < 0)).toEqual([]);
    expect(await form.locator('[data-testid="raise-due-on"] .date-field input').getAttribute('placeholder')).toBe('选择日期（可不填）');
    await form.locator('[data-testid="raise-due-on"] .date-field input').tap();
    await expectChineseCalendar(page);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/raise-problem-390x844.png`, fullPage: true });
    await page.keyboard.press('Escape');
    await page.locator('.date-field-popper').first().waitFor({ state: 'hidden' });
    expect(await smallTargets(page)).toEqual([]);
    await context.close();
  });

  it('the leader desk on a tablet: the leader\u2019s own projects first, type ≥ 14 px, about two screens long', async () => {
    const context = await browser.newContext({ viewport: TABLET, hasTouch: true, locale: 'en-US' });
    const page = await signIn(context, LEADER_USER, /\/leader$/);
    await page.locator('[data-testid="desk-projects"] li').first().waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/leader-desk-1024x1366.png` });
    await page.screenshot({ path: `${SHOTS}/leader-desk-full-1024x1366.png`, fullPage: true });

    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top('[data-testid="desk-projects"]')).toBeLessThan(TABLET.height / 3);
    expect(await top('[data-testid="desk-alerts"]')).toBeLessThan(TABLET.height);
    // The county's figures come after the leader's own work.
    expect(await top('[data-testid="desk-figures"]')).toBeGreaterThan(await top('[data-testid="desk-problems"]'));
    expect(await smallText(page, 14)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`leader desk: ${height} px tall at 1024×1366`);
    expect(height).toBeLessThan(TABLET.height * 2.2);

    // The remote's 完成时限 is a Chinese calendar too.
    await page.locator('[data-testid="open-remote"]').tap();
    await page.locator('[data-testid="remote-start"]').tap();
    await page.locator('[data-testid="remote-session"][data-role="mine"]').waitFor();
    await page.locator('[data-testid="step-next"]').tap();
    const deadline = page.locator('[data-testid="decision-deadline"] input');
    await deadline.waitFor();
    await deadline.tap();
    const panel = await expectChineseCalendar(page);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/remote-date-picker-1024x1366.png` });
    await panel.locator('td.available').first().tap();
    await expect.poll(() => deadline.inputValue()).toMatch(CHINESE_DAY);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await context.close();
  });
});
