// Builds the real app on an ephemeral port over a chosen store and cache, with typed socket clients.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import pg from 'pg';
import { io as ioClient, type Socket } from 'socket.io-client';
import { dayClock } from '../../shared/dates.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import { createApp, type App } from '../../server/app.js';
import type { SnapshotCache } from '../../server/cache/cache.js';
import { memoryCache } from '../../server/cache/memory.js';
import { redisCache } from '../../server/cache/redis.js';
import type { LedgerSeed } from '../../server/domain/ledger.js';
import type { NotifyOptions } from '../../server/services/notifyRuntime.js';
import { ensureFirstAdmin } from '../../server/services/auth.js';
import { refreshCampaign } from '../../server/services/change.js';
import type { Db } from '../../server/store/db.js';
import { openStore, storeId } from '../../server/store/open.js';
import { loadSeed } from '../../server/store/seed.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const REDIS_URL = process.env.REDIS_URL;

export type Backend = 'pglite' | 'postgres';

/** The backends to run store tests on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  if (!TEST_DATABASE_URL) console.warn('TEST_DATABASE_URL not set: PostgreSQL store tests are SKIPPED (PGlite only)');
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated store: in-memory PGlite, or a new throw-away database on the test PostgreSQL. */
export async function freshStore(backend: Backend): Promise<{ db: Db; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const db = await openStore({ dataDir: null });
    return { db, drop: () => db.close() };
  }
  const name = `xmdd_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const db = await openStore({ databaseUrl: url.toString(), dataDir: null });
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Harness {
  app: App;
  db: Db;
  cache: SnapshotCache;
  url: string;
  login(username?: string, password?: string): Promise<string>;
  socket(opts?: { cookie?: string; token?: string }): Promise<TestSocket>;
  close(): Promise<void>;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export async function startHarness(opts: {
  backend: Backend;
  seed?: LedgerSeed;
  /** Redis for cache and adapter: this URL, or none (memory cache, one process). */
  redisUrl?: string;
  /** Share an already seeded store with another harness (a second server process). */
  store?: { db: Db; drop(): Promise<void> };
  clock?: () => Date;
  /** ALLOWED_ORIGINS: origins besides the server's own that may write. */
  allowedOrigins?: string[];
  /** Options of the notify worker (robot timeout, links' base URL). */
  notify?: NotifyOptions;
  /** Listen on this port (a process restarting where a load balancer expects it); default any free one. */
  port?: number;
}): Promise<Harness> {
  const { db, drop } = opts.store ?? (await freshStore(opts.backend));
  if (!opts.store) {
    await ensureFirstAdmin(db, ADMIN.username, ADMIN.password);
    // No seed: an empty store, as a county starting with DEMO=0.
    if (opts.seed) await loadSeed(db, opts.seed, SYSTEM_ACTOR);
  }
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // As the server does without DEPLOYMENT_KEY: the store's id keys the deployment in Redis.
  const deploymentKey = await storeId(db);
  const cache = opts.redisUrl ? redisCache(opts.redisUrl, log, deploymentKey) : memoryCache();
  // No idle timeout: a test pausing a few seconds (a LibreOffice conversion) must not have the server
  // close a kept-alive socket just as fetch reuses it (ECONNRESET). close() ends them all.
  const httpServer = createServer({ keepAliveTimeout: 0 });
  // As the server does: a seed's own date is the product date unless the test gives a clock.
  const frozen = opts.seed?.campaign.frozenToday;
  const clock = opts.clock ?? (frozen ? dayClock(frozen) : undefined);
  const app = createApp(httpServer, { db, cache, log, clock, redisUrl: opts.redisUrl, deploymentKey, notify: opts.notify, allowedOrigins: opts.allowedOrigins });
  if (opts.seed || opts.store) await refreshCampaign(app.deps);
  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: TestSocket[] = [];

  return {
    app, db, cache, url,
    async login(username = ADMIN.username, password = ADMIN.password) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0];
    },
    async socket(o = {}) {
      const s: TestSocket = ioClient(url, {
        transports: ['websocket'],
        forceNew: true,
        extraHeaders: o.cookie ? { cookie: o.cookie } : undefined,
        auth: o.token ? { token: o.token } : undefined,
      });
      sockets.push(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      httpServer.closeIdleConnections();
      await app.close();
      await cache.close();
      if (!opts.store) await drop();
    },
  };
}

/** Resolves with the next payload of an event. */
export function next<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E, timeoutMs = 30_000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(event)}`)), timeoutMs);
    (socket.once as (e: string, fn: (p: unknown) => void) => void)(event as string, (payload) => {
      clearTimeout(timer);
      resolve(payload as never);
    });
  });
}

/** Resolves with the next payload of an event that passes `test` (others may come first). */
export function nextWhere(s: TestSocket, name: keyof ServerToClientEvents, test: (payload: any) => boolean, timeoutMs = 30_000): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
    const on = (event: string, payload: unknown) => {
      if (event !== name || !test(payload)) return;
      clearTimeout(timer);
      s.offAny(on);
      resolve(payload);
    };
    s.onAny(on);
  });
}

/**
 * Resolves once every push the server emitted to this socket before the call has arrived: a request
 * answered by acknowledgement travels the same connection, behind them. After an HTTP change has
 * answered (it announces before answering), this proves a push did not come, with no waiting.
 */
export async function caughtUp(s: TestSocket): Promise<void> {
  // Any answer will do, the rate limit's refusal as well: it is the order that counts.
  await s.timeout(10_000).emitWithAck('projects:list', { title: '同步' });
}

export async function postJson(url: string, body: unknown, cookie?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function request(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A signed-in client of one harness: JSON calls with its cookie. */
export function client(h: Harness, cookie: string | null, headers: Record<string, string> = {}) {
  const all = { ...headers, ...(cookie && { cookie }) };
  return {
    cookie,
    get: (path: string) => request(`${h.url}${path}`, 'GET', undefined, all),
    post: (path: string, body: unknown = {}) => request(`${h.url}${path}`, 'POST', body, all),
    patch: (path: string, body: unknown) => request(`${h.url}${path}`, 'PATCH', body, all),
    put: (path: string, body: unknown) => request(`${h.url}${path}`, 'PUT', body, all),
    del: (path: string) => request(`${h.url}${path}`, 'DELETE', undefined, all),
    /** The response itself, for downloads. */
    raw: (path: string) => fetch(`${h.url}${path}`, { headers: all }),
  };
}

export type Client = ReturnType<typeof client>;

/** Creates a user through the admin API and returns a signed-in client for it. */
export async function userClient(
  h: Harness,
  admin: Client,
  u: { username: string; role: 'unit' | 'leader' | 'admin'; unit?: string; /** The 县领导 a leader account is bound to. */ leader?: string },
) {
  const units = (await admin.get('/api/units')).body as { id: number; name: string }[];
  const unitId = u.unit ? units.find((x) => x.name === u.unit)!.id : null;
  const leaders = u.leader ? ((await admin.get('/api/leaders')).body as { id: number; name: string }[]) : [];
  const leaderId = u.leader ? leaders.find((x) => x.name === u.leader)!.id : null;
  const password = `${u.username}-password`;
  const created = await admin.post('/api/users', { username: u.username, displayName: u.username, role: u.role, unitId, leaderId, password });
  if (created.status !== 201) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  return { client: client(h, await h.login(u.username, password)), user: created.body, password };
}
