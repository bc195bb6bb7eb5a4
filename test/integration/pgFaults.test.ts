// PostgreSQL going away under the running server: its connections killed mid-write (a failover, a
// DBA's pg_terminate_backend) and the database unreachable for a while. The server keeps serving,
// answers 503 in Chinese meanwhile, reports the store down on /api/health, comes back by itself, and
// no report it answered 201 for is lost. Needs TEST_DATABASE_URL.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/services/auth.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';
import type { Db } from '../../server/store/db.js';
import { openStore } from '../../server/store/open.js';
import { loadSeed } from '../../server/store/seed.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { ADMIN, client, startHarness, TEST_DATABASE_URL, type Client, type Harness } from './harness.js';

/** A TCP relay to PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((inbound) => {
        const outbound = net.connect(target.port, target.host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            inbound.destroy();
            outbound.destroy();
          });
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  return {
    start,
    async cut() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL faults', () => {
  const name = `xmdd_fault_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const appName = `xmdd_fault_app_${process.pid}`;
  const dbUrl = new URL(TEST_DATABASE_URL ?? 'postgres://x@127.0.0.1:5432/x');
  const link = relay({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
  let h: Harness;
  let db: Db;
  let admin: Client;
  let projectIds: number[];

  const superuser = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await superuser((c) => c.query(`CREATE DATABASE ${name}`));
    const direct = new URL(TEST_DATABASE_URL!);
    direct.pathname = `/${name}`;
    const seeding = await openStore({ databaseUrl: direct.toString(), dataDir: null });
    await ensureFirstAdmin(seeding, ADMIN.username, ADMIN.password);
    await loadSeed(seeding, smallLedger(), SYSTEM_ACTOR);
    await seeding.close();

    const port = await link.start();
    const viaRelay = new URL(direct);
    viaRelay.host = `127.0.0.1:${port}`;
    viaRelay.searchParams.set('application_name', appName);
    db = await openStore({ databaseUrl: viaRelay.toString(), dataDir: null });
    h = await startHarness({ backend: 'postgres', store: { db, drop: () => db.close() } });
    admin = client(h, await h.login());
    projectIds = ((await admin.get('/api/projects')).body as { id: number }[]).map((p) => p.id);
  });
  afterAll(async () => {
    await h?.close();
    await superuser((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  const killAppConnections = () =>
    superuser(async (c) => (await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [appName])).rowCount ?? 0);

  it('keeps serving while its connections are killed mid-write, and loses no accepted report', async () => {
    const accepted: { id: number; investment: number }[] = [];
    const statuses = new Map<number, number>();
    let kills = 0;
    let n = 0;
    const file = async () => {
      while (n < 60) {
        const i = n++;
        const res = await admin.post(`/api/projects/${projectIds[i % projectIds.length]}/reports`, { month: '2020-10', investment: String(i + 1), progress: `第${i}次填报` });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) {
          accepted.push({ id: res.body.id, investment: res.body.investment });
          // Every third accepted report, kill every connection of the app while the others are in flight.
          if (accepted.length % 3 === 0) kills += await killAppConnections();
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(503);
          expect(res.body.error.message).toBe('数据库暂时不可用，请稍后重试');
        }
      }
    };
    await Promise.all([file(), file(), file(), file()]);
    expect(kills).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(10);
    expect([...statuses.keys()].every((s) => s === 201 || s === 503)).toBe(true);

    // Still serving, and every report answered 201 is in the store as it was accepted.
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
    const rows = await superuser(async (c) => {
      await c.query('SELECT 1');
      const direct = new URL(TEST_DATABASE_URL!);
      direct.pathname = `/${name}`;
      const d = new pg.Client({ connectionString: direct.toString() });
      await d.connect();
      try {
        return (await d.query('SELECT id::int AS id, investment::int8::text AS investment, status FROM reports WHERE id = ANY($1::int[])', [accepted.map((a) => a.id)])).rows;
      } finally {
        await d.end();
      }
    });
    expect(rows.length).toBe(accepted.length);
    const stored = new Map(rows.map((r) => [r.id as number, r]));
    for (const a of accepted) expect(stored.get(a.id)).toEqual({ id: a.id, investment: String(a.investment), status: 'accepted' });
  }, 180_000);

  it('reports the store down while it is unreachable, answers 503, and recovers by itself', async () => {
    await link.cut();
    const health = await fetch(`${h.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', store: 'postgres', storeConnected: false });
    const write = await admin.post(`/api/projects/${projectIds[0]}/reports`, { month: '2020-10', investment: '1', progress: '断线期间' });
    expect(write.status).toBe(503);
    expect(write.body.error).toEqual({ code: 'unavailable', message: '数据库暂时不可用，请稍后重试' });
    expect((await admin.get('/api/projects')).status).toBe(503);

    await link.start();
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
    const after = await admin.post(`/api/projects/${projectIds[0]}/reports`, { month: '2020-10', investment: '2', progress: '恢复之后' });
    expect(after.status).toBe(201);
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL not up yet at start', () => {
  it('waits, saying so on each try, and opens once the database answers', async () => {
    const dbUrl = new URL(TEST_DATABASE_URL!);
    const link = relay({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
    // Take a free port, then close it: the database is "down" there until the relay starts.
    const port = await link.start();
    await link.cut();
    const url = new URL(TEST_DATABASE_URL!);
    url.host = `127.0.0.1:${port}`;
    const waits: string[] = [];
    const db = await openStore({
      databaseUrl: url.toString(),
      dataDir: null,
      onWait: (attempt, _delayMs, err) => {
        waits.push(err.message);
        if (attempt === 1) void link.start();
      },
    });
    try {
      expect(waits.length).toBeGreaterThan(0);
      expect(waits[0]).toMatch(/ECONNREFUSED/);
      expect(await db.ping()).toBe(true);
    } finally {
      await db.close();
      await link.cut();
    }
  }, 60_000);
});
