// 会议模式 over HTTP and Socket.IO: start / take over / drive / end with the roles, pushes reaching a
// display socket, figures frozen at a month end, decisions landing in the problem ledger, and two
// server processes agreeing on one session (with PostgreSQL and Redis set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningOf, type PresentationState } from '../../shared/presentation.js';
import type { Snapshot } from '../../shared/snapshot.js';
import { registerPresentationHandlers } from '../../server/realtime/presentation.js';
import type { Deps } from '../../server/services/deps.js';
import { frozenSnapshot } from '../../server/services/presentation.js';
import { requireCampaign } from '../../server/services/snapshot.js';
import type { Db } from '../../server/store/db.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, next, REDIS_URL, startHarness, TEST_DATABASE_URL, userClient, type Client, type Harness, type TestSocket } from './harness.js';

const WAN = 10_000;

/** The month-end snapshot's read of the ticker events (server/store/presentation.ts eventsUntil). */
const EVENTS_UNTIL = /FROM events WHERE campaign_id = \$1 AND at <= \$2/;

/** The app's deps over a store whose queries `hook` sees (and may hold up, or fail) first. */
function hooked(deps: Deps, hook: (sql: string) => Promise<void> | void, answered?: (sql: string) => void): Deps {
  const db = new Proxy(deps.db, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver);
      return async (sql: string, params?: unknown[]) => {
        await hook(sql);
        const rows = await target.query(sql, params as never);
        answered?.(sql);
        return rows;
      };
    },
  }) as Db;
  // Its own caches too, as another app's: what the app computed must not spare this store's queries.
  return { ...deps, db, drillViews: new Map(), frozenSnapshots: new Map() };
}

describe.each(backends())('meeting mode on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let li: Client;
  let wang: Client;
  let unit: Client;
  let wall: TestSocket;
  let tokenId: number;
  let code: (c: string) => number;
  const now = new Date('2020-11-20T02:00:00.000Z');

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), clock: () => now });
    admin = client(h, await h.login());
    li = (await userClient(h, admin, { username: 'lixianzhang', role: 'leader', leader: '李县长' })).client;
    wang = (await userClient(h, admin, { username: 'wangchangwu', role: 'leader', leader: '王常务' })).client;
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    const projects = (await admin.get('/api/projects')).body as { id: number; code: string }[];
    code = (c) => projects.find((p) => p.code === c)!.id;
    const token = (await admin.post('/api/display-tokens', { name: '会议室拼接屏', rotateSeconds: 30 })).body;
    expect(token.followsMeetings).toBe(true);
    tokenId = token.id;
    wall = await h.socket({ token: token.token });
    const [config, state] = await Promise.all([next(wall, 'display:config'), next(wall, 'presentation:state')]);
    expect(config.followsMeetings).toBe(true);
    // None runs: an end with the campaign's seq (0: none ever started).
    expect(state).toMatchObject({ ended: true, seq: 0 });
  });
  afterAll(() => h.close());

  it('lets only signed-in staff and leaders in', async () => {
    expect((await client(h, null).get('/api/presentation')).status).toBe(401);
    expect((await client(h, null).post('/api/presentation', {})).status).toBe(401);
    expect((await unit.get('/api/presentation')).status).toBe(403);
    expect((await unit.post('/api/presentation', {})).status).toBe(403);
    expect((await li.get('/api/presentation')).body).toEqual({ state: null, focus: null });
    expect((await li.patch('/api/presentation', { page: 'ranking' })).status).toBe(409);
    expect((await li.post('/api/presentation', { page: 'nowhere' })).status).toBe(422);
  });

  it('starts a session, pushed to the walls; starting again gets it back', async () => {
    const pushed = next(wall, 'presentation:state');
    const res = await li.post('/api/presentation', {});
    expect(res.status).toBe(201);
    const state = res.body.state as PresentationState;
    expect(state).toMatchObject({ presenter: { name: 'lixianzhang' }, page: 'overview', projectId: null, frozen: null, step: null });
    expect(await pushed).toEqual(state);
    const again = await li.post('/api/presentation', {});
    expect(again.status).toBe(200);
    expect(again.body.state.id).toBe(state.id);
  });

  it('refuses another presenter unless they take over, and audits the takeover', async () => {
    const refused = await wang.post('/api/presentation', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('接管');
    expect((await wang.patch('/api/presentation', { page: 'map' })).status).toBe(403);
    expect((await wang.del('/api/presentation')).status).toBe(403);

    const pushed = next(wall, 'presentation:state');
    const taken = await wang.post('/api/presentation', { takeover: true });
    expect(taken.status).toBe(200);
    expect(taken.body.state.presenter.name).toBe('wangchangwu');
    expect(runningOf(await pushed)!.presenter.name).toBe('wangchangwu');
    expect((await li.patch('/api/presentation', { page: 'map' })).status).toBe(403);
    expect((await li.post('/api/presentation', { takeover: true })).body.state.presenter.name).toBe('lixianzhang');
    const audit = JSON.stringify((await admin.get('/api/audit')).body);
    for (const action of ['presentation.start', 'presentation.takeover']) expect(audit).toContain(action);
  });

  it('switches the walls\u2019 page, each change with a higher seq', async () => {
    const before = (await li.get('/api/presentation')).body.state as PresentationState;
    const pushed = next(wall, 'presentation:state');
    const res = await li.patch('/api/presentation', { page: 'ranking' });
    expect(res.status).toBe(200);
    const state = runningOf(await pushed)!;
    expect(state.page).toBe('ranking');
    expect(state.seq).toBeGreaterThan(before.seq);
    expect((await li.patch('/api/presentation', {})).status).toBe(422);
    expect((await li.patch('/api/presentation', { projectId: 999_999 })).status).toBe(422);
  });

  it('steps through the lagging projects on the alerts page, with the focus for the remote', async () => {
    const live = (await admin.get('/api/snapshot')).body as Snapshot;
    expect(live.lagging.length).toBeGreaterThan(0);
    const pushed = next(wall, 'presentation:state');
    const res = await li.patch('/api/presentation', { step: 'next' });
    const state = runningOf(await pushed)!;
    expect(state).toMatchObject({ page: 'alerts', projectId: live.lagging[0].projectId, step: { index: 0, total: live.lagging.length } });
    expect(res.body.focus.name).toBe(live.lagging[0].name);
    expect(res.body.focus.reasons.length).toBeGreaterThan(0);
    const prev = await li.patch('/api/presentation', { step: 'prev' });
    expect(prev.body.state.step.index).toBe(0);
  });

  it('freezes the figures at a month end: the walls get the month-end snapshot first', async () => {
    const live = (await admin.get('/api/snapshot')).body as Snapshot;
    const frozenPush = next(wall, 'presentation:snapshot');
    const statePush = next(wall, 'presentation:state');
    const res = await li.patch('/api/presentation', { frozen: '2020-09' });
    expect(res.status).toBe(200);
    const [frozen, pushedState] = await Promise.all([frozenPush, statePush]);
    const state = runningOf(pushedState);
    expect(state!.frozen).toEqual({ month: '2020-09', asOf: '2020-09-30' });
    expect(state!.step).toBeNull();
    expect(frozen).toMatchObject({ sessionId: state!.id, seq: state!.seq, month: '2020-09', asOf: '2020-09-30' });
    const s = frozen.snapshot;
    expect(s.today).toBe('2020-09-30');
    // 数据统计至 the frozen month itself (口径说明), as the 9月通报.
    expect(s.reportingMonth).toBe('2020-09');
    // T-001's January–September reports; T-002's October report is after the month end.
    expect(s.totals.completed).toBe(900 * WAN);
    expect(s.totals.completed).toBe(live.trend[8].actualCum);
    expect(s.trend[9].actual).toBe(0);
    expect(s.byDomain.find((d) => d.key === 'infrastructure')!.completed).toBe(0);
    // 序时进度 through September at its end: 9/12 of the 2,400万 plan.
    expect(s.totals.schedulePlan).toBe(1_800 * WAN);
    expect(s.openMonth).toBeNull();
    expect(s.version).toBe(live.version);

    // A wall connecting meanwhile gets the state at once, then the figures (of that state).
    const late = await h.socket({ token: undefined, cookie: await h.login() });
    const order: string[] = [];
    late.on('presentation:state', () => order.push('state'));
    late.on('presentation:snapshot', () => order.push('snapshot'));
    const [lateFrozen, lateState] = await Promise.all([next(late, 'presentation:snapshot'), next(late, 'presentation:state')]);
    expect(lateFrozen.snapshot.totals).toEqual(s.totals);
    expect(runningOf(lateState)!.frozen!.month).toBe('2020-09');
    expect(lateFrozen).toMatchObject({ sessionId: state!.id, seq: runningOf(lateState)!.seq });
    expect(order).toEqual(['state', 'snapshot']);
    late.disconnect();

    for (const month of ['2020-11', '2019-12', '2020-13']) expect((await li.patch('/api/presentation', { frozen: month })).status).toBe(422);
    expect(JSON.stringify((await admin.get('/api/audit')).body)).toContain('presentation.freeze');
  });

  it('steps through the month end\u2019s lagging list while frozen, and goes live again', async () => {
    const frozenLagging = (await li.patch('/api/presentation', { step: 'next' })).body;
    expect(frozenLagging.state.frozen.month).toBe('2020-09');
    expect(frozenLagging.focus).not.toBeNull();
    const pushed = next(wall, 'presentation:state');
    await li.patch('/api/presentation', { frozen: null });
    expect(runningOf(await pushed)!.frozen).toBeNull();
  });

  it('notes a decision on a new problem for the project in focus: it lands in the ledger and the walls move', async () => {
    const bridge = code('T-002');
    await li.patch('/api/presentation', { projectId: bridge });
    const update = next(wall, 'problem:update');
    const res = await li.post('/api/presentation/decisions', { category: '用地保障', decision: '由县自然资源局牵头，月底前完成用地报批', owner: '县自然资源局', deadline: '2020-11-30' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ projectId: bridge, state: 'coordinating', coordinatingUnit: '县自然资源局', dueOn: '2020-11-30', category: '用地保障' });
    const pushed = await update;
    expect(pushed.problemId).toBe(res.body.id);
    expect(pushed.problems.coordinating).toBeGreaterThanOrEqual(1);
    const record = (await admin.get(`/api/problems/${res.body.id}`)).body;
    expect(record.steps.map((s: { action: string }) => s.action)).toEqual(['raise', 'decision']);
    expect(record.steps[1].note).toContain('月底前完成用地报批');

    expect((await li.post('/api/presentation/decisions', { category: '天气', decision: '加快进度', owner: '县城投公司', deadline: '2020-11-30' })).status).toBe(422);
    expect((await li.post('/api/presentation/decisions', { category: '用地保障', decision: '加快进度', owner: '县城投公司', deadline: '2020-11-01' })).status).toBe(422);
    expect((await unit.post('/api/presentation/decisions', { category: '用地保障', decision: '加快进度', owner: '县城投公司', deadline: '2020-11-30' })).status).toBe(403);
  });

  it('takes decisions from the presenter and staff only: another leader gets 403 and nothing is written', async () => {
    const bridge = code('T-002');
    expect((await li.get('/api/presentation')).body.state).toMatchObject({ presenter: { name: 'lixianzhang' }, projectId: bridge });
    const existing = (await unit.post(`/api/projects/${bridge}/problems`, { category: '资金筹措', description: '桥梁配套资金缺口待落实' })).body;
    const before = {
      problems: (await admin.get('/api/problems')).body,
      record: (await admin.get(`/api/problems/${existing.id}`)).body,
      audit: (await admin.get('/api/audit')).body,
      version: (await admin.get('/api/snapshot')).body.version,
    };
    for (const body of [
      { category: '用地保障', decision: '由王常务协调用地', owner: '县自然资源局', deadline: '2020-11-30' },
      { problemId: existing.id, decision: '由王常务协调资金', owner: '县财政局', deadline: '2020-11-30' },
    ]) {
      const refused = await wang.post('/api/presentation/decisions', body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('会议模式由lixianzhang主持，只有主持人或管理员可以记录议定事项');
    }
    expect((await admin.get('/api/problems')).body).toEqual(before.problems);
    expect((await admin.get(`/api/problems/${existing.id}`)).body).toEqual(before.record);
    expect((await admin.get('/api/audit')).body).toEqual(before.audit);
    expect((await admin.get('/api/snapshot')).body.version).toBe(before.version);

    const byStaff = await admin.post('/api/presentation/decisions', { problemId: existing.id, decision: '县财政局本月内拨付配套资金', owner: '县财政局', deadline: '2020-11-30' });
    expect(byStaff.status, JSON.stringify(byStaff.body)).toBe(201);
    expect(byStaff.body).toMatchObject({ id: existing.id, state: 'coordinating', coordinatingUnit: '县财政局' });
    const byPresenter = await li.post('/api/presentation/decisions', { problemId: existing.id, decision: '资金到位后即开工', owner: '县城投公司', deadline: '2020-12-15' });
    expect(byPresenter.status, JSON.stringify(byPresenter.body)).toBe(201);
    expect(byPresenter.body).toMatchObject({ id: existing.id, coordinatingUnit: '县城投公司', dueOn: '2020-12-15' });
  });

  it('records a decision on the linked meeting\u2019s agenda item as that meeting\u2019s decision', async () => {
    const school = code('T-003');
    const problem = (await unit.post(`/api/projects/${school}/problems`, { category: '工程建设', description: '校区围墙施工受阻，需乡镇协调' })).body;
    const meeting = (await admin.post('/api/meetings', { kind: 'joint', title: '11月部门联席会', heldOn: '2020-11-20', location: '', chair: '吴主任' })).body;
    expect((await admin.put(`/api/meetings/${meeting.id}/agenda`, { problemIds: [problem.id] })).status).toBe(200);
    expect((await admin.del('/api/presentation')).status).toBe(204);
    expect((await li.post('/api/presentation', { meetingId: meeting.id })).body.state.meetingId).toBe(meeting.id);
    await li.patch('/api/presentation', { projectId: school });
    const res = await li.post('/api/presentation/decisions', { problemId: problem.id, decision: '弋江镇负责协调围墙用地', owner: '弋江镇', deadline: '2020-12-10' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ id: problem.id, state: 'coordinating', coordinatingUnit: '弋江镇' });
    const item = (await admin.get(`/api/meetings/${meeting.id}`)).body.items[0];
    expect(item).toMatchObject({ problemId: problem.id, decision: '弋江镇负责协调围墙用地', owner: '弋江镇', deadline: '2020-12-10' });
    // A problem of another project is not the focus's.
    const other = (await unit.post(`/api/projects/${code('T-002')}/problems`, { category: '资金筹措', description: '配套资金尚未到位' })).body;
    expect((await li.post('/api/presentation/decisions', { problemId: other.id, decision: '财政局落实资金', owner: '县财政局', deadline: '2020-12-10' })).status).toBe(422);
  });

  it('tells a display token\u2019s walls when it stops following', async () => {
    const config = next(wall, 'display:config');
    const res = await admin.patch(`/api/display-tokens/${tokenId}`, { followsMeetings: false });
    expect(res.status).toBe(200);
    expect(res.body.followsMeetings).toBe(false);
    expect((await config).followsMeetings).toBe(false);
    expect((await li.patch(`/api/display-tokens/${tokenId}`, { followsMeetings: true })).status).toBe(403);
    expect((await admin.patch(`/api/display-tokens/${tokenId}`, { followsMeetings: 'yes' })).status).toBe(422);
    expect((await admin.get('/api/display-tokens')).body.find((t: { id: number }) => t.id === tokenId).followsMeetings).toBe(false);
  });

  it('ends the session (presenter or staff), audited; the walls hear the end with its seq', async () => {
    const before = (await li.get('/api/presentation')).body.state as PresentationState;
    const pushed = next(wall, 'presentation:state');
    expect((await li.del('/api/presentation')).status).toBe(204);
    expect(await pushed).toEqual({ ended: true, campaignId: before.campaignId, seq: before.seq + 1 });
    expect((await li.get('/api/presentation')).body.state).toBeNull();
    expect((await li.del('/api/presentation')).status).toBe(204);
    expect(JSON.stringify((await admin.get('/api/audit')).body)).toContain('presentation.end');
    // A new session gets a new id and a seq beyond every earlier one.
    const restarted = (await wang.post('/api/presentation', {})).body.state as PresentationState;
    expect(restarted.seq).toBeGreaterThan(1);
    await wang.del('/api/presentation');
  });

  it('sends a wall connecting while the session ends its state, but no figures of the ended session', async () => {
    await wang.post('/api/presentation', {});
    const frozen = runningOf((await wang.patch('/api/presentation', { frozen: '2020-08' })).body.state)!;
    const endPush = next(wall, 'presentation:state');
    // The session ends while the month-end figures for the connecting wall are being computed.
    let ending: Promise<unknown> | null = null;
    let reread = false;
    let rereadAnswered: () => void;
    const answered = new Promise<void>((resolve) => (rereadAnswered = resolve));
    const isReread = (sql: string) => ending !== null && sql.startsWith('SELECT state FROM presentations');
    const deps = hooked(h.app.deps, async (sql) => {
      if (!ending && EVENTS_UNTIL.test(sql)) await (ending = wang.del('/api/presentation'));
      else if (isReread(sql)) reread = true;
    }, (sql) => {
      if (isReread(sql)) rereadAnswered();
    });
    const emitted: [string, unknown][] = [];
    registerPresentationHandlers({ connected: true, emit: (event: string, payload: unknown) => emitted.push([event, payload]) } as never, deps);
    await answered;
    expect(reread).toBe(true);
    // What follows the reread is a comparison and an emit, no more I/O: done before the next turn.
    await new Promise((r) => setImmediate(r));
    const end = await endPush;
    expect(end).toEqual({ ended: true, campaignId: frozen.campaignId, seq: frozen.seq + 1 });
    // The state read first went out at once; the figures, computed after the end, did not.
    expect(emitted).toEqual([['presentation:state', frozen]]);
  });

  it('computes a month end once for every wall asking at once, tries again after a failure, keeps the last 3 months', async () => {
    const campaign = await requireCampaign(h.db);
    let computed = 0;
    let failNext = false;
    const deps = hooked(h.app.deps, (sql) => {
      if (!EVENTS_UNTIL.test(sql)) return;
      computed += 1;
      if (failNext) {
        failNext = false;
        throw new Error('store unavailable');
      }
    });
    const at = (month: string) => frozenSnapshot(deps, campaign, month);
    const walls = await Promise.all(Array.from({ length: 6 }, () => at('2020-07')));
    expect(computed).toBe(1);
    expect(new Set(walls).size).toBe(1);
    expect(walls[0].today).toBe('2020-07-31');

    failNext = true;
    await expect(at('2020-06')).rejects.toThrow('store unavailable');
    expect((await at('2020-06')).today).toBe('2020-06-30');
    expect(computed).toBe(3);

    await at('2020-05');
    await at('2020-04');
    expect(computed).toBe(5);
    // July was used longest ago: evicted; April, May and June are kept.
    await at('2020-04');
    await at('2020-06');
    expect(computed).toBe(5);
    await at('2020-07');
    expect(computed).toBe(6);
  });
});

describe.skipIf(!REDIS_URL || !TEST_DATABASE_URL)('meeting mode across two server processes (PostgreSQL + Redis)', () => {
  let a: Harness;
  let b: Harness;
  const now = new Date('2020-11-20T02:00:00.000Z');
  beforeAll(async () => {
    a = await startHarness({ backend: 'postgres', seed: smallLedger(), redisUrl: REDIS_URL, clock: () => now });
    b = await startHarness({ backend: 'postgres', redisUrl: REDIS_URL, store: { db: a.db, drop: async () => undefined }, clock: () => now });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a change made on one process reaches a wall on the other, and both read the same session', async () => {
    const cookie = await a.login();
    const wallOnB = await b.socket({ cookie: await b.login() });
    expect(await next(wallOnB, 'presentation:state')).toMatchObject({ ended: true });
    const onA = client(a, cookie);
    const started = next(wallOnB, 'presentation:state');
    expect((await onA.post('/api/presentation', {})).status).toBe(201);
    expect(runningOf(await started)!.page).toBe('overview');
    const paged = next(wallOnB, 'presentation:state');
    await onA.patch('/api/presentation', { page: 'map' });
    expect(runningOf(await paged)!.page).toBe('map');
    expect((await client(b, cookie).get('/api/presentation')).body.state.page).toBe('map');
    await onA.del('/api/presentation');
  });
});
if (!REDIS_URL || !TEST_DATABASE_URL) console.warn('REDIS_URL/TEST_DATABASE_URL not set: the two-process meeting-mode test is SKIPPED');
