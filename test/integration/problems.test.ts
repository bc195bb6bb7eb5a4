// 问题台账 over HTTP and Socket.IO: raise → accept → resolve → confirm (销号), return, reopen and
// 分级调度 escalation, each audited with a step; who may do what; the wall's counts follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCampaign } from '../../server/services/change.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

describe.each(backends())('problem ledger on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client; // 县城投公司: 白马大桥, 城区中学
  let otherUnit: Client; // 县工信局: 新材料产业园
  let leader: Client;
  let adminCookie: string;
  let bridge: number;
  let park: number;
  const start = new Date('2020-11-20T02:00:00.000Z');
  let now = start;

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), clock: () => now });
    adminCookie = await h.login();
    admin = client(h, adminCookie);
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    otherUnit = (await userClient(h, admin, { username: 'gongxin', role: 'unit', unit: '县工信局' })).client;
    // 王常务: 常务副县长, 包干 leader of 白马大桥.
    leader = (await userClient(h, admin, { username: 'lingdao', role: 'leader', leader: '王常务' })).client;
    const projects = (await admin.get('/api/projects')).body;
    bridge = projects.find((p: any) => p.code === 'T-002').id;
    park = projects.find((p: any) => p.code === 'T-001').id;
  });
  afterAll(() => h.close());

  const land = { category: '用地保障', description: '桥头引道用地报批未完成，影响施工', askedOf: '县自然资源局', dueOn: '2020-12-15' };
  const raise = async (c: Client, projectId: number, body: object = land) => {
    const res = await c.post(`/api/projects/${projectId}/problems`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const act = (c: Client, id: number, body: object) => c.post(`/api/problems/${id}/actions`, body);
  const count = async () => (await admin.get('/api/problems')).body.length as number;

  it('raises a problem into the ledger and tells the wall, with the counts', async () => {
    const s = await h.socket({ cookie: adminCookie });
    const before = await next(s, 'snapshot');
    const heard = next(s, 'problem:update');
    const res = await unit.post(`/api/projects/${bridge}/problems`, land);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      project: '白马大桥', projectCode: 'T-002', unit: '县城投公司', domain: '基础设施', leader: '李县长', category: '用地保障',
      state: 'pending', level: 1, meetings: 0, flagged: false, overdue: false, ageDays: 0, raisedBy: 'chengtou', createdAt: now.toISOString(),
    });
    const update = await heard;
    expect(update).toMatchObject({ version: before.version + 1, problemId: res.body.id });
    expect(update.problems.pending).toBe(before.problems.pending + 1);
    expect(update.problems.byCategory.find((c) => c.category === '用地保障')!.open).toBe(1);
    expect(update.event).toMatchObject({ kind: 'problem', projectId: bridge, text: '白马大桥：新报用地保障问题，待协调' });
    const snap = (await admin.get('/api/snapshot')).body;
    expect(snap.problems).toEqual(update.problems);
    expect(snap.events[0].text).toBe('白马大桥：新报用地保障问题，待协调');
    expect((await admin.get(`/api/problems/${res.body.id}`)).body.steps).toEqual([
      { at: now.toISOString(), actor: 'chengtou', action: 'raise', fromState: null, toState: 'pending', note: land.description },
    ]);
    s.disconnect();
  });

  it("takes only the campaign's own categories, which staff configure", async () => {
    const n = await count();
    const bad = await unit.post(`/api/projects/${bridge}/problems`, { ...land, category: '征地拆迁' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.category).toBe('问题类别须为：资金筹措、用地保障、审批协调、工程建设');
    expect(await count()).toBe(n);

    for (const [problemCategories, message] of [
      [[], '至少设置一个问题类别'],
      [['资金筹措', '资金筹措'], '问题类别不能重复'],
      [['资金筹措', ' '], '问题类别不能为空'],
      [Array.from({ length: 13 }, (_, i) => `类别${i}`), '问题类别最多12个'],
    ] as const) {
      const res = await admin.patch('/api/campaign/settings', { problemCategories });
      expect(res.status).toBe(422);
      expect(Object.values(res.body.error.fields)).toContain(message);
    }
    const categories = ['资金筹措', '用地保障', '审批协调', '工程建设', '征地拆迁'];
    expect((await unit.patch('/api/campaign/settings', { problemCategories: categories })).status).toBe(403);
    const set = await admin.patch('/api/campaign/settings', { problemCategories: categories });
    expect(set.body.settings.problemCategories).toEqual(categories);
    const id = await raise(unit, bridge, { ...land, category: '征地拆迁', description: '引道红线内2户房屋征收未完成' });
    expect((await admin.get('/api/snapshot')).body.problems.byCategory.map((c: any) => c.category)).toEqual(categories);
    expect((await act(admin, id, { action: 'return', reason: '测试后退回' })).status).toBe(200);
    await admin.patch('/api/campaign/settings', { problemCategories: categories.slice(0, 4) });
  });

  it('walks 待协调 → 协调中 → 已解决 → 已销号, each step audited; a unit may not confirm its own', async () => {
    const id = await raise(unit, bridge);
    const s = await h.socket({ cookie: adminCookie });
    const before = await next(s, 'snapshot');

    const confirmOwn = await act(unit, id, { action: 'confirm' });
    expect(confirmOwn.status).toBe(403);
    expect(confirmOwn.body.error.message).toContain('不能自行确认销号');
    expect((await act(admin, id, { action: 'confirm' })).status).toBe(409);

    const missing = await act(admin, id, { action: 'accept' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toMatchObject({ coordinatingUnit: '请填写牵头协调单位', dueOn: '请填写协调期限' });
    expect((await act(admin, id, { action: 'accept', coordinatingUnit: '县自然资源局', dueOn: '2020-11-19' })).body.error.fields.dueOn).toBe('协调期限不能早于今天');
    expect((await act(admin, id, { action: 'approve' })).status).toBe(422);
    expect((await admin.get(`/api/problems/${id}`)).body).toMatchObject({ state: 'pending', coordinatingUnit: null });

    const heard = next(s, 'problem:update');
    const accepted = await act(admin, id, { action: 'accept', coordinatingUnit: '县自然资源局', dueOn: '2020-12-10' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'coordinating', coordinatingUnit: '县自然资源局', dueOn: '2020-12-10' });
    const update = await heard;
    expect(update.problems.pending).toBe(before.problems.pending - 1);
    expect(update.problems.coordinating).toBe(before.problems.coordinating + 1);
    expect(update.event.text).toBe('白马大桥：用地保障问题已受理，由县自然资源局牵头协调');
    expect((await act(admin, id, { action: 'accept', coordinatingUnit: '县自然资源局', dueOn: '2020-12-10' })).status).toBe(409);

    expect((await act(otherUnit, id, { action: 'resolve', resolution: '与本单位无关的答复内容' })).status).toBe(403);
    expect((await act(unit, id, { action: 'resolve', resolution: '短' })).body.error.fields.resolution).toMatch(/解决情况/);
    expect((await act(unit, id, { action: 'resolve', resolution: '用地报批已获省厅批复，引道开工' })).body.state).toBe('resolved');
    expect((await act(leader, id, { action: 'reopen', reason: '现场核查尚未开工' })).body).toMatchObject({ state: 'coordinating', resolution: null });
    expect((await act(unit, id, { action: 'resolve', resolution: '引道已开工建设，现场已核实' })).body.resolvedBy).toBe('chengtou');
    expect((await act(unit, id, { action: 'confirm' })).status).toBe(403);

    const closing = next(s, 'problem:update');
    const closed = await act(admin, id, { action: 'confirm' });
    expect(closed.body).toMatchObject({ state: 'closed', confirmedBy: '系统管理员', closedAt: now.toISOString() });
    expect((await closing).event.text).toBe('白马大桥：用地保障问题已销号');
    expect((await act(admin, id, { action: 'reopen', reason: '再看看' })).status).toBe(409);

    const { steps } = (await admin.get(`/api/problems/${id}`)).body;
    expect(steps.map((st: any) => [st.action, st.fromState, st.toState])).toEqual([
      ['raise', null, 'pending'],
      ['accept', 'pending', 'coordinating'],
      ['resolve', 'coordinating', 'resolved'],
      ['reopen', 'resolved', 'coordinating'],
      ['resolve', 'coordinating', 'resolved'],
      ['confirm', 'resolved', 'closed'],
    ]);
    expect(steps[3]).toMatchObject({ actor: 'lingdao', note: '现场核查尚未开工' });
    const audit = ((await admin.get('/api/audit?limit=500')).body as any[]).filter((a) => a.entity === 'problem' && a.entityId === String(id));
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'problem.raise', 'problem.accept', 'problem.resolve', 'problem.reopen', 'problem.resolve', 'problem.confirm',
    ]);
    expect(audit[0]).toMatchObject({ actor: '系统管理员', before: { state: 'resolved' }, after: { state: 'closed' } });
    s.disconnect();
  });

  it('escalates 挂点领导 → 常务副县长 → 县长专题会, and returns what is not the county’s', async () => {
    const id = await raise(unit, bridge, { category: '资金筹措', description: '配套资金2000万元尚未到位', askedOf: '县财政局' });
    expect((await act(unit, id, { action: 'escalate', reason: '情况紧急' })).status).toBe(403);
    expect((await act(admin, id, { action: 'escalate' })).body.error.fields.reason).toBe('请填写提级原因');
    expect((await act(admin, id, { action: 'escalate', reason: '挂点领导调度后仍未落实' })).body.level).toBe(2);
    const three = await act(leader, id, { action: 'escalate', reason: '需县长专题会研究' });
    expect(three.body.level).toBe(3);
    expect((await act(admin, id, { action: 'escalate', reason: '再提级' })).status).toBe(409);
    expect((await admin.get('/api/problems?level=3')).body.map((p: any) => p.id)).toEqual([id]);

    const other = await raise(unit, bridge, { category: '工程建设', description: '施工单位内部工资纠纷，非县级协调事项' });
    expect((await act(leader, other, { action: 'return', reason: '非县级协调事项' })).status).toBe(403);
    const returned = await act(admin, other, { action: 'return', reason: '属企业内部事务，非县级协调事项' });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '属企业内部事务，非县级协调事项' });
    expect((await act(admin, other, { action: 'accept', coordinatingUnit: '县人社局', dueOn: '2020-12-01' })).status).toBe(409);
  });

  it("shows a unit its own unit's problems only; leaders and staff all, with filters", async () => {
    const parkProblem = await raise(otherUnit, park, { category: '审批协调', description: '二期环评批复尚未取得', askedOf: '市生态环境局' });
    const mine = (await unit.get('/api/problems')).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p: any) => p.unit === '县城投公司')).toBe(true);
    expect((await unit.get(`/api/problems?unitId=${(await otherUnit.get('/api/problems')).body[0].unitId}`)).body.every((p: any) => p.unit === '县城投公司')).toBe(true);
    expect((await unit.get(`/api/problems/${parkProblem}`)).status).toBe(403);
    expect((await unit.get(`/api/projects/${park}/problems`)).status).toBe(403);
    expect((await otherUnit.get('/api/problems')).body.map((p: any) => p.id)).toEqual([parkProblem]);

    const all = (await leader.get('/api/problems')).body;
    expect(new Set(all.map((p: any) => p.unit))).toEqual(new Set(['县城投公司', '县工信局']));
    expect((await admin.get('/api/problems?unitId=3000000000')).status).toBe(422);
    expect((await admin.get('/api/problems/3000000000')).status).toBe(422);
    const open = (await admin.get('/api/problems?state=open')).body;
    expect(open.every((p: any) => p.state === 'pending' || p.state === 'coordinating')).toBe(true);
    expect((await admin.get('/api/problems?category=审批协调')).body.map((p: any) => p.id)).toEqual([parkProblem]);

    const bad = await admin.get('/api/problems?level=7&state=lost');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toMatchObject({ level: '调度层级须为1–3' });
    expect(bad.body.error.fields.state).toMatch(/^状态须为/);
    expect((await admin.get('/api/problems/999999')).status).toBe(404);
    expect((await admin.post('/api/problems/999999/actions', { action: 'confirm' })).status).toBe(404);
  });

  it('raises 问题逾期 for a problem past its due date and clears it once the solution is confirmed', async () => {
    expect((await otherUnit.post(`/api/projects/${park}/problems`, { category: '资金筹措', description: '上级补助资金未下达到项目', dueOn: '2020-11-10' })).body
      .error.fields.dueOn).toBe('期望解决日期不能早于今天');
    const id = await raise(otherUnit, park, { category: '资金筹措', description: '上级补助资金未下达到项目', dueOn: '2020-11-25' });
    // Ten days past the due date: the product's date moves on.
    now = new Date('2020-12-05T02:00:00.000Z');
    const wall = await h.socket({ cookie: adminCookie });
    await next(wall, 'snapshot');
    const dayTurned = next(wall, 'summary:update');
    await refreshCampaign(h.app.deps);
    // The wall's problem panel hears that the problem is now overdue, with no problem changing.
    expect((await dayTurned).summary.problems?.overdue).toBeGreaterThan(0);
    wall.disconnect();
    const overdue = async () => (await admin.get('/api/snapshot')).body.alerts.find((a: any) => a.projectId === park && a.rule === 'problem_overdue');
    expect(await overdue()).toMatchObject({ severity: 'yellow', text: '1个协调问题超过期限未解决，最长逾期10天' });
    expect((await admin.get(`/api/problems/${id}`)).body.overdue).toBe(true);
    expect((await admin.get('/api/snapshot')).body.problems.overdue).toBeGreaterThan(0);

    const s = await h.socket({ cookie: adminCookie });
    await next(s, 'snapshot');
    expect((await act(otherUnit, id, { action: 'resolve', resolution: '补助资金已下达到项目账户' })).status).toBe(200);
    // The unit's word alone does not close it (销号 needs confirmation).
    expect(await overdue()).toBeDefined();
    const cleared = next(s, 'alert:cleared');
    expect((await act(admin, id, { action: 'confirm' })).status).toBe(200);
    expect((await cleared).rule).toBe('problem_overdue');
    expect(await overdue()).toBeUndefined();
    s.disconnect();
    now = start;
    await refreshCampaign(h.app.deps);
  });
});
