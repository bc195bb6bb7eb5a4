// The outbox across restarts and processes: a process stopping mid-send gives back what it has not
// posted, a claim whose process died is taken again after its lease, and two processes on one
// PostgreSQL store never post a notice twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue } from '../../server/services/notifyWorker.js';
import type { Db } from '../../server/store/db.js';
import { markSent } from '../../server/store/notify.js';
import { openStore } from '../../server/store/open.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { startFakeRobot, type FakeRobot } from './fakeRobot.js';
import { backends, client, startHarness, TEST_DATABASE_URL, type Client, type Harness } from './harness.js';

/** A second process's own connection to the same store (PGlite runs in-process: the same one). */
async function sameStore(db: Db): Promise<Db> {
  if (db.kind === 'pglite') return db;
  const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return openStore({ databaseUrl: url.toString(), dataDir: null });
}

describe.each(backends())('the notify outbox across restarts and processes on %s', (backend) => {
  let a: Harness;
  let b: Harness;
  let dbB: Db;
  let admin: Client;
  let robot: FakeRobot;
  const now = new Date('2020-11-20T02:00:00.000Z');
  const clock = () => now;

  beforeAll(async () => {
    robot = await startFakeRobot();
    a = await startHarness({ backend, seed: smallLedger(), clock, notify: { timeoutMs: 2_000 } });
    dbB = await sameStore(a.db);
    b = await startHarness({ backend, store: { db: dbB, drop: async () => undefined }, clock, notify: { timeoutMs: 2_000 } });
    admin = client(a, await a.login());
  });
  afterAll(async () => {
    await b.close();
    if (dbB !== a.db) await dbB.close();
    await a.close();
    await robot.close();
  });

  const channelWithTests = async (key: string, tests: number) => {
    const c = (await admin.post('/api/notify/channels', { name: `群${key}`, kind: 'wecom', webhook: robot.wecom(key), audience: { type: 'county' } })).body;
    for (let i = 0; i < tests; i++) expect((await admin.post(`/api/notify/channels/${c.id}/test`)).status).toBe(202);
    return c.id as number;
  };
  const states = async (channelId: number) =>
    a.db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM notify_outbox WHERE channel_id = $1 ORDER BY id', [channelId]);

  it('two processes sharing one outbox post every notice exactly once', async () => {
    const channels: number[] = [];
    for (let i = 0; i < 8; i++) channels.push(await channelWithTests(`two-${i}`, 3));
    let messages = 0;
    for (let round = 0; round < 4; round++) {
      const [ra, rb] = await Promise.all([a.app.notify.sendDue(now), b.app.notify.sendDue(now)]);
      messages += ra.messages + rb.messages;
    }
    expect(messages).toBe(24);
    for (let i = 0; i < 8; i++) expect(robot.requests.filter((r) => r.id === `two-${i}`)).toHaveLength(3);
    for (const id of channels) expect(await states(id)).toEqual(Array(3).fill({ state: 'sent', attempts: 1 }));
  });

  it('a process stopping mid-send finishes the message in flight and gives back the rest, which another sends once', async () => {
    const id = await channelWithTests('restart', 4);
    robot.script('restart', 'hang');
    const before = robot.requests.length;
    const sending = a.app.notify.sendDue(now);
    await robot.arrived(before + 1);
    const stopped = a.app.notify.stop();
    robot.release();
    await stopped;
    expect(await sending).toMatchObject({ messages: 1, released: 3 });
    expect(await states(id)).toEqual([{ state: 'sent', attempts: 1 }, ...Array(3).fill({ state: 'pending', attempts: 0 })]);

    expect(await b.app.notify.sendDue(now)).toMatchObject({ messages: 3 });
    expect(robot.requests.filter((r) => r.id === 'restart')).toHaveLength(4);
    expect(await states(id)).toEqual(Array(4).fill({ state: 'sent', attempts: 1 }));
  });

  it('a claim whose process died is sent by another once its lease runs out, and the dead claim cannot record over it', async () => {
    const id = await channelWithTests('crash', 2);
    // A process claims the two messages, then dies before posting them.
    const dead = (await claimDue(a.app.deps, id, now, 10_000))!;
    expect(dead.batches).toHaveLength(2);
    expect(await b.app.notify.sendDue(now)).toMatchObject({ messages: 0 });
    // The lease: two messages of 10 s each and a minute.
    expect(await b.app.notify.sendDue(new Date(now.getTime() + 79_000))).toMatchObject({ messages: 0 });
    expect(await b.app.notify.sendDue(new Date(now.getTime() + 81_000))).toMatchObject({ messages: 2 });
    expect(await markSent(a.db, dead.batches[0].batch, now.toISOString())).toBe(0);
    expect(robot.requests.filter((r) => r.id === 'crash')).toHaveLength(2);
    expect(await states(id)).toEqual(Array(2).fill({ state: 'sent', attempts: 2 }));
  });
});
