// Drill-down over a real socket: the lists behind the snapshot's figures agree with it exactly,
// the card carries the project's figures, curve, alerts, problems, leaders and history, bad input
// gets a Chinese error, display tokens, admins and leaders see the county and a unit its own
// projects, a frozen meeting's month end is served as such, and a client asking in a loop is told to wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLedger } from '../../server/demo/demo.js';
import { DRILL_RATE, RATE_LIMITED, take, type Bucket } from '../../server/realtime/rateLimit.js';
import { monthEndSnapshot, requireCampaign } from '../../server/services/snapshot.js';
import { currentVersion } from '../../server/store/campaigns.js';
import type { DrillError, DrillStatus, ProjectCard, ProjectCardRequest, ProjectListResult, ProjectQuery, ProjectSchedule } from '../../shared/drill.js';
import type { Snapshot } from '../../shared/snapshot.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness, type TestSocket } from './harness.js';

/** A well-behaved client keeps within the server's rate (with a margin for the way there). */
const PACE = { capacity: DRILL_RATE.capacity, perSecond: DRILL_RATE.perSecond * 0.8 };
const buckets = new WeakMap<TestSocket, Bucket | null>();
async function paced(s: TestSocket) {
  for (;;) {
    const r = take(buckets.get(s) ?? null, PACE, Date.now());
    buckets.set(s, r.bucket);
    if (r.ok) return;
    await new Promise((resolve) => setTimeout(resolve, r.waitMs));
  }
}
const list = async (s: TestSocket, q: ProjectQuery) => (await paced(s), s.timeout(10_000).emitWithAck('projects:list', q));
const card = async (s: TestSocket, id: number | ProjectCardRequest) => (await paced(s), s.timeout(10_000).emitWithAck('project:card', id));

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

  it("serves the ledger every project's 序时 over HTTP, the drill-down's figures, a unit its own", async () => {
    const all = rowsOf(await list(wall, { title: '全部项目' }));
    const schedule = (await admin.get('/api/projects/schedule')).body as ProjectSchedule[];
    expect(schedule).toHaveLength(snapshot.totals.projects);
    const byId = new Map(schedule.map((s) => [s.projectId, s]));
    for (const r of all) expect(byId.get(r.id), r.name).toMatchObject({ completed: r.completed, completionRate: r.completionRate, scheduleShare: r.scheduleShare });
    expect(schedule.reduce((sum, s) => sum + s.completed, 0)).toBe(snapshot.totals.completed);
    const unitId = all[0].unitId;
    const unit = (await userClient(h, admin, { username: 'schedule-unit', role: 'unit', unit: all[0].unit })).client;
    const own = (await unit.get('/api/projects/schedule')).body as ProjectSchedule[];
    expect(own.map((s) => s.projectId).sort()).toEqual(all.filter((r) => r.unitId === unitId).map((r) => r.id).sort());
    expect((await client(h, null).get('/api/projects/schedule')).status).toBe(401);
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

  it('serves admins and leaders the county, a unit its own projects only', async () => {
    const own = snapshot.ranking[0];
    await userClient(h, admin, { username: 'drillunit', role: 'unit', unit: own.unit });
    const leaders = (await admin.get('/api/leaders')).body as { name: string }[];
    await userClient(h, admin, { username: 'drillleader', role: 'leader', leader: leaders[0].name });
    const other = snapshot.lagging.find((l) => l.unit !== own.unit)!;
    for (const [username, password] of [['admin', undefined], ['drillleader', 'drillleader-password']] as const) {
      const s = await h.socket({ cookie: await h.login(username, password) });
      await next(s, 'snapshot', 20_000);
      // The wall shows the whole county to them, so its drill-down does too.
      expect(rowsOf(await list(s, { title: '已开工', status: 'started' })), username).toHaveLength(snapshot.totals.started);
      expect(cardOf(await card(s, other.projectId)).history.length, username).toBeGreaterThan(0);
      s.disconnect();
    }
    const s = await h.socket({ cookie: await h.login('drillunit', 'drillunit-password') });
    await next(s, 'snapshot', 20_000);
    const mine = rowsOf(await list(s, { title: '全部项目' }));
    expect(mine).toHaveLength(own.projects);
    expect(mine.every((r) => r.unitId === own.unitId)).toBe(true);
    // Another unit's projects behind a figure stay out; asked for by unit, nothing.
    expect(rowsOf(await list(s, { title: '滞后', status: 'lagging' })).every((r) => r.unitId === own.unitId)).toBe(true);
    expect(rowsOf(await list(s, { title: other.unit, unitId: snapshot.ranking.find((u) => u.unit === other.unit)!.unitId }))).toEqual([]);
    expect(await card(s, other.projectId)).toEqual({ error: '只能查看本单位负责的项目' });
    expect(await card(s, { projectId: other.projectId, asOf: '2020-09' })).toEqual({ error: '只能查看本单位负责的项目' });
    expect(cardOf(await card(s, mine[0].id)).unit.id).toBe(own.unitId);
    s.disconnect();
  });

  it('serves the month-end figures of a frozen meeting when asked with asOf', async () => {
    const campaign = await requireCampaign(h.db);
    const frozen = await monthEndSnapshot(h.db, campaign, '2020-09', await currentVersion(h.db, campaign.id), now);
    const all = (await list(wall, { title: '全部项目', asOf: '2020-09' })) as ProjectListResult;
    expect(all.asOf).toBe('2020-09-30');
    expect(rowsOf(all).reduce((sum, r) => sum + r.completed, 0)).toBe(frozen.totals.completed);
    expect(rowsOf(await list(wall, { title: '滞后', status: 'lagging', asOf: '2020-09' })).map((r) => r.id).slice(0, frozen.lagging.length)).toEqual(
      frozen.lagging.map((l) => l.projectId),
    );
    expect(rowsOf(await list(wall, { title: '已开工', status: 'started', asOf: '2020-09' }))).toHaveLength(frozen.totals.started);
    // Today's figures are more: October's reports count.
    expect(frozen.totals.completed).toBeLessThan(snapshot.totals.completed);

    const worst = frozen.lagging[0];
    const c = cardOf(await card(wall, { projectId: worst.projectId, asOf: '2020-09' }));
    const reports = (await admin.get(`/api/projects/${worst.projectId}/reports`)).body as { month: string; status: string; revision: number; investment: number }[];
    const latest = new Map<string, { revision: number; investment: number }>();
    for (const r of reports) {
      if (r.status !== 'accepted' || r.month > '2020-09') continue;
      if ((latest.get(r.month)?.revision ?? 0) < r.revision) latest.set(r.month, r);
    }
    const accepted = [...latest.values()].reduce((sum, r) => sum + r.investment, 0);
    expect(c).toMatchObject({ asOf: '2020-09-30', completed: accepted, lagging: worst.severity, reportingMonth: frozen.reportingMonth });
    expect(c.completed).toBe(worst.completed);
    expect(c.scheduleRate).toBeCloseTo(worst.scheduleRate, 10);
    expect(c.months.filter((m) => m.month > '2020-09').every((m) => m.actual === 0)).toBe(true);
    expect(c.alerts.map((a) => a.rule).sort()).toEqual(frozen.alerts.filter((a) => a.projectId === worst.projectId).map((a) => a.rule).sort());
    expect(c.imageProgressMonth === null || c.imageProgressMonth <= '2020-09').toBe(true);
    expect(cardOf(await card(wall, worst.projectId)).asOf).toBeNull();
    // Only months of the year that have ended.
    expect(await card(wall, { projectId: worst.projectId, asOf: '2020-12' })).toMatchObject({ error: '只能查看2020年度已结束月份的数据' });
    expect(await list(wall, { title: 'x', asOf: '2020-9' })).toMatchObject({ error: '截至月份须为 YYYY-MM 格式' });
  });

  it('tells a client asking in a loop to wait, and serves it again after a pause', async () => {
    const s = await h.socket({ token: (await admin.post('/api/display-tokens', { name: '压力测试', rotateSeconds: 30 })).body.token });
    await next(s, 'snapshot', 20_000);
    const answers: (ProjectCard | DrillError)[] = [];
    for (let i = 0; i < 25; i++) answers.push(await s.timeout(10_000).emitWithAck('project:card', snapshot.lagging[0].projectId));
    const refused = answers.filter((a) => 'error' in a);
    expect(answers.slice(0, DRILL_RATE.capacity).every((a) => !('error' in a))).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => (a as DrillError).error === RATE_LIMITED)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(cardOf(await s.timeout(10_000).emitWithAck('project:card', snapshot.lagging[0].projectId)).id).toBe(snapshot.lagging[0].projectId);
    s.disconnect();
  });
});
