// Accounts, sessions and display tokens.
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { ADMIN, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

describe('accounts and sessions', () => {
  let h: Harness;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', seed: smallLedger() });
    admin = client(h, await h.login());
  });
  afterAll(() => h.close());

  it('validates new accounts in Chinese', async () => {
    const bad = await admin.post('/api/users', { username: 'a', displayName: '', role: 'unit', password: 'short' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toMatchObject({ username: expect.stringContaining('用户名'), displayName: '请填写姓名', password: '密码至少8位' });
    const noUnit = await admin.post('/api/users', { username: 'nounit', displayName: '某人', role: 'unit', password: 'long-enough-1' });
    expect(noUnit.body.error.fields.unitId).toBe('责任单位账号须选择所属单位');
    const dup = await admin.post('/api/users', { username: 'ADMIN', displayName: '重名', role: 'leader', password: 'long-enough-1' });
    expect(dup.body.error.fields.username).toBe('用户名已存在');
  });

  it('ends every session of a disabled account and refuses its login', async () => {
    const { client: leader, user, password } = await userClient(h, admin, { username: 'leader1', role: 'leader' });
    expect((await leader.get('/api/auth/me')).status).toBe(200);
    const tablet = await h.socket({ cookie: await h.login('leader1', password) });
    await next(tablet, 'snapshot');
    const dropped = new Promise((resolve) => tablet.once('disconnect', resolve));
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).body.disabled).toBe(true);
    expect(await dropped).toBe('io server disconnect');
    expect((await leader.get('/api/auth/me')).status).toBe(401);
    await expect(h.login('leader1', password)).rejects.toThrow('401');
  });

  it('changes a password: this session stays, the others end, the old password stops working', async () => {
    const { client: first, password } = await userClient(h, admin, { username: 'unit1', role: 'unit', unit: '县工信局' });
    const second = client(h, await h.login('unit1', password));
    expect((await first.post('/api/auth/password', { currentPassword: 'wrong-password', newPassword: 'new-password-1' })).body.error.fields)
      .toEqual({ currentPassword: '当前密码不正确' });
    expect((await first.post('/api/auth/password', { currentPassword: password, newPassword: 'new-password-1' })).status).toBe(204);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    await expect(h.login('unit1', password)).rejects.toThrow('401');
    expect(await h.login('unit1', 'new-password-1')).toMatch(/^xmdd_session=/);
  });

  it('lets staff reset a password, and never demote or disable themselves', async () => {
    const { user } = await userClient(h, admin, { username: 'unit2', role: 'unit', unit: '县城投公司' });
    expect((await admin.post(`/api/users/${user.id}/password`, { password: 'reset-password-1' })).status).toBe(204);
    expect(await h.login('unit2', 'reset-password-1')).toBeTruthy();
    const me = (await admin.get('/api/auth/me')).body.user;
    expect((await admin.patch(`/api/users/${me.id}`, { role: 'leader' })).status).toBe(409);
  });

  it('keeps sessions in the store, so they survive a server restart', async () => {
    const cookie = await h.login();
    const again = await startHarness({ backend: 'pglite', store: { db: h.db, drop: async () => undefined } });
    try {
      expect((await client(again, cookie).get('/api/auth/me')).body.user.username).toBe(ADMIN.username);
    } finally {
      await again.close();
    }
  });

  it('logs out', async () => {
    const c = client(h, await h.login());
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits failed logins with a Chinese message', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      last = (await client(h, null).post('/api/auth/login', { username: 'admin', password: `wrong-${i}` })).status;
    }
    expect(last).toBe(429);
    const res = await client(h, null).post('/api/auth/login', { username: 'admin', password: 'wrong' });
    expect(res.body.error.message).toBe('登录失败次数过多，请10分钟后再试');
  });
});

describe('display tokens', () => {
  let h: Harness;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', seed: smallLedger() });
    admin = client(h, await h.login());
  });
  afterAll(() => h.close());

  it('refuses a wall without a session or token, in Chinese', async () => {
    const s = ioClient(h.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
    expect(err.message).toBe('请登录或使用大屏令牌访问');
    expect((await client(h, null).get('/api/snapshot')).status).toBe(401);
  });

  it('shows the wall to a token, read-only, until it is revoked', async () => {
    const created = await admin.post('/api/display-tokens', { name: '指挥中心主屏', rotateSeconds: 20 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '指挥中心主屏', rotateSeconds: 20, url: `/?token=${created.body.token}`, revokedAt: null });
    const token = created.body.token as string;

    const wall = await h.socket({ token });
    expect((await next(wall, 'snapshot')).campaign.county).toBe('测试县');
    const bearer = client(h, null, { authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/snapshot')).status).toBe(200);
    expect((await bearer.get('/api/projects')).status).toBe(401);
    expect((await bearer.post('/api/projects/1/reports', { month: '2020-11', investment: 1, progress: 'x' })).status).toBe(401);

    const listed = (await admin.get('/api/display-tokens')).body.find((t: any) => t.id === created.body.id);
    expect(listed.lastSeenAt).not.toBeNull();
    expect(listed).not.toHaveProperty('token');

    const dropped = new Promise((resolve) => wall.once('disconnect', resolve));
    expect((await admin.del(`/api/display-tokens/${created.body.id}`)).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
    const again = ioClient(h.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
    expect((await new Promise<Error>((resolve) => again.once('connect_error', resolve))).message).toBe('大屏令牌无效或已停用');
    expect((await bearer.get('/api/snapshot')).body.error.message).toBe('大屏令牌无效或已停用');
    expect((await admin.get('/api/display-tokens')).body.find((t: any) => t.id === created.body.id).revokedAt).not.toBeNull();
  });
});
