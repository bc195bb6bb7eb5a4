// 双挂制 (上犹 附件3) and 服务专员 (附件4) over HTTP: a leader's desk by 分级调度, the duties they owe
// and record, and the commissioners' calls and visits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, startHarness, userClient, type Client, type Harness } from './harness.js';

describe.each(backends())('leader desks, duties and contacts on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client; // 县城投公司
  let otherUnit: Client; // 县工信局
  let head: Client; // 李县长 (县长): 一对一 linked to every project
  let deputy: Client; // 王常务 (常务副县长): 包干 of 白马大桥
  let unbound: Client; // a leader account without a leader
  let li: number;
  let wang: number;
  let bridge: number;
  let park: number;
  const problem: Record<'bridge' | 'levelTwo' | 'levelThree', number> = { bridge: 0, levelTwo: 0, levelThree: 0 };

  const leaderClient = async (username: string, leaderId: number) => {
    const created = await admin.post('/api/users', { username, displayName: username, role: 'leader', leaderId, password: `${username}-password` });
    expect(created.status).toBe(201);
    return client(h, await h.login(username, `${username}-password`));
  };

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), clock: () => new Date('2020-11-20T02:00:00.000Z') });
    admin = client(h, await h.login());
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    otherUnit = (await userClient(h, admin, { username: 'gongxin', role: 'unit', unit: '县工信局' })).client;
    unbound = (await userClient(h, admin, { username: 'lingdao', role: 'leader' })).client;
    const leaders = (await admin.get('/api/leaders')).body;
    li = leaders.find((l: any) => l.name === '李县长').id;
    wang = leaders.find((l: any) => l.name === '王常务').id;
    head = await leaderClient('xianzhang', li);
    deputy = await leaderClient('changwu', wang);
    const projects = (await admin.get('/api/projects')).body;
    bridge = projects.find((x: any) => x.code === 'T-002').id;
    park = projects.find((x: any) => x.code === 'T-001').id;

    const raise = async (projectId: number, description: string, levels: number) => {
      const id = (await admin.post(`/api/projects/${projectId}/problems`, { category: '资金筹措', description })).body.id;
      for (let i = 1; i < levels; i++) await admin.post(`/api/problems/${id}/actions`, { action: 'escalate', reason: '下级调度未能解决' });
      return id;
    };
    problem.bridge = await raise(bridge, '桥梁配套资金尚未到位', 1);
    problem.levelTwo = await raise(park, '园区标准厂房建设资金缺口', 2);
    problem.levelThree = await raise(park, '园区基础设施专项债额度不足', 3);
  });
  afterAll(() => h.close());

  it("shows the 县长's desk: linked projects against 序时, their alerts and problems, and the duties owed", async () => {
    const desk = (await head.get('/api/me/desk')).body;
    expect(desk.leader).toEqual({ id: li, name: '李县长', title: '县长', rank: 'county_head' });
    expect(desk.projects.map((x: any) => [x.code, x.role])).toEqual([['T-001', 'linked'], ['T-002', 'linked'], ['T-003', 'linked']]);
    const bridgeRow = desk.projects.find((x: any) => x.code === 'T-002');
    expect(bridgeRow).toMatchObject({ name: '白马大桥', unit: '县城投公司', lagging: true });
    expect(bridgeRow.completionRate).toBeCloseTo(100 / 600);
    expect(bridgeRow.scheduleShare).toBeCloseTo(10 / 12);
    expect(desk.projects.find((x: any) => x.code === 'T-001')).toMatchObject({ lagging: false, completionRate: 1_000 / 1_200 });

    const alerts = (await admin.get('/api/alerts')).body;
    expect(desk.alerts.sort()).toEqual(alerts.map((a: any) => a.id).sort());
    expect(desk.openAlerts.map((a: any) => a.id).sort()).toEqual([...desk.alerts].sort());
    expect(desk.problems.map((x: any) => x.id).sort()).toEqual(Object.values(problem).sort());

    // Through November: eleven monthly briefings and four quarterly visits; October's is overdue, November's not yet.
    expect(desk.duties).toHaveLength(15);
    expect(desk.duties.find((d: any) => d.period === '2020-10')).toMatchObject({ kind: 'monthly_briefing', dueOn: '2020-10-31', doneOn: null, overdue: true });
    expect(desk.duties.find((d: any) => d.period === '2020-11')).toMatchObject({ overdue: false });
    expect(desk.duties.find((d: any) => d.period === '2020-Q4')).toMatchObject({ kind: 'quarterly_visit', dueOn: '2020-12-31', overdue: false });
    expect(desk.contacts.find((c: any) => c.projectId === bridge)).toMatchObject({ commissioner: '县交通运输局 张伟', lastCall: null, callDue: true, visitDue: false });
  });

  it('gives the 常务副县长 the projects in their charge and the level-2 problems', async () => {
    const desk = (await deputy.get('/api/me/desk')).body;
    expect(desk.projects.map((x: any) => [x.code, x.role])).toEqual([['T-002', 'charge']]);
    expect(desk.problems.map((x: any) => x.id).sort()).toEqual([problem.bridge, problem.levelTwo].sort());
    // 附件3 第八条 binds 一对一 linked leaders; a 包干 leader holds coordination meetings instead.
    expect(desk.duties).toEqual([]);
    expect((await admin.get(`/api/leaders/${wang}/desk`)).body).toEqual(desk);
    expect((await head.get(`/api/leaders/${wang}/desk`)).status).toBe(200);
  });

  it('keeps desks to leaders and staff', async () => {
    expect((await unit.get(`/api/leaders/${li}/desk`)).status).toBe(403);
    expect((await admin.get('/api/me/desk')).status).toBe(403);
    const none = await unbound.get('/api/me/desk');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('未关联县领导');
    expect((await admin.get('/api/leaders/99999/desk')).status).toBe(404);
    expect((await admin.get('/api/leaders/x/desk')).status).toBe(422);
  });

  it('records the duties a leader has done, by the leader or by staff, once per period', async () => {
    const record = (c: Client, leaderId: number, body: object) => c.post(`/api/leaders/${leaderId}/duties`, body);
    const briefing = { kind: 'monthly_briefing', period: '2020-10', doneOn: '2020-10-28', note: '听取白马大桥推进情况汇报' };

    expect((await record(admin, li, {})).body.error.fields).toEqual({
      kind: '请选择履职事项', period: '请填写期间', doneOn: '请填写完成日期',
    });
    const field = async (body: object) => (await record(head, li, { ...briefing, ...body })).body.error.fields;
    expect(await field({ period: '2020-13' })).toEqual({ period: '期间须为 YYYY-MM 或 YYYY-Qn' });
    expect(await field({ kind: 'quarterly_visit' })).toEqual({ period: '每季度现场调研的期间须为 YYYY-Qn' });
    expect(await field({ period: '2019-10' })).toEqual({ period: '期间须在2020年度内' });
    expect(await field({ period: '2020-12' })).toEqual({ period: '期间尚未开始' });
    expect(await field({ doneOn: '2020-11-21' })).toEqual({ doneOn: '完成日期不能晚于今天' });
    expect((await record(deputy, li, briefing)).status).toBe(403);
    expect((await record(unit, li, briefing)).status).toBe(403);
    expect((await record(admin, 99_999, briefing)).status).toBe(404);
    expect((await head.get('/api/me/desk')).body.duties.filter((d: any) => d.doneOn)).toEqual([]);

    const done = await record(head, li, briefing);
    expect(done.status).toBe(201);
    expect(done.body.find((d: any) => d.period === '2020-10')).toMatchObject({ doneOn: '2020-10-28', note: '听取白马大桥推进情况汇报', overdue: false });
    expect((await record(head, li, { ...briefing, doneOn: '2020-10-30' })).status).toBe(409);
    const visit = await record(admin, li, { kind: 'quarterly_visit', period: '2020-Q3', doneOn: '2020-09-16' });
    expect(visit.status).toBe(201);
    expect(visit.body.find((d: any) => d.period === '2020-Q3')).toMatchObject({ doneOn: '2020-09-16', note: null });
    const audit = (await admin.get('/api/audit')).body;
    expect(audit.filter((a: any) => a.action === 'leader.duty').map((a: any) => a.actor)).toEqual(['系统管理员', 'xianzhang']);
  });

  it("records a commissioner's calls and visits, by staff or the project's own unit", async () => {
    const call = { kind: 'call', on: '2020-11-19', note: '电话了解桩基施工进度和资金需求' };
    const post = (c: Client, body: object) => c.post(`/api/projects/${bridge}/contacts`, body);
    expect((await post(unit, {})).body.error.fields).toEqual({ kind: '请选择联系方式', on: '请填写联系日期', note: '请填写联系情况' });
    expect((await post(unit, { ...call, on: '2020-11-21' })).body.error.fields).toEqual({ on: '联系日期不能晚于今天' });
    expect((await post(otherUnit, call)).status).toBe(403);
    expect((await post(head, call)).status).toBe(403);
    expect((await admin.get(`/api/projects/${bridge}/contacts`)).body.contacts).toEqual([]);

    const made = await post(unit, call);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ projectId: bridge, kind: 'call', on: '2020-11-19', recordedBy: 'chengtou' });
    await post(admin, { kind: 'visit', on: '2020-11-12', note: '现场走访，协调施工便道' });
    const contacts = (await head.get(`/api/projects/${bridge}/contacts`)).body;
    expect(contacts.status).toMatchObject({ project: '白马大桥', lastCall: '2020-11-19', lastVisit: '2020-11-12', callDue: false, visitDue: false });
    expect(contacts.contacts.map((c: any) => c.on)).toEqual(['2020-11-19', '2020-11-12']);
    expect((await otherUnit.get(`/api/projects/${bridge}/contacts`)).status).toBe(403);
    expect((await head.get('/api/me/desk')).body.contacts.find((c: any) => c.projectId === bridge)).toMatchObject({ callDue: false });
    expect((await admin.get(`/api/projects/${bridge}/history`)).body.audit.some((a: any) => a.action === 'project.contact')).toBe(true);
  });
});
