// Issue 17's probe: bad input of every kind gets a 4xx with a Chinese message by field, cross-site
// writes are refused, sessions end their sockets, login throttling spares colleagues behind one
// address — and every refused request leaves every table exactly as it was, audit log included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore } from '../../server/store/backup.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, next, request, startHarness, userClient, type Client, type Harness } from './harness.js';

/** Every table's rows, as the backup writes them. */
async function tables(h: Harness): Promise<string[]> {
  return (await dumpStore(h.db, new Date(0))).lines.slice(1);
}

describe.each(backends())('hardening on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client;
  let leader: Client;
  let bridge: number;

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), allowedOrigins: ['https://xmdd.example.gov.cn'] });
    admin = client(h, await h.login());
    unit = (await userClient(h, admin, { username: 'own', role: 'unit', unit: '县城投公司' })).client;
    leader = (await userClient(h, admin, { username: 'lead', role: 'leader' })).client;
    bridge = ((await admin.get('/api/projects')).body as { id: number; name: string }[]).find((p) => p.name === '白马大桥')!.id;
  });
  afterAll(() => h?.close());

  const report = (investment: unknown) => ({ month: '2020-10', investment, progress: '主体施工' });

  it('refuses every refused request without changing a row, audit log included', async () => {
    const before = await tables(h);
    const project = (await admin.get(`/api/projects/${bridge}`)).body;
    const big = 'x'.repeat(1024 * 1024 + 10);
    const probes: [string, Promise<{ status: number }>, number][] = [
      ['amount 1,5', unit.post(`/api/projects/${bridge}/reports`, report('1,5')), 422],
      ['amount ,1', unit.post(`/api/projects/${bridge}/reports`, report(',1')), 422],
      ['amount 1,,000', unit.post(`/api/projects/${bridge}/reports`, report('1,,000')), 422],
      ['amount full-width', unit.post(`/api/projects/${bridge}/reports`, report('１２')), 422],
      ['amount 5 decimals', unit.post(`/api/projects/${bridge}/reports`, report('1.23456')), 422],
      ['amount two points', unit.post(`/api/projects/${bridge}/reports`, report('1.2.3')), 422],
      ['amount 1e3', admin.post(`/api/projects/${bridge}/reports`, report('1e3')), 422],
      ['startedOn 1899', admin.post(`/api/projects/${bridge}/reports`, { ...report('1'), startedOn: '1899-12-31' }), 422],
      ['startedOn 0000', admin.post(`/api/projects/${bridge}/reports`, { ...report('1'), startedOn: '0000-01-01' }), 422],
      ['plan over the total', admin.put(`/api/projects/${bridge}/plan`, { rowVersion: project.rowVersion, annualPlan: '999,999,999', monthly: null }), 422],
      ['plannedStart 0000', admin.patch(`/api/projects/${bridge}`, { rowVersion: project.rowVersion, plannedStart: '0000-01-01' }), 422],
      ['total below the plan', admin.patch(`/api/projects/${bridge}`, { rowVersion: project.rowVersion, totalInvestment: '1' }), 422],
      ['problem due 9999', unit.post(`/api/projects/${bridge}/problems`, { category: '资金筹措', description: '配套资金尚未到位', dueOn: '9999-12-31' }), 422],
      ['problem text too long', unit.post(`/api/projects/${bridge}/problems`, { category: '资金筹措', description: '问'.repeat(2001) }), 422],
      ['id 0x1', admin.get('/api/projects/0x1'), 422],
      ['id 1e0', admin.get('/api/projects/1e0'), 422],
      ['id %201', admin.get('/api/projects/%201'), 422],
      ['query id 0x1', admin.get('/api/problems?unitId=0x1'), 422],
      ['oversize body', request(`${h.url}/api/projects/${bridge}/reports`, 'POST', { ...report('1'), remark: big }, { cookie: cookieOf(admin) }), 413],
      ['foreign origin', request(`${h.url}/api/presentation`, 'POST', {}, { cookie: cookieOf(admin), origin: 'http://evil.example:8080' }), 403],
      ['foreign referer', request(`${h.url}/api/units`, 'POST', { name: '伪造单位' }, { cookie: cookieOf(admin), referer: 'http://127.0.0.1:1/form.html' }), 403],
      ['null origin', request(`${h.url}/api/units`, 'POST', { name: '伪造单位' }, { cookie: cookieOf(admin), origin: 'null' }), 403],
      ['form body', formPost(`${h.url}/api/units`, 'application/x-www-form-urlencoded', 'name=x', cookieOf(admin)), 415],
      ['text/plain body', formPost(`${h.url}/api/units`, 'text/plain', '{"name":"x"}', cookieOf(admin)), 415],
      ['leader files a report', leader.post(`/api/projects/${bridge}/reports`, report('1')), 403],
      ['unit takes a backup', unit.get('/api/admin/backup'), 403],
      ['anonymous backup', client(h, null).get('/api/admin/backup'), 401],
      ['wrong password', client(h, null).post('/api/auth/login', { username: 'own', password: 'wrong-password' }), 401],
    ];
    const statuses = await Promise.all(probes.map(([, p]) => p.then((r) => r.status)));
    expect(Object.fromEntries(probes.map(([name], i) => [name, statuses[i]]))).toEqual(Object.fromEntries(probes.map(([name, , s]) => [name, s])));
    expect(await tables(h)).toEqual(before);
  });

  it('answers bad amounts, dates, ids and sizes in Chinese, by field', async () => {
    const amount = await unit.post(`/api/projects/${bridge}/reports`, report('1,5'));
    expect(amount.body.error.fields.investment).toContain('金额格式不正确');
    const date = await admin.post(`/api/projects/${bridge}/reports`, { ...report('1'), startedOn: '0000-01-01' });
    expect(date.body.error.fields.startedOn).toBe('开工日期须在1949年至2100年之间');
    const project = (await admin.get(`/api/projects/${bridge}`)).body;
    const plan = await admin.put(`/api/projects/${bridge}/plan`, { rowVersion: project.rowVersion, annualPlan: '999,999,999', monthly: null });
    expect(plan.body.error.fields.annualPlan).toBe('年度计划投资不能超过剩余总投资1,800.00万元（总投资1,800.00万元，往年已完成0.00万元）');
    const text = await unit.post(`/api/projects/${bridge}/problems`, { category: '资金筹措', description: '问'.repeat(2001) });
    expect(text.body.error.fields.description).toBe('问题描述不超过2000字');
    const id = await admin.get('/api/projects/0x1');
    expect(id.body.error.fields.id).toBe('项目编号须为正整数');
    const big = await request(`${h.url}/api/units`, 'POST', { name: 'x'.repeat(2 * 1024 * 1024) }, { cookie: cookieOf(admin) });
    expect(big.body.error).toEqual({ code: 'too_large', message: '文件或请求过大（上限 1 MB）' });
    const sheet = await fetch(`${h.url}/api/imports/ledger?dryRun=1`, {
      method: 'POST', headers: { cookie: cookieOf(admin), 'content-type': 'text/csv' }, body: Buffer.alloc(21 * 1024 * 1024, 0x61),
    });
    expect([sheet.status, (await sheet.json()).error.message]).toEqual([413, '文件或请求过大（上限 20 MB）']);
  });

  it('takes amounts with thousands separators in groups of three', async () => {
    const res = await admin.post(`/api/projects/${bridge}/reports`, report('1,000.5'));
    expect(res.status).toBe(201);
    expect(res.body.investment).toBe(10_005_000);
  });

  it('lets its own pages, configured origins and scripts write; sets the security headers', async () => {
    const own = await request(`${h.url}/api/units`, 'POST', { name: '本站单位' }, { cookie: cookieOf(admin), origin: h.url, referer: `${h.url}/admin/units` });
    expect(own.status).toBe(201);
    const proxy = await request(`${h.url}/api/units`, 'POST', { name: '代理单位' }, { cookie: cookieOf(admin), origin: 'https://xmdd.example.gov.cn' });
    expect(proxy.status).toBe(201);
    const script = await admin.post('/api/units', { name: '脚本单位' });
    expect(script.status).toBe(201);
    const bodiless = await request(`${h.url}/api/auth/logout`, 'POST', undefined, { cookie: await h.login() });
    expect(bodiless.status).toBe(204);
    const res = await fetch(`${h.url}/api/health`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(await res.json()).toMatchObject({ status: 'ok', storeConnected: true });
  });

  it('refuses a socket opened from another site', async () => {
    const res = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example', cookie: cookieOf(admin) } });
    expect(res.status).toBe(403);
    const ok = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: h.url, cookie: cookieOf(admin) } });
    expect(ok.status).toBe(200);
  });

  it('ends the socket of a session that logs out, and every socket of an account whose password changes', async () => {
    const created = await userClient(h, admin, { username: 'walluser', role: 'leader' });
    const first = created.client;
    const second = await h.login('walluser', created.password);
    const s1 = await h.socket({ cookie: cookieOf(first) });
    const s2 = await h.socket({ cookie: second });
    await Promise.all([next(s1, 'snapshot'), next(s2, 'snapshot')]);
    const gone1 = new Promise((resolve) => s1.once('disconnect', resolve));
    expect((await first.post('/api/auth/logout')).status).toBe(204);
    expect(await gone1).toBe('io server disconnect');
    expect(s2.connected).toBe(true);

    const third = await h.login('walluser', created.password);
    const s3 = await h.socket({ cookie: third });
    await next(s3, 'snapshot');
    const gone2 = new Promise((resolve) => s2.once('disconnect', resolve));
    const gone3 = new Promise((resolve) => s3.once('disconnect', resolve));
    const change = await client(h, third).post('/api/auth/password', { currentPassword: created.password, newPassword: 'walluser-new-password' });
    expect(change.status).toBe(204);
    expect(await Promise.all([gone2, gone3])).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await client(h, second).get('/api/auth/me')).status).toBe(401);
  });

  it('throttles failed logins per account and address, known and unknown usernames alike, sparing colleagues', async () => {
    await userClient(h, admin, { username: 'mistyper', role: 'leader' });
    await userClient(h, admin, { username: 'colleague', role: 'leader' });
    const anon = client(h, null);
    for (const username of ['mistyper', 'nobody-here']) {
      const answers: { status: number; message: string }[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await anon.post('/api/auth/login', { username, password: `wrong-${i}` });
        answers.push({ status: res.status, message: res.body.error.message });
      }
      expect(answers.slice(0, 10).every((a) => a.status === 401 && a.message === '用户名或密码错误')).toBe(true);
      expect(answers[10]).toEqual({ status: 429, message: '登录失败次数过多，请10分钟后再试' });
    }
    // Same address, another account: its right password still works.
    expect((await anon.post('/api/auth/login', { username: 'colleague', password: 'colleague-password' })).status).toBe(200);
  });

  it('tells a disabled account only after the right password', async () => {
    const { user, password } = await userClient(h, admin, { username: 'retired', role: 'leader' });
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    const anon = client(h, null);
    const wrong = await anon.post('/api/auth/login', { username: 'retired', password: 'not-it-at-all' });
    expect([wrong.status, wrong.body.error.message]).toEqual([401, '用户名或密码错误']);
    const right = await anon.post('/api/auth/login', { username: 'retired', password });
    expect([right.status, right.body.error.message]).toEqual([401, '账号已停用，请联系管理员']);
  });

  it('downloads a timestamped backup for staff, and records who took it', async () => {
    const res = await admin.raw('/api/admin/backup');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''xmdd-backup-\d{8}-\d{6}\.jsonl/);
    const lines = (await res.text()).trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ format: 'xmdd-backup', store: backend });
    const audit = (await admin.get('/api/audit?limit=1')).body;
    expect(audit[0]).toMatchObject({ action: 'store.backup', actor: '系统管理员' });
  });
});

function cookieOf(c: Client): string {
  return c.cookie!;
}

async function formPost(url: string, type: string, body: string, cookie: string): Promise<{ status: number }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': type, cookie }, body });
  return { status: res.status };
}
