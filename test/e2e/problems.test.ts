// 问题台账 and 调度会 as people live them: a unit raises a problem on a tablet, the wall counts it,
// staff put it on a 部门联席会 and record the decision, the linked leader escalates it on a tablet,
// staff report it solved and close it (销号) from the ledger, and the wall follows every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, atRest, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

const UNIT_USER = { username: 'unit-problems-e2e', password: 'unit-problems-password' };
const LEADER_USER = { username: 'leader-problems-e2e', password: 'leader-problems-password' };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DESCRIPTION = '二期厂房用地指标尚未下达，影响年底前开工';

/** The text box of an ElInput, whether the test id lands on its wrapper or on the box itself. */
const box = (id: string) => `:is(input, textarea)[data-testid="${id}"], [data-testid="${id}"] :is(input, textarea)`;

interface Project { id: number; name: string; unitId: number; unit: string; leaderId: number | null; leader: string | null }
interface WallCounts { pending: number; coordinating: number; closedMonth: number; flagged: number }

describe.skipIf(!hasChromium())('the problem ledger and dispatch meetings in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let wall: Page;
  let cookie: string;
  let today: string;
  let target: Project;
  /** The problem the unit raises in the browser. */
  let raisedId: number;
  /** A demo problem already on two held meetings: 通报批评. */
  let flaggedId: number;
  let base: WallCounts;

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

  const wallCount = async (key: string) => Number(await wall.locator(`[data-testid="problems-${key}"]`).innerText());
  const wallCounts = async (): Promise<WallCounts> => ({
    pending: await wallCount('pending'),
    coordinating: await wallCount('coordinating'),
    closedMonth: await wallCount('closed-month'),
    flagged: await wallCount('flagged'),
  });

  /** Toasts gone, dropdowns closed, drawers and dialogs done moving: the page as a person would see it. */
  async function settled(page: Page) {
    await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => undefined);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  async function signIn(page: Page, user: { username: string; password: string }) {
    await page.goto(`${server.url}/login`);
    await page.locator(box('login-username')).fill(user.username);
    await page.locator(box('login-password')).fill(user.password);
    await page.locator('[data-testid="login-submit"]').click();
  }

  /** Picks an option of an element-plus select by its visible text. */
  async function choose(page: Page, select: string, option: string | RegExp) {
    await page.locator(`[data-testid="${select}"]`).click();
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option }).first().click();
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0];
    today = (await api('/api/reporting/calendar')).today;
    const projects: Project[] = await api('/api/projects');
    target = projects.find((p) => p.leaderId !== null && projects.filter((q) => q.unitId === p.unitId).length > 1)!;
    // The demo county's ledger has problems in every state, one of them on two held meetings.
    const flagged = ((await api('/api/problems')) as { id: number; flagged: boolean }[]).find((p) => p.flagged);
    expect(flagged, 'the demo county has a 通报批评 problem').toBeDefined();
    flaggedId = flagged!.id;
    await post('/api/users', { ...UNIT_USER, displayName: '问题联络员', role: 'unit', unitId: target.unitId });
    await post('/api/users', { ...LEADER_USER, displayName: `${target.leader}`, role: 'leader', leaderId: target.leaderId });
    const token = await post('/api/display-tokens', { name: '指挥厅大屏' });
    wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}${token.url}&page=overview`); // held on 总览, the panels under test
    await wall.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
    base = await wallCounts();
    expect(base.flagged).toBeGreaterThan(0);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('a unit raises a problem on a tablet and the wall counts it at once', async () => {
    const tablet = await browser.newContext({ viewport: { width: 1024, height: 1366 }, hasTouch: true, locale: 'zh-CN' });
    const page = await tablet.newPage();
    await signIn(page, UNIT_USER);
    await page.waitForURL(/\/report$/);
    await page.locator('[data-testid="tab-problems"]').click();
    await page.waitForURL(/\/report\/problems$/);
    await page.locator('[data-testid="new-problem"]').click();

    // Nothing filled in: refused next to the fields, in Chinese, nothing sent.
    await page.locator('[data-testid="submit-problem"]').click();
    const form = page.locator('[data-testid="raise-form"]');
    await expect.poll(() => form.locator('.el-form-item__error').allInnerTexts()).toEqual(['请选择项目', '请选择问题类别', '请具体描述问题（至少5字）']);

    await choose(page, 'raise-project', target.name);
    await choose(page, 'raise-category', '用地保障');
    await page.locator(box('raise-description')).fill(DESCRIPTION);
    await page.locator(box('raise-asked-of')).fill('请县自然资源局协调用地指标');
    await page.locator(box('raise-due-on')).fill(`${today.slice(0, 4)}-12-20`);
    await page.locator(box('raise-due-on')).press('Enter');
    await page.locator('[data-testid="submit-problem"]').click();
    const card = page.locator('[data-testid^="unit-problem-"]', { hasText: DESCRIPTION });
    await expect.poll(() => card.locator('[data-testid="problem-state"]').innerText()).toBe('待协调');
    raisedId = Number((await card.getAttribute('data-testid'))!.replace('unit-problem-', ''));

    await expect.poll(() => wallCount('pending'), { timeout: 3_000 }).toBe(base.pending + 1);
    await expect.poll(() => wall.locator('[data-testid="ticker"]').innerText()).toContain('新报用地保障问题');

    await card.locator('[data-testid="toggle-steps"]').click();
    await expect.poll(() => card.locator('[data-testid="problem-steps"]').innerText()).toContain('报送问题');
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/report-problems-1024x1366.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="new-problem"]').click();
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/report-problems-form-390x844.png` });
    await tablet.close();
  });

  it('staff hold a 部门联席会 with the problem on the agenda and download its minutes', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    await signIn(desk, E2E_ADMIN);
    await desk.waitForURL(/\/admin\/projects/);
    await desk.locator('[data-testid="menu-meetings"]').click();
    await desk.waitForURL(/\/admin\/meetings$/);
    await expect.poll(() => desk.locator('[data-testid="meetings-table"]').innerText()).toContain('部门联席会');
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/meetings-1600x900.png` });

    await desk.locator('[data-testid="new-meeting"]').click();
    const dialog = desk.locator('.el-dialog', { has: desk.locator('[data-testid="save-meeting"]') });
    await dialog.locator('.el-radio-button', { hasText: '部门联席会' }).click();
    await expect.poll(() => dialog.locator('[data-testid="meeting-kind-note"]').innerText()).toContain('重推办召集相关部门');
    await dialog.locator('[data-testid="save-meeting"]').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').innerText()).toBe('请填写主持人');
    await dialog.locator('[data-testid="meeting-chair"]').click();
    await desk.keyboard.type('陈长开');
    await desk.keyboard.press('Enter');
    await dialog.locator(box('meeting-location')).fill('县政府三楼会议室');
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/meeting-dialog-1600x900.png` });
    expect(await dialog.locator(box('meeting-title')).inputValue()).toMatch(/^\d{4}年\d+月部门联席会$/);
    await dialog.locator('[data-testid="save-meeting"]').click();
    await desk.waitForURL(/\/admin\/meetings\/\d+$/);
    const meetingId = Number(desk.url().split('/').pop());

    // The proposal holds what was reported by the cut-off; the new problem is added by hand if it came later.
    await desk.locator('[data-testid="proposal-hint"]').waitFor();
    for (const id of [raisedId, flaggedId]) {
      if (await desk.locator(`[data-testid="agenda-item-${id}"]`).count()) continue;
      const p = (await api(`/api/problems/${id}`)) as { project: string; description: string };
      await desk.locator('[data-testid="agenda-add"]').click();
      await desk.keyboard.type(p.description.slice(0, 6));
      await desk.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: p.project }).filter({ hasText: p.description }).first().click();
      await desk.locator(`[data-testid="agenda-item-${id}"]`).waitFor();
    }
    await expect.poll(() => desk.locator(`[data-testid="agenda-item-${flaggedId}"] [data-testid="agenda-flag"]`).first().innerText()).toBe('通报批评');
    await desk.locator('[data-testid="save-agenda"]').click();
    await desk.locator('.el-message--success', { hasText: '议题已保存' }).waitFor();

    const item = desk.locator(`[data-testid="agenda-item-${raisedId}"]`);
    await item.locator('[data-testid="record-decision"]').click();
    const decision = desk.locator('.el-dialog', { has: desk.locator('[data-testid="save-decision"]') });
    await decision.locator(box('decision-text')).fill('由县自然资源局牵头，12月15日前完成用地指标调剂并办理供地手续');
    await decision.locator(box('decision-owner')).fill('县自然资源局');
    await decision.locator(box('decision-deadline')).fill(`${today.slice(0, 4)}-12-15`);
    await decision.locator(box('decision-deadline')).press('Enter');
    await decision.locator('[data-testid="save-decision"]').click();
    await expect.poll(() => item.locator('[data-testid="decision"]').innerText()).toContain('完成用地指标调剂');
    // The decision puts it in hand: the wall moves it from 待协调 to 协调中.
    await expect.poll(() => wallCount('coordinating'), { timeout: 3_000 }).toBe(base.coordinating + 1);
    expect(await wallCount('pending')).toBe(base.pending);

    await desk.locator('[data-testid="attendees"]').click();
    for (const name of ['陈长开', '县自然资源局 王强', '县发改委 李华']) {
      await desk.keyboard.type(name);
      await desk.keyboard.press('Enter');
    }
    await desk.locator('[data-testid="meeting-info"] h2').click();
    await desk.locator('[data-testid="save-attendance"]').click();
    await expect.poll(async () => (await api(`/api/meetings/${meetingId}`)).attendees.length).toBe(3);

    await desk.locator('[data-testid="mark-held"]').click();
    await desk.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => desk.locator('[data-testid="meeting-info"] [data-testid="meeting-state"]').innerText()).toBe('已召开');
    await desk.mouse.move(0, 0);
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/meeting-1600x900.png` });

    const href = await desk.locator('[data-testid="minutes-download"]').getAttribute('href');
    expect(href).toBe(`/api/meetings/${meetingId}/minutes.docx`);
    const file = await desk.context().request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe(DOCX);
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');

    // A held meeting counts towards 通报批评: the new problem has been on one.
    expect((await api(`/api/problems/${raisedId}`)).meetings).toBe(1);
    await desk.close();
  });

  it('the linked leader escalates the problem from the desk on a tablet and records a duty', async () => {
    const tablet = await browser.newContext({ viewport: { width: 1024, height: 1366 }, hasTouch: true, locale: 'zh-CN' });
    const page = await tablet.newPage();
    await signIn(page, LEADER_USER);
    await page.waitForURL(/\/leader$/);
    await expect.poll(() => page.locator('[data-testid="desk-leader"]').innerText()).toContain(target.leader!);
    await expect.poll(() => page.locator('[data-testid="desk-projects"]').innerText()).toContain(target.name);
    expect(await page.locator('[data-testid="open-wall"]').getAttribute('href')).toBe('/');

    // The meeting's decision put it in hand (协调中); a leader may report it solved or escalate it, never return it.
    const card = page.locator(`[data-testid="desk-problem-${raisedId}"]`);
    await expect.poll(() => card.locator('[data-testid="problem-state"]').innerText()).toBe('协调中');
    await expect.poll(() => card.locator('[data-testid^="desk-action-"]').allInnerTexts()).toEqual(['报告已解决', '提级调度']);
    await card.locator('[data-testid="desk-action-escalate"]').click();
    const dialog = page.locator('[data-testid="problem-action-dialog"]').filter({ visible: true });
    await expect.poll(() => dialog.locator('[data-testid="escalate-to"]').innerText()).toContain('常务副县长调度');
    await dialog.locator('[data-testid="confirm-action"]').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').innerText()).toBe('请填写提级原因');
    await dialog.locator(box('action-reason')).fill('用地指标需县里统筹调剂，提请常务副县长调度');
    await dialog.locator('[data-testid="confirm-action"]').click();
    await expect.poll(() => card.innerText()).toContain('常务副县长调度');
    expect(await wallCount('coordinating')).toBe(base.coordinating + 1);

    // 履职: the oldest briefing owed is recorded done.
    const owed = Number((await page.locator('[data-testid="duties-owed"]').innerText()).match(/\d+/)![0]);
    expect(owed).toBeGreaterThan(0);
    await page.locator('[data-testid="duty-due"]').first().locator('[data-testid="record-duty"]').click();
    await page.locator(box('duty-note')).fill('听取项目推进汇报，协调用地指标');
    await page.locator('[data-testid="save-duty"]').click();
    await expect.poll(() => page.locator('[data-testid="duties-owed"]').innerText()).toBe(owed > 1 ? `${owed - 1} 项待完成` : '均已完成');

    await page.evaluate(() => window.scrollTo(0, 0));
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/leader-1024x1366.png` });
    await page.screenshot({ path: `${ARTIFACTS}/leader-full-1024x1366.png`, fullPage: true });
    // The same desk on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/leader-390x844.png` });
    await tablet.close();
  });

  it('staff report it solved and close it (销号) from the ledger; the wall follows', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    await signIn(desk, E2E_ADMIN);
    await desk.waitForURL(/\/admin\/projects/);
    // Staff may look at any leader's desk.
    await desk.locator('[data-testid="open-leader-desk"]').click();
    await desk.waitForURL(/\/leader\/\d+$/);
    await expect.poll(() => desk.locator('[data-testid="desk-leader"]').innerText()).toMatch(/县/);
    await desk.goBack();
    await desk.locator('[data-testid="menu-problems"]').click();
    await desk.waitForURL(/\/admin\/problems$/);
    const rows = desk.locator('[data-testid="problems-table"] .el-table__body-wrapper .el-table__row');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    await expect.poll(() => desk.locator('[data-testid="problems-table"] [data-testid="flagged"]').count()).toBeGreaterThan(0);
    await desk.locator('.el-loading-mask').first().waitFor({ state: 'hidden' });
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/problems-admin-1600x900.png` });

    await desk.locator(box('problem-search')).fill(DESCRIPTION);
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().locator('[data-testid="problem-detail"]').click();
    const drawer = desk.locator('[data-testid="problem-drawer"]');
    await expect.poll(() => drawer.locator('[data-testid="problem-steps"]').innerText()).toContain('会议议定');
    await expect.poll(() => drawer.locator('[data-testid="drawer-actions"] .el-button').allInnerTexts()).toEqual(['报告已解决', '提级调度']);

    const dialog = desk.locator('[data-testid="problem-action-dialog"]').filter({ visible: true });
    await drawer.locator('[data-testid="action-resolve"]').click();
    await dialog.locator('[data-testid="confirm-action"]').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').innerText()).toBe('请填写解决情况');
    await dialog.locator(box('action-resolution')).fill('县自然资源局已调剂用地指标12亩，12月10日完成供地，项目已进场施工');
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/problem-action-1600x900.png` });
    await dialog.locator('[data-testid="confirm-action"]').click();
    await expect.poll(() => drawer.locator('[data-testid="drawer-actions"] .el-button').allInnerTexts()).toEqual(['确认销号', '重新协调']);
    await expect.poll(() => wallCount('coordinating'), { timeout: 3_000 }).toBe(base.coordinating);

    await drawer.locator('[data-testid="action-confirm"]').click();
    await dialog.locator('[data-testid="confirm-action"]').click();
    await expect.poll(() => drawer.locator('.el-drawer__header [data-testid="problem-state"]').innerText()).toBe('已销号');
    await expect.poll(() => drawer.locator('[data-testid="drawer-actions"]').count()).toBe(0);
    await settled(desk);
    await desk.screenshot({ path: `${ARTIFACTS}/problem-drawer-1600x900.png` });

    await expect.poll(() => wall.locator('[data-testid="ticker"]').innerText()).toContain('已销号');
    await atRest(wall);
    await wall.screenshot({ path: `${ARTIFACTS}/wall-problems-1920x1080.png` });
    await wall.locator('section.panel', { has: wall.locator('[data-testid="problem-panel"]') }).screenshot({ path: `${ARTIFACTS}/wall-problem-panel.png` });
    await desk.close();
    expect(await wallCount('pending')).toBe(base.pending);
    expect(await wallCount('coordinating')).toBe(base.coordinating);
    await expect.poll(() => wallCount('closed-month'), { timeout: 3_000 }).toBe(base.closedMonth + 1);
  });
});
