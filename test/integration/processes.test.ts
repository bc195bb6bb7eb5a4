// Several processes of one deployment: behind a round-robin balancer without stickiness walls connect
// (WebSocket first, as the screen does), get every push exactly once and survive a process restarting;
// the daily refresh runs once across processes; processes started together on an empty PostgreSQL
// all come up with one admin and one demo county.
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { startServer, type ServerProcess } from '../e2e/serverProcess.js';
import { ensureFirstAdmin } from '../../server/services/auth.js';
import { refreshCampaign } from '../../server/services/change.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';
import { loadSeed } from '../../server/store/seed.js';
import { ADMIN, client, freshStore, next, nextWhere, REDIS_URL, startHarness, TEST_DATABASE_URL, type Client, type Harness, type TestSocket } from './harness.js';
import { roundRobin, type RoundRobin } from './roundRobin.js';

const portOf = (h: Harness) => (h.app.io.httpServer.address() as AddressInfo).port;

/** A wall as the screen connects (screen/api/socket.ts): WebSocket first, polling when it fails. */
function wall(url: string, token: string): TestSocket {
  return ioClient(url, {
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    forceNew: true,
    auth: { token },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
}

/** The investment:update versions a wall receives, and a wait until it has seen `version`. */
function updates(s: TestSocket) {
  const versions: number[] = [];
  const waiting: { version: number; resolve: () => void }[] = [];
  s.on('investment:update', (u) => {
    versions.push(u.version);
    for (const w of waiting.filter((w) => w.version <= u.version)) w.resolve();
  });
  return {
    versions,
    reached: (version: number) =>
      versions.some((v) => v >= version) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ version, resolve })),
  };
}

async function report(c: Client, investment: number) {
  const projects = (await c.get('/api/projects')).body as { id: number; code: string }[];
  const res = await c.post(`/api/projects/${projects.find((p) => p.code === 'T-001')!.id}/reports`, { month: '2020-11', investment, progress: '施工' });
  expect(res.status).toBe(201);
}

describe.skipIf(!REDIS_URL || !TEST_DATABASE_URL)('two processes behind a round-robin balancer, no stickiness', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let a: Harness;
  let b: Harness;
  let lb: RoundRobin;
  let token: string;
  const walls: TestSocket[] = [];

  beforeAll(async () => {
    store = await freshStore('postgres');
    await ensureFirstAdmin(store.db, ADMIN.username, ADMIN.password);
    await loadSeed(store.db, smallLedger(), SYSTEM_ACTOR);
    a = await startHarness({ backend: 'postgres', store, redisUrl: REDIS_URL });
    b = await startHarness({ backend: 'postgres', store, redisUrl: REDIS_URL });
    lb = await roundRobin([portOf(a), portOf(b)]);
    token = (await client(a, await a.login()).post('/api/display-tokens', { name: '指挥中心' })).body.token;
  }, 120_000);
  afterAll(async () => {
    for (const s of walls) s.disconnect();
    await lb?.close();
    await a?.close();
    await b?.close();
    await store?.drop();
  });

  it('walls connect, get every push exactly once, and move to the other process when one restarts', { timeout: 120_000 }, async () => {
    const admin = client(a, await a.login());
    const first = (await admin.get('/api/snapshot')).body.version as number;
    for (let i = 0; i < 4; i++) walls.push(wall(lb.url, token));
    const seen = walls.map(updates);
    await Promise.all(walls.map((s) => next(s, 'snapshot', 20_000)));
    // The balancer alternated: two walls on each process, every one over WebSocket.
    expect([a.app.io.engine.clientsCount, b.app.io.engine.clientsCount]).toEqual([2, 2]);
    expect(walls.every((s) => s.io.engine.transport.name === 'websocket')).toBe(true);

    const adminOn = (h: Harness) => client(h, admin.cookie);
    for (let i = 1; i <= 4; i++) await report(adminOn(i % 2 ? a : b), i);
    await Promise.all(seen.map((w) => w.reached(first + 4)));
    for (const w of seen) expect(w.versions).toEqual([first + 1, first + 2, first + 3, first + 4]);

    // Process A stops: its walls reconnect through the balancer, which finds only B.
    const onA = walls.filter((s) => a.app.io.sockets.sockets.has(s.id!));
    expect(onA).toHaveLength(2);
    const back = onA.map((s) => new Promise((resolve) => s.once('disconnect', () => s.once('snapshot', resolve))));
    const portA = portOf(a);
    await a.close();
    await Promise.all(back);
    expect(b.app.io.engine.clientsCount).toBe(4);
    await report(adminOn(b), 5);
    await Promise.all(seen.map((w) => w.reached(first + 5)));

    // A comes back where the balancer expects it; new walls reach it, and pushes from it reach all.
    a = await startHarness({ backend: 'postgres', store, redisUrl: REDIS_URL, port: portA });
    const more = [wall(lb.url, token), wall(lb.url, token)];
    walls.push(...more);
    const seenMore = more.map(updates);
    await Promise.all(more.map((s) => next(s, 'snapshot', 20_000)));
    expect(a.app.io.engine.clientsCount).toBe(1);
    // (A process starting re-runs the rules once: the version moved on by that refresh too.)
    const now = (await adminOn(a).get('/api/snapshot')).body.version as number;
    await report(adminOn(a), 6);
    await Promise.all([...seen, ...seenMore].map((w) => w.reached(now + 1)));
    for (const w of seen) expect(w.versions).toEqual([...[1, 2, 3, 4, 5].map((n) => first + n), now + 1]);
    for (const w of seenMore) expect(w.versions).toEqual([now + 1]);
  });

  it('runs the daily refresh once when every process sees the date move on', async () => {
    const s = wall(lb.url, token);
    walls.push(s);
    const { version } = await next(s, 'snapshot');
    const refreshes: number[] = [];
    s.on('summary:update', (u) => refreshes.push(u.version));
    const day = { onceForDay: '2020-11-21' };
    await Promise.all([refreshCampaign(a.app.deps, day), refreshCampaign(b.app.deps, day), refreshCampaign(a.app.deps, day)]);
    await refreshCampaign(b.app.deps, day);
    // The one refresh moved the version by one: a report after it is the next.
    const w = updates(s);
    await report(client(b, await b.login()), 7);
    await w.reached(version + 2);
    expect(w.versions).toEqual([version + 2]);
    expect(refreshes).toEqual([version + 1]);
  });
  it('moves the walls of every process to a new campaign year, whose pushes alone they then get', async () => {
    const pair = [wall(lb.url, token), wall(lb.url, token)];
    walls.push(...pair);
    const old = (await Promise.all(pair.map((s) => next(s, 'snapshot'))))[0].campaign.id;
    expect(pair.map((s) => a.app.io.sockets.sockets.has(s.id!)).sort()).toEqual([false, true]);
    const states: any[][] = pair.map(() => []);
    pair.forEach((s, i) => s.on('presentation:state', (state) => states[i].push(state)));

    const switched = pair.map((s) => next(s, 'snapshot'));
    const admin = client(a, await a.login());
    const created = await admin.post('/api/campaigns', { county: '测试县', title: '测试县2021年', year: 2021 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const snap of await Promise.all(switched)) expect(snap.campaign.id).toBe(created.body.id);

    // The year left behind reaches no wall; the new one's meeting mode reaches both processes' walls.
    a.app.deps.notifier.publish(old, [{ name: 'presentation:state', payload: { ended: true, campaignId: old, seq: 99 } }]);
    const started = pair.map((s) => nextWhere(s, 'presentation:state', (state) => state.campaignId === created.body.id));
    expect((await client(b, admin.cookie).post('/api/presentation', {})).status).toBe(201);
    await Promise.all(started);
    for (const list of states) expect(list.map((state) => state.campaignId)).toEqual([created.body.id]);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('two processes started at once on an empty PostgreSQL', () => {
  const name = `xmdd_start_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const servers: ServerProcess[] = [];
  const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  });
  afterAll(async () => {
    for (const s of servers) {
      await s.stop();
      s.remove();
    }
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('both come up, with one admin and one demo county', { timeout: 180_000 }, async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), DEMO: '1', REDIS_URL: '' };
    const started = await Promise.allSettled([startServer(env), startServer(env)]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up']);

    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      expect((await c.query('SELECT username, role FROM users')).rows).toEqual([{ username: 'admin', role: 'admin' }]);
      expect((await c.query('SELECT count(*)::int AS n FROM campaigns')).rows).toEqual([{ n: 1 }]);
    } finally {
      await c.end();
    }
    for (const s of servers) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });
});
if (!REDIS_URL || !TEST_DATABASE_URL) console.warn('REDIS_URL/TEST_DATABASE_URL not set: the several-processes tests are SKIPPED');
