// Every write endpoint (and the guarded reads) with every role: 401 without a session, 403 for the
// wrong role or unit, success only where the role allows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { client, startHarness, userClient, type Client, type Harness } from './harness.js';

type Role = 'anonymous' | 'display' | 'unitOwn' | 'unitOther' | 'leader' | 'admin';
const ROLES: Role[] = ['anonymous', 'display', 'unitOwn', 'unitOther', 'leader', 'admin'];

interface Ctx {
  bridge: number;
  /** 李县长 */
  leaderId: number;
  admin: Client;
  seq: () => number;
  submitted: () => Promise<number>;
  /** A new pending problem on 白马大桥; resolved when asked. */
  problem: (resolved?: boolean) => Promise<number>;
  /** A new planned meeting, with a problem on its agenda. */
  meeting: () => Promise<{ id: number; problemId: number }>;
}

interface Case {
  name: string;
  call: (c: Client, ctx: Ctx) => Promise<{ status: number }>;
  /** Status per role; roles not listed expect the default for their kind. */
  ok: Partial<Record<Role, number>>;
}

const report = { month: '2020-11', investment: '1', progress: '施工' };

const CASES: Case[] = [
  { name: 'POST /api/projects/:id/reports', call: (c, x) => c.post(`/api/projects/${x.bridge}/reports`, report), ok: { unitOwn: 201, admin: 201 } },
  {
    name: 'PATCH /api/projects/:id',
    call: async (c, x) => c.patch(`/api/projects/${x.bridge}`, { rowVersion: (await x.admin.get(`/api/projects/${x.bridge}`)).body.rowVersion, content: '调整建设内容' }),
    ok: { admin: 200 },
  },
  {
    name: 'PUT /api/projects/:id/plan',
    call: async (c, x) => c.put(`/api/projects/${x.bridge}/plan`, { rowVersion: (await x.admin.get(`/api/projects/${x.bridge}`)).body.rowVersion, annualPlan: '600', monthly: null }),
    ok: { admin: 200 },
  },
  {
    name: 'POST /api/projects/:id/problems',
    call: (c, x) => c.post(`/api/projects/${x.bridge}/problems`, { category: '资金筹措', description: '配套资金尚未到位', askedOf: '县财政局' }),
    ok: { unitOwn: 201, admin: 201 },
  },
  { name: 'POST /api/reports/:id/accept', call: async (c, x) => c.post(`/api/reports/${await x.submitted()}/accept`), ok: { admin: 200 } },
  { name: 'POST /api/reports/:id/return', call: async (c, x) => c.post(`/api/reports/${await x.submitted()}/return`, { reason: '请补充说明' }), ok: { admin: 200 } },
  {
    name: 'POST /api/users',
    call: (c, x) => c.post('/api/users', { username: `user${x.seq()}`, displayName: '新用户', role: 'leader', password: 'password-123' }),
    ok: { admin: 201 },
  },
  { name: 'PATCH /api/users/:id', call: async (c, x) => c.patch(`/api/users/${await newUser(x)}`, { displayName: '改名' }), ok: { admin: 200 } },
  { name: 'POST /api/users/:id/password', call: async (c, x) => c.post(`/api/users/${await newUser(x)}/password`, { password: 'password-456' }), ok: { admin: 204 } },
  { name: 'POST /api/units', call: (c, x) => c.post('/api/units', { name: `测试单位${x.seq()}` }), ok: { admin: 201 } },
  { name: 'PATCH /api/units/:id', call: async (c, x) => c.patch(`/api/units/${(await x.admin.post('/api/units', { name: `单位${x.seq()}` })).body.id}`, { name: `更名单位${x.seq()}` }), ok: { admin: 200 } },
  { name: 'POST /api/display-tokens', call: (c, x) => c.post('/api/display-tokens', { name: `大屏${x.seq()}` }), ok: { admin: 201 } },
  { name: 'DELETE /api/display-tokens/:id', call: async (c, x) => c.del(`/api/display-tokens/${(await x.admin.post('/api/display-tokens', { name: `大屏${x.seq()}` })).body.id}`), ok: { admin: 204 } },
  {
    name: 'POST /api/problems/:id/actions (resolve)',
    call: async (c, x) => c.post(`/api/problems/${await x.problem()}/actions`, { action: 'resolve', resolution: '配套资金已拨付到位' }),
    ok: { unitOwn: 200, leader: 200, admin: 200 },
  },
  {
    name: 'POST /api/problems/:id/actions (confirm)',
    call: async (c, x) => c.post(`/api/problems/${await x.problem(true)}/actions`, { action: 'confirm' }),
    ok: { leader: 200, admin: 200 },
  },
  {
    name: 'POST /api/meetings',
    call: (c) => c.post('/api/meetings', { kind: 'joint', title: '部门联席会', heldOn: '2020-11-20', chair: '县发改委' }),
    ok: { leader: 201, admin: 201 },
  },
  { name: 'PATCH /api/meetings/:id', call: async (c, x) => c.patch(`/api/meetings/${(await x.meeting()).id}`, { location: '县政府三楼会议室' }), ok: { leader: 200, admin: 200 } },
  { name: 'PUT /api/meetings/:id/agenda', call: async (c, x) => c.put(`/api/meetings/${(await x.meeting()).id}/agenda`, { problemIds: [] }), ok: { leader: 200, admin: 200 } },
  { name: 'PUT /api/meetings/:id/attendance', call: async (c, x) => c.put(`/api/meetings/${(await x.meeting()).id}/attendance`, { attendees: ['县财政局'] }), ok: { leader: 200, admin: 200 } },
  {
    name: 'POST /api/meetings/:id/decisions',
    call: async (c, x) => {
      const { id, problemId } = await x.meeting();
      return c.post(`/api/meetings/${id}/decisions`, { problemId, decision: '县财政局月底前拨付配套资金', owner: '县财政局', deadline: '2020-11-30' });
    },
    ok: { leader: 200, admin: 200 },
  },
  { name: 'POST /api/meetings/:id/held', call: async (c, x) => c.post(`/api/meetings/${(await x.meeting()).id}/held`), ok: { leader: 200, admin: 200 } },
  {
    name: 'POST /api/leaders/:id/duties',
    call: (c, x) => c.post(`/api/leaders/${x.leaderId}/duties`, { kind: 'monthly_briefing', period: '2020-10', doneOn: '2020-10-28' }),
    // The leader account here is not bound to 李县长: only staff may record for him.
    ok: { admin: 201 },
  },
  {
    name: 'POST /api/projects/:id/contacts',
    call: (c, x) => c.post(`/api/projects/${x.bridge}/contacts`, { kind: 'call', on: '2020-11-19', note: '电话了解施工进度' }),
    ok: { unitOwn: 201, admin: 201 },
  },
  {
    name: 'POST /api/auth/password',
    call: (c) => c.post('/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'whatever-123' }),
    ok: { unitOwn: 422, unitOther: 422, leader: 422, admin: 422 },
  },
  // Guarded reads.
  { name: 'GET /api/projects/:id (another unit’s)', call: (c, x) => c.get(`/api/projects/${x.bridge}`), ok: { unitOwn: 200, leader: 200, admin: 200 } },
  { name: 'GET /api/projects/:id/history', call: (c, x) => c.get(`/api/projects/${x.bridge}/history`), ok: { unitOwn: 200, leader: 200, admin: 200 } },
  { name: 'GET /api/users', call: (c) => c.get('/api/users'), ok: { admin: 200 } },
  { name: 'GET /api/audit', call: (c) => c.get('/api/audit'), ok: { admin: 200 } },
  { name: 'GET /api/admin/backup', call: (c) => c.raw('/api/admin/backup'), ok: { admin: 200 } },
  { name: 'GET /api/display-tokens', call: (c) => c.get('/api/display-tokens'), ok: { admin: 200 } },
  { name: 'GET /api/reports', call: (c) => c.get('/api/reports'), ok: { unitOwn: 200, unitOther: 200, leader: 200, admin: 200 } },
  { name: 'GET /api/snapshot', call: (c) => c.get('/api/snapshot'), ok: { display: 200, unitOwn: 200, unitOther: 200, leader: 200, admin: 200 } },
  { name: 'GET /api/problems/:id', call: async (c, x) => c.get(`/api/problems/${await x.problem()}`), ok: { unitOwn: 200, leader: 200, admin: 200 } },
  { name: 'GET /api/meetings', call: (c) => c.get('/api/meetings'), ok: { leader: 200, admin: 200 } },
  { name: 'GET /api/leaders/:id/desk', call: (c, x) => c.get(`/api/leaders/${x.leaderId}/desk`), ok: { leader: 200, admin: 200 } },
  { name: 'GET /api/projects/:id/contacts', call: (c, x) => c.get(`/api/projects/${x.bridge}/contacts`), ok: { unitOwn: 200, leader: 200, admin: 200 } },
];

async function newUser(x: Ctx): Promise<number> {
  return (await x.admin.post('/api/users', { username: `target${x.seq()}`, displayName: '目标', role: 'leader', password: 'password-123' })).body.id;
}

/** What a role gets where the case does not allow it: no credentials → 401, a signed-in user → 403. */
const refused = (role: Role) => (role === 'anonymous' || role === 'display' ? 401 : 403);

describe('authorization matrix', () => {
  let h: Harness;
  let clients: Record<Role, Client>;
  let ctx: Ctx;

  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', seed: smallLedger() });
    const admin = client(h, await h.login());
    const token = (await admin.post('/api/display-tokens', { name: '测试大屏' })).body.token;
    const unitOwn = (await userClient(h, admin, { username: 'own', role: 'unit', unit: '县城投公司' })).client;
    clients = {
      anonymous: client(h, null),
      display: client(h, null, { authorization: `Bearer ${token}` }),
      unitOwn,
      unitOther: (await userClient(h, admin, { username: 'other', role: 'unit', unit: '县工信局' })).client,
      // 王常务 (常务副县长) is the 包干 leader of 白马大桥, whose problems the matrix acts on.
      leader: (await userClient(h, admin, { username: 'lead', role: 'leader', leader: '王常务' })).client,
      admin,
    };
    const bridge = (await admin.get('/api/projects')).body.find((p: any) => p.code === 'T-002').id;
    let n = 0;
    const problem = async (resolved = false) => {
      const id = (await admin.post(`/api/projects/${bridge}/problems`, { category: '资金筹措', description: '配套资金尚未到位' })).body.id;
      if (resolved) await admin.post(`/api/problems/${id}/actions`, { action: 'resolve', resolution: '配套资金已拨付到位' });
      return id;
    };
    ctx = {
      bridge,
      leaderId: (await admin.get('/api/leaders')).body.find((l: any) => l.name === '李县长').id,
      admin,
      seq: () => ++n,
      submitted: async () => (await unitOwn.post(`/api/projects/${bridge}/reports`, report)).body.id,
      problem,
      meeting: async () => {
        const id = (await admin.post('/api/meetings', { kind: 'joint', title: `部门联席会${++n}`, heldOn: '2020-11-20', chair: '县发改委' })).body.id;
        const problemId = await problem();
        await admin.put(`/api/meetings/${id}/agenda`, { problemIds: [problemId] });
        return { id, problemId };
      },
    };
  });
  afterAll(() => h.close());

  for (const c of CASES) {
    it(c.name, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        got[role] = (await c.call(clients[role], ctx)).status;
        want[role] = c.ok[role] ?? refused(role);
      }
      expect(got).toEqual(want);
    });
  }
});
