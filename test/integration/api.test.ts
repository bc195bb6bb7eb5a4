// HTTP + Socket.IO against the real app: PGlite + memory cache always, PostgreSQL + Redis when configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { ADMIN, backends, next, postJson, REDIS_URL, startHarness, type Harness } from './harness.js';

const WAN = 10_000;

if (!REDIS_URL) console.warn('REDIS_URL not set: Redis cache and adapter tests are SKIPPED (memory cache only)');

describe.each(backends())('API on %s', (backend) => {
  let h: Harness;
  let cookie: string;
  const useRedis = backend === 'postgres' && Boolean(REDIS_URL);

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), redisUrl: useRedis ? REDIS_URL : undefined });
    cookie = await h.login();
  });
  afterAll(() => h.close());

  const get = async (path: string, c: string | null = cookie) => {
    const res = await fetch(`${h.url}${path}`, { headers: c ? { cookie: c } : {} });
    return { status: res.status, body: await res.json() };
  };
  const projectByCode = async (code: string) => (await get('/api/projects')).body.find((p: any) => p.code === code);

  it('reports health with the store and cache in use', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', store: backend, cache: useRedis ? 'redis' : 'memory' });
  });

  it('serves the snapshot with exact totals and the lagging project', async () => {
    const { body: s } = await get('/api/snapshot');
    expect(s.version).toBeGreaterThan(0);
    expect(s.reportingMonth).toBe('2020-10');
    expect(s.totals.annualPlan).toBe(2_400 * WAN);
    expect(s.totals.completed).toBe(1_100 * WAN);
    expect(s.lagging.map((l: any) => l.code)).toContain('T-002');
    expect(s.alerts.some((a: any) => a.project === '白马大桥' && a.rule === 'investment_behind' && a.severity === 'red')).toBe(true);
  });

  it('lists the ledger with the fixed field names', async () => {
    const { body } = await get('/api/projects');
    expect(body).toHaveLength(3);
    expect(body[0]).toMatchObject({ code: 'T-001', name: '新材料产业园', domain: '工业', unit: '县工信局', annualPlan: 1_200 * WAN, completedToDate: 1_000 * WAN });
    const one = await get(`/api/projects/${body[0].id}`);
    expect(one.body.id).toBe(body[0].id);
    expect((await get('/api/projects/999999')).status).toBe(404);
  });

  it('logs in, tells who is signed in, refuses bad passwords in Chinese', async () => {
    const me = await get('/api/auth/me', cookie);
    expect(me.body.user).toMatchObject({ username: ADMIN.username, role: 'admin' });
    const bad = await postJson(`${h.url}/api/auth/login`, { username: 'admin', password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toBe('用户名或密码错误');
    expect((await get('/api/auth/me', null)).status).toBe(401);
  });

  it('refuses reports without a session and stores nothing', async () => {
    const p = await projectByCode('T-001');
    const res = await postJson(`${h.url}/api/projects/${p.id}/reports`, { month: '2020-11', investment: 10, progress: '施工' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('answers bad input with 422 field errors and leaves the store unchanged', async () => {
    const p = await projectByCode('T-001');
    const before = await get('/api/snapshot');
    const cases: [unknown, string][] = [
      [{ month: '2020-13', investment: 10, progress: '施工' }, 'month'],
      [{ month: '2020-11', investment: -5, progress: '施工' }, 'investment'],
      [{ month: '2020-11', investment: 'abc', progress: '施工' }, 'investment'],
      [{ month: '2020-11', investment: '1.23456', progress: '施工' }, 'investment'],
      [{ month: '2020-11', investment: 10, progress: '' }, 'progress'],
      [{ month: '2020-12', investment: 10, progress: '施工' }, 'month'],
      [{ month: '2019-12', investment: 10, progress: '施工' }, 'month'],
      [{ month: '2020-11', investment: 10, progress: '施工', startedOn: '2020-02-30' }, 'startedOn'],
      [{ month: '2020-11', investment: 10, progress: '施工', startedOn: '2020-06-01', completedOn: '2020-05-01' }, 'completedOn'],
      [{ month: '2020-11', investment: 999_999, progress: '施工' }, 'investment'],
    ];
    for (const [body, field] of cases) {
      const res = await postJson(`${h.url}/api/projects/${p.id}/reports`, body, cookie);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.fields[field], JSON.stringify(body)).toMatch(/[\u4e00-\u9fa5]/);
    }
    const malformed = await postJson(`${h.url}/api/projects/${p.id}/reports`, '{"month":', cookie);
    expect(malformed.status).toBe(400);
    const after = await get('/api/snapshot');
    expect(after.body.version).toBe(before.body.version);
    expect((await get(`/api/projects/${p.id}/reports`)).body).toHaveLength(10);
  });

  it('pushes a versioned investment update to every connected client when a report is accepted', async () => {
    const p = await projectByCode('T-001');
    const a = await h.socket({ cookie });
    const b = await h.socket({ cookie });
    const [snapA] = await Promise.all([next(a, 'snapshot'), next(b, 'snapshot')]);
    const updates = Promise.all([next(a, 'investment:update'), next(b, 'investment:update')]);
    const res = await postJson(`${h.url}/api/projects/${p.id}/reports`, { month: '2020-11', investment: '150.5', progress: '主体封顶' }, cookie);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ month: '2020-11', investment: 1_505_000, revision: 1, status: 'accepted' });
    const [ua, ub] = await updates;
    expect(ua.version).toBe(snapA.version + 1);
    expect(ub.version).toBe(ua.version);
    // A report of the month still open (数据统计至 October on 11-20) shows apart, as 本月已报.
    expect(ua.summary.totals.completed).toBe(1_100 * WAN);
    expect(ua.summary.openMonth).toEqual({ month: '2020-11', investment: 1_505_000, projects: 1 });
    expect(ua.completedToDate).toBe(1_000 * WAN);
    expect(ua.event.text).toContain('新材料产业园');
    const { body: s } = await get('/api/snapshot');
    expect(s.version).toBe(ua.version);
    expect(s.events[0].text).toContain('县工信局');
  });

  it('keeps every revision: a correction adds one and replaces the figure', async () => {
    const p = await projectByCode('T-001');
    const res = await postJson(`${h.url}/api/projects/${p.id}/reports`, { month: '2020-11', investment: 120, progress: '主体封顶（更正）' }, cookie);
    expect(res.body.revision).toBe(2);
    const history = (await get(`/api/projects/${p.id}/reports`)).body;
    expect(history.filter((r: any) => r.month === '2020-11').map((r: any) => r.investment)).toEqual([120 * WAN, 1_505_000]);
    expect((await projectByCode('T-001')).completedToDate).toBe(1_120 * WAN);
  });

  it('announces a start and raises nothing false', async () => {
    const p = await projectByCode('T-003');
    const s = await h.socket({ cookie });
    await next(s, 'snapshot');
    const started = next(s, 'project:started');
    const res = await postJson(`${h.url}/api/projects/${p.id}/reports`, { month: '2020-11', investment: 50, progress: '场地平整', startedOn: '2020-11-10' }, cookie);
    expect(res.status).toBe(201);
    const m = await started;
    expect(m).toMatchObject({ projectId: p.id, date: '2020-11-10' });
    expect((await projectByCode('T-003')).stage).toBe('construction');
  });

  it('clears the alert of a project brought back on plan and pushes alert:cleared', async () => {
    const p = await projectByCode('T-002');
    const s = await h.socket({ cookie });
    await next(s, 'snapshot');
    const cleared = next(s, 'alert:cleared');
    const res = await postJson(`${h.url}/api/projects/${p.id}/reports`, { month: '2020-09', investment: 400, progress: '桩基完成' }, cookie);
    expect(res.status).toBe(201);
    const c = await cleared;
    expect(c).toMatchObject({ projectId: p.id, rule: 'investment_behind' });
    const { body: snap } = await get('/api/snapshot');
    expect(snap.alerts.some((a: any) => a.projectId === p.id && a.rule === 'investment_behind')).toBe(false);
  });

  it('sends the full snapshot again on request (after a version gap)', async () => {
    const s = await h.socket({ cookie });
    const first = await next(s, 'snapshot');
    const again = next(s, 'snapshot');
    s.emit('snapshot:request');
    expect((await again).version).toBe(first.version);
  });
});
