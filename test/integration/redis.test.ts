// The cache and the Redis adapter: a lost Redis must not take the wall down, and several server
// processes sharing Redis all push every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { next, postJson, REDIS_URL, startHarness, TEST_DATABASE_URL, type Harness } from './harness.js';

const getJson = async (h: Harness, path: string, cookie: string) => (await fetch(`${h.url}${path}`, { headers: { cookie } })).json();

const reportOn = async (h: Harness, code: string, cookie: string, investment: number) => {
  const projects = await getJson(h, '/api/projects', cookie);
  const p = projects.find((x: { code: string }) => x.code === code);
  return postJson(`${h.url}/api/projects/${p.id}/reports`, { month: '2020-11', investment, progress: '施工' }, cookie);
};

describe('with Redis unreachable', () => {
  let h: Harness;
  // Nothing listens on port 1: every Redis command fails at once, as during an outage.
  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', seed: smallLedger(), redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(() => h.close());

  it('keeps serving health, snapshots and pushes from the store', async () => {
    const health = await (await fetch(`${h.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', cache: 'redis', cacheConnected: false });
    const cookie = await h.login();
    const s = await h.socket({ cookie });
    const first = await next(s, 'snapshot');
    const update = next(s, 'investment:update');
    expect((await reportOn(h, 'T-001', cookie, 10)).status).toBe(201);
    expect((await update).version).toBe(first.version + 1);
    const snap = await getJson(h, '/api/snapshot', cookie);
    expect(snap.version).toBe(first.version + 1);
  });
});

describe.skipIf(!REDIS_URL || !TEST_DATABASE_URL)('two server processes sharing PostgreSQL and Redis', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await startHarness({ backend: 'postgres', seed: smallLedger(), redisUrl: REDIS_URL });
    b = await startHarness({ backend: 'postgres', redisUrl: REDIS_URL, store: { db: a.db, drop: async () => undefined } });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('pushes a report accepted by one process to the clients of the other', async () => {
    const cookie = await a.login();
    const onB = await b.socket({ cookie });
    const snap = await next(onB, 'snapshot');
    const update = next(onB, 'investment:update');
    expect((await reportOn(a, 'T-001', cookie, 20)).status).toBe(201);
    const u = await update;
    expect(u.version).toBe(snap.version + 1);
    // Process B's snapshot (through the shared cache) has caught up too.
    expect((await getJson(b, '/api/snapshot', cookie)).version).toBe(u.version);
  });
});
if (!REDIS_URL || !TEST_DATABASE_URL) console.warn('REDIS_URL/TEST_DATABASE_URL not set: the two-process Redis adapter test is SKIPPED');
