// The reporting cycle end to end over HTTP and Socket.IO: draft → submitted → accepted | returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

const WAN = 10_000;

describe.each(backends())('monthly reporting on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client;
  let otherUnit: Client;
  let adminCookie: string;
  let bridge: number; // T-002 白马大桥, 县城投公司
  let park: number; // T-001 新材料产业园, 县工信局

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger() });
    adminCookie = await h.login();
    admin = client(h, adminCookie);
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    otherUnit = (await userClient(h, admin, { username: 'gongxin', role: 'unit', unit: '县工信局' })).client;
    const projects = (await admin.get('/api/projects')).body;
    bridge = projects.find((p: any) => p.code === 'T-002').id;
    park = projects.find((p: any) => p.code === 'T-001').id;
  });
  afterAll(() => h.close());

  const snapshot = async () => (await admin.get('/api/snapshot')).body;

  it('shows a unit only its own projects', async () => {
    const mine = (await unit.get('/api/projects')).body;
    expect(mine.map((p: any) => p.code)).toEqual(['T-002', 'T-003']);
    expect((await unit.get(`/api/projects/${park}`)).status).toBe(403);
  });

  it('keeps a draft without touching the figures or the version', async () => {
    const before = await snapshot();
    const res = await unit.post(`/api/projects/${bridge}/reports`, { month: '2020-11', investment: '80', progress: '桩基施工', draft: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', revision: 1, submittedBy: 'chengtou' });
    expect((await snapshot()).version).toBe(before.version);
  });

  it('submits for review: the ticker hears of it, the figures wait', async () => {
    const s = await h.socket({ cookie: adminCookie });
    const before = await next(s, 'snapshot');
    const heard = next(s, 'report:submitted');
    const res = await unit.post(`/api/projects/${bridge}/reports`, { month: '2020-11', investment: '80', progress: '桩基施工', baseRevision: 1 });
    expect(res.body).toMatchObject({ status: 'submitted', revision: 2 });
    const r = await heard;
    expect(r).toMatchObject({ version: before.version + 1, projectId: bridge, month: '2020-11' });
    expect(r.event.text).toContain('待审核');
    expect((await snapshot()).totals.completed).toBe(before.totals.completed);
  });

  it('refuses a draft on top of a submission, which stays in the review queue', async () => {
    const res = await unit.post(`/api/projects/${bridge}/reports`, { month: '2020-11', investment: '90', progress: '桩基施工', draft: true, baseRevision: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('重新提交');
    const nov = (await admin.get('/api/reports?month=2020-11')).body;
    expect(nov.find((r: any) => r.projectId === bridge)).toMatchObject({ status: 'submitted' });
  });

  it('lists the month for staff with status and lateness', async () => {
    const nov = (await admin.get('/api/reports?month=2020-11')).body;
    expect(nov.find((r: any) => r.projectId === bridge)).toMatchObject({ status: 'submitted', late: false, accepted: null });
    const oct = (await admin.get('/api/reports?month=2020-10')).body;
    // T-002 filed October on 11-03 (in time); T-003 never did and the 5th has passed.
    expect(oct.find((r: any) => r.code === 'T-002')).toMatchObject({ status: 'accepted', late: false });
    expect(oct.find((r: any) => r.code === 'T-003')).toMatchObject({ status: 'missing', late: true, latest: null });
    expect((await unit.get('/api/reports?month=2020-11')).body.map((r: any) => r.code)).toEqual(['T-002', 'T-003']);
    expect((await admin.get('/api/reports?month=2020-13')).status).toBe(422);
  });

  it('gives the calendar with both countdowns', async () => {
    expect((await unit.get('/api/reporting/calendar')).body).toEqual({
      today: '2020-11-20', reportingMonth: '2020-10', reportDeadline: '2020-11-05', daysToReportDeadline: -15,
      nextProblemDeadline: '2020-12-03', daysToProblemDeadline: 13,
    });
  });

  it('moves every wall when staff accept, and records who did it', async () => {
    const pending = (await admin.get('/api/reports?month=2020-11')).body.find((r: any) => r.projectId === bridge).latest;
    const s = await h.socket({ cookie: adminCookie });
    const before = await next(s, 'snapshot');
    const update = next(s, 'investment:update');
    const res = await admin.post(`/api/reports/${pending.id}/accept`);
    expect(res.body).toMatchObject({ status: 'accepted', reviewedBy: '系统管理员' });
    const u = await update;
    // November is the month still open (数据统计至 October): the amount shows apart, as 本月已报.
    expect(u.summary.totals.completed).toBe(before.totals.completed);
    expect(u.summary.openMonth!.investment).toBe(before.openMonth!.investment + 80 * WAN);
    expect(u.event.text).toContain('白马大桥');
    expect((await admin.post(`/api/reports/${pending.id}/accept`)).status).toBe(409);

    const history = (await admin.get(`/api/projects/${bridge}/history`)).body;
    expect(history.reports.filter((r: any) => r.month === '2020-11').map((r: any) => r.status)).toEqual(['accepted', 'draft']);
    const actions = history.audit.map((a: any) => `${a.actor}:${a.action}`);
    expect(actions).toEqual(expect.arrayContaining(['系统管理员:report.accept', 'chengtou:report.submit', 'chengtou:report.draft']));
    expect(history.audit.find((a: any) => a.action === 'report.accept')).toMatchObject({ before: { status: 'submitted' }, after: { status: 'accepted' } });
  });

  it('returns a report with a reason the unit can read', async () => {
    const filed = await unit.post(`/api/projects/${bridge}/reports`, { month: '2020-11', investment: '95', progress: '更正', baseRevision: 2 });
    expect(filed.body.status).toBe('submitted');
    expect((await admin.post(`/api/reports/${filed.body.id}/return`, {})).status).toBe(422);
    const back = await admin.post(`/api/reports/${filed.body.id}/return`, { reason: '投资额与形象进度不符，请核实' });
    expect(back.body).toMatchObject({ status: 'returned', returnReason: '投资额与形象进度不符，请核实' });
    const row = (await unit.get('/api/reports?month=2020-11')).body.find((r: any) => r.projectId === bridge);
    expect(row).toMatchObject({ status: 'returned', latest: { returnReason: '投资额与形象进度不符，请核实' }, accepted: { investment: 80 * WAN } });
    // The accepted figure stands while the correction is returned.
    expect((await admin.get(`/api/projects/${bridge}`)).body.completedToDate).toBe(180 * WAN);
  });

  it('refuses a stale form with 409 and lets only one of two simultaneous filings through', async () => {
    const base = (await admin.get(`/api/projects/${bridge}/reports`)).body.filter((r: any) => r.month === '2020-11')[0].revision;
    expect((await unit.post(`/api/projects/${bridge}/reports`, { month: '2020-11', investment: '90', progress: '旧表单', baseRevision: base - 1 })).status).toBe(409);
    const body = { month: '2020-11', investment: '90', progress: '同时提交', baseRevision: base };
    const results = await Promise.all([unit.post(`/api/projects/${bridge}/reports`, body), admin.post(`/api/projects/${bridge}/reports`, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.message).toContain('请刷新后重试');
  });

  it('takes problems from the project’s own unit only', async () => {
    const problem = { category: '用地保障', description: '桥头引道用地报批未完成，影响施工', askedOf: '县自然资源局', dueOn: '2020-12-15' };
    const ok = await unit.post(`/api/projects/${bridge}/problems`, problem);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ category: '用地保障', project: '白马大桥', raisedBy: 'chengtou', state: 'pending' });
    expect((await otherUnit.post(`/api/projects/${bridge}/problems`, problem)).status).toBe(403);
    expect((await unit.post(`/api/projects/${bridge}/problems`, { category: '其他', description: '短' })).body.error.fields).toMatchObject({
      category: '问题类别须为：资金筹措、用地保障、审批协调、工程建设', description: '请具体描述问题（至少5字）',
    });
    expect((await admin.get(`/api/projects/${bridge}/problems`)).body).toHaveLength(1);
  });
});
