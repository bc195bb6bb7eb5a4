// Drill-down over a real socket: the lists behind the snapshot's figures agree with it exactly,
// the card carries the project's figures, curve, alerts, problems, leaders and history, bad input
// gets a Chinese error, and every kind of wall client (display token, any signed-in role) may ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLedger } from '../../mock/demo.js';
import type { DrillError, DrillStatus, ProjectCard, ProjectListResult, ProjectQuery } from '../../shared/drill.js';
import type { Snapshot } from '../../shared/snapshot.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness, type TestSocket } from './harness.js';

const list = (s: TestSocket, q: ProjectQuery) => s.timeout(10_000).emitWithAck('projects:list', q);
const card = (s: TestSocket, id: number) => s.timeout(10_000).emitWithAck('project:card', id);

function rowsOf(r: ProjectListResult | DrillError) {
  if ('error' in r) throw new Error(r.error);
  expect(r.total).toBe(r.rows.length);
  return r.rows;
}
function cardOf(r: ProjectCard | DrillError): ProjectCard {
  if ('error' in r) throw new Error(r.error);
  return r;
}

describe.each(backends())('drill-down on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let wall: TestSocket;
  let snapshot: Snapshot;
  const now = new Date('2020-11-20T02:00:00.000Z');

  beforeAll(async () => {
    h = await startHarness({ backend, seed: demoLedger('yiyang'), clock: () => now });
    admin = client(h, await h.login());
    const token = (await admin.post('/api/display-tokens', { name: '指挥中心主屏', rotateSeconds: 30 })).body.token as string;
    wall = await h.socket({ token });
    snapshot = await next(wall, 'snapshot', 20_000);
  }, 120_000);
  afterAll(() => h?.close());

  it('lists exactly the projects behind each headline figure', async () => {
    const t = snapshot.totals;
    const expected: [DrillStatus, number][] = [
      ['all', t.projects],
      ['lagging', t.laggingCount],
      ['startPlanned', t.startPlanned],
      ['started', t.started],
      ['notStarted', t.startPlanned - t.started],
      ['completionPlanned', t.completionPlanned],
      ['completed', t.completedProjects],
    ];
    for (const [status, count] of expected) {
      expect(rowsOf(await list(wall, { title: status, status })), status).toHaveLength(count);
    }
    expect(t.started).toBeGreaterThan(0);
    expect(t.laggingCount).toBeGreaterThan(0);
    const all = rowsOf(await list(wall, { title: '全部项目' }));
    expect(all.reduce((sum, r) => sum + r.completed, 0)).toBe(t.completed);
    expect(all.reduce((sum, r) => sum + r.annualPlan, 0)).toBe(t.annualPlan);
  });

  it('agrees with each domain, level and unit of the snapshot', async () => {
    for (const d of snapshot.byDomain) {
      expect(rowsOf(await list(wall, { title: d.name, domain: d.key }))).toHaveLength(d.projects);
      const lagging = rowsOf(await list(wall, { title: d.name, domain: d.key, status: 'lagging' }));
      expect(lagging, d.name).toHaveLength(d.laggingCount);
      expect(lagging.every((r) => r.domain === d.name && r.lagging !== null)).toBe(true);
    }
    for (const l of snapshot.byLevel) {
      expect(rowsOf(await list(wall, { title: l.name, level: l.key })), l.name).toHaveLength(l.projects);
    }
    for (const u of snapshot.ranking) {
      const rows = rowsOf(await list(wall, { title: u.unit, unitId: u.unitId }));
      expect(rows).toHaveLength(u.projects);
      expect(rows.reduce((sum, r) => sum + r.completed, 0)).toBe(u.completed);
    }
    const lagging = rowsOf(await list(wall, { title: '滞后', status: 'lagging' }));
    expect(lagging.slice(0, snapshot.lagging.length).map((r) => r.id)).toEqual(snapshot.lagging.map((l) => l.projectId));
  });

  it('gives a lagging project card with its figures, curve, alerts, leaders and history', async () => {
    const worst = snapshot.lagging[0];
    const c = cardOf(await card(wall, worst.projectId));
    expect(c).toMatchObject({ id: worst.projectId, code: worst.code, name: worst.name, annualPlan: worst.annualPlan, completed: worst.completed, lagging: worst.severity });
    expect(c.scheduleRate).toBeCloseTo(worst.scheduleRate, 10);
    expect(c.lagReasons.map((r) => r.text).sort()).toEqual(worst.reasons.map((r) => r.text).sort());
    expect(c.months).toHaveLength(12);
    expect(c.months.at(-1)!.actualCum).toBe(c.completed);
    expect(c.months.at(-1)!.planCum).toBe(c.annualPlan);
    expect(c.reportingMonth).toBe(snapshot.reportingMonth);
    expect(c.alerts.map((a) => a.id).sort()).toEqual(snapshot.alerts.filter((a) => a.projectId === c.id).map((a) => a.id).sort());
    expect(c.unit.name).toBe(worst.unit);
    if (worst.leader) expect(c.leaders.find((l) => l.role === 'point')?.name).toBe(worst.leader);
    // The seed's accepted reports are the history; 形象进度 comes from the latest.
    const accepted = c.history.filter((i) => i.kind === 'report');
    if (c.completed > 0) {
      expect(accepted.length).toBeGreaterThan(0);
      expect(c.imageProgress).not.toBeNull();
    }
    expect([...c.history].map((i) => i.at)).toEqual([...c.history].map((i) => i.at).sort().reverse());
  });

  it('carries the project problems with state, age and owner', async () => {
    const problems = (await admin.get('/api/problems')).body;
    expect(problems.length).toBeGreaterThan(0);
    const p = problems[0];
    const c = cardOf(await card(wall, p.projectId));
    const mine = c.problems.find((x) => x.id === p.id)!;
    expect(mine).toMatchObject({ state: p.state, category: p.category, ageDays: p.ageDays, owner: p.coordinatingUnit ?? p.askedOf });
  });

  it('follows a change: an accepted report moves the card and the lists', async () => {
    const target = rowsOf(await list(wall, { title: '在建', status: 'started' })).find((r) => r.completed + 2_000_000 < r.totalInvestment)!;
    const before = cardOf(await card(wall, target.id));
    const month = snapshot.reportingMonth;
    const monthBefore = before.months.find((m) => m.month === month)!.actual;
    const res = await admin.post(`/api/projects/${target.id}/reports`, { month, investment: String((monthBefore + 1_000_000) / 10_000), progress: '主体结构施工，完成进度核查' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = cardOf(await card(wall, target.id));
    expect(after.completed).toBe(before.completed + 1_000_000);
    expect(after.imageProgress).toBe('主体结构施工，完成进度核查');
    expect(after.history[0]).toMatchObject({ kind: 'report' });
    expect(after.history[0].text).toContain('主体结构施工');
    const all = rowsOf(await list(wall, { title: '全部项目' }));
    expect(all.find((r) => r.id === target.id)!.completed).toBe(after.completed);
  });

  it('shows audited project edits in the history', async () => {
    const project = (await admin.get(`/api/projects/${snapshot.lagging[0].projectId}`)).body;
    const res = await admin.patch(`/api/projects/${project.id}`, { rowVersion: project.rowVersion, township: '测试镇' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = cardOf(await card(wall, project.id));
    expect(c.township).toBe('测试镇');
    expect(c.history[0]).toMatchObject({ kind: 'audit', actor: expect.any(String) });
    expect(c.history[0].text).toContain('乡镇');
    expect(rowsOf(await list(wall, { title: '测试镇', township: '测试镇' })).map((r) => r.id)).toEqual([project.id]);
  });

  it('answers bad input with an error, not a crash', async () => {
    expect(await card(wall, 99_999_999)).toEqual({ error: '项目不存在' });
    expect((await card(wall, 'abc' as unknown as number)) as DrillError).toMatchObject({ error: '项目编号须为正整数' });
    expect((await card(wall, -1)) as DrillError).toMatchObject({ error: '项目编号须为正整数' });
    expect((await card(wall, null as unknown as number)) as DrillError).toHaveProperty('error');
    const bad = (await list(wall, { title: 'x', status: 'bogus' as DrillStatus })) as DrillError;
    expect(bad).toMatchObject({ error: '状态取值无效', fields: { status: '状态取值无效' } });
    expect((await list(wall, { title: '' })) as DrillError).toMatchObject({ error: '请提供列表标题' });
    expect((await list(wall, null as unknown as ProjectQuery)) as DrillError).toHaveProperty('error');
    expect((await list(wall, { title: 'x', unitId: 1.5 })) as DrillError).toMatchObject({ fields: { unitId: '单位编号须为正整数' } });
    // The socket still serves after all that.
    expect(rowsOf(await list(wall, { title: '全部项目' }))).toHaveLength(snapshot.totals.projects);
  });

  it('serves every signed-in role, read-only', async () => {
    const unitName = snapshot.ranking[0].unit;
    await userClient(h, admin, { username: 'drillunit', role: 'unit', unit: unitName });
    const leaders = (await admin.get('/api/leaders')).body as { name: string }[];
    await userClient(h, admin, { username: 'drillleader', role: 'leader', leader: leaders[0].name });
    for (const [username, password] of [['admin', undefined], ['drillunit', 'drillunit-password'], ['drillleader', 'drillleader-password']] as const) {
      const s = await h.socket({ cookie: await h.login(username, password) });
      await next(s, 'snapshot', 20_000);
      // The wall shows the whole county to everyone, so its drill-down does too.
      expect(rowsOf(await list(s, { title: '已开工', status: 'started' })), username).toHaveLength(snapshot.totals.started);
      expect(cardOf(await card(s, snapshot.lagging[0].projectId)).id).toBe(snapshot.lagging[0].projectId);
      s.disconnect();
    }
  });
});
