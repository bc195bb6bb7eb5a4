// Two deployments (two counties, or a county and its province) sharing one Redis server on different
// DB numbers: Redis pub/sub ignores the DB number, so only the deployment key keeps their pushes,
// meeting mode and display tokens apart. Each deployment runs two processes; the second one's push
// reaching a wall through Redis is the barrier after which anything of the other deployment that
// crossed would have arrived (Redis delivers in publish order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { client, next, nextWhere, REDIS_URL, startHarness, type Client, type Harness, type TestSocket } from './harness.js';

const redisDb = (n: number) => {
  const url = new URL(REDIS_URL!);
  url.pathname = `/${n}`;
  return url.toString();
};

/** Every event a socket receives, by name. */
function recorder(s: TestSocket) {
  const seen: { name: string; payload: any }[] = [];
  s.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return (name: string) => seen.filter((e) => e.name === name).map((e) => e.payload);
}

interface Deployment {
  main: Harness;
  /** A second process of the same deployment. */
  other: Harness;
  admin: Client;
  adminOnOther: Client;
}

async function deployment(redisUrl: string): Promise<Deployment> {
  const main = await startHarness({ backend: 'pglite', seed: smallLedger(), redisUrl });
  const other = await startHarness({ backend: 'pglite', redisUrl, store: { db: main.db, drop: async () => undefined } });
  const cookie = await main.login();
  return { main, other, admin: client(main, cookie), adminOnOther: client(other, cookie) };
}

async function report(c: Client, code: string, investment: number) {
  const projects = (await c.get('/api/projects')).body as { id: number; code: string }[];
  const id = projects.find((p) => p.code === code)!.id;
  const res = await c.post(`/api/projects/${id}/reports`, { month: '2020-11', investment, progress: '施工' });
  expect(res.status).toBe(201);
}

describe.skipIf(!REDIS_URL)('two deployments on one Redis server (DB 2 and DB 3)', () => {
  let county: Deployment;
  let province: Deployment;

  beforeAll(async () => {
    county = await deployment(redisDb(2));
    province = await deployment(redisDb(3));
  }, 120_000);
  afterAll(async () => {
    for (const d of [county, province]) {
      await d?.other.close();
      await d?.main.close();
    }
  });

  it('a report accepted in one never reaches the walls of the other', async () => {
    const countyWall = await county.main.socket({ cookie: county.admin.cookie! });
    const countySnap = await next(countyWall, 'snapshot');
    const seen = recorder(countyWall);
    const provinceWall = await province.main.socket({ cookie: province.admin.cookie! });
    const provinceSnap = await next(provinceWall, 'snapshot');
    // The same campaign id on both sides: the same room name, kept apart by the deployment key alone.
    expect(provinceSnap.campaign.id).toBe(countySnap.campaign.id);

    const onProvince = next(provinceWall, 'investment:update');
    await report(province.admin, 'T-001', 30);
    expect((await onProvince).version).toBe(provinceSnap.version + 1);
    const barrier = nextWhere(countyWall, 'investment:update', (u) => u.investment === 100_000);
    await report(county.adminOnOther, 'T-001', 10);
    expect((await barrier).version).toBe(countySnap.version + 1);

    expect(seen('investment:update').map((u) => [u.version, u.investment])).toEqual([[countySnap.version + 1, 100_000]]);
    expect(seen('summary:update')).toEqual([]);
    expect((await county.admin.get('/api/snapshot')).body.version).toBe(countySnap.version + 1);
  });

  it("one's meeting mode never takes over the walls of the other", async () => {
    const countyWall = await county.main.socket({ cookie: county.admin.cookie! });
    await next(countyWall, 'presentation:state');
    const seen = recorder(countyWall);
    const provinceWall = await province.main.socket({ cookie: province.admin.cookie! });
    await next(provinceWall, 'presentation:state');

    const started = next(provinceWall, 'presentation:state');
    expect((await province.admin.post('/api/presentation', { page: 'ranking' })).status).toBe(201);
    expect(await started).toMatchObject({ page: 'ranking' });
    const barrier = nextWhere(countyWall, 'presentation:state', (state) => state.page === 'map');
    expect((await county.adminOnOther.post('/api/presentation', { page: 'map' })).status).toBe(201);
    await barrier;

    expect(seen('presentation:state').map((s) => s.page)).toEqual(['map']);
    for (const d of [county, province]) expect((await d.admin.del('/api/presentation')).status).toBe(204);
  });

  it("one's display token changes and revocations never touch the walls of the other", async () => {
    const countyToken = (await county.admin.post('/api/display-tokens', { name: '县指挥中心' })).body;
    const provinceToken = (await province.admin.post('/api/display-tokens', { name: '省指挥中心' })).body;
    expect(provinceToken.id).toBe(countyToken.id);
    const countyKiosk = await county.main.socket({ token: countyToken.token });
    expect((await next(countyKiosk, 'display:config')).name).toBe('县指挥中心');
    const seen = recorder(countyKiosk);
    const provinceKiosk = await province.main.socket({ token: provinceToken.token });
    expect((await next(provinceKiosk, 'display:config')).name).toBe('省指挥中心');

    const changed = next(provinceKiosk, 'display:config');
    expect((await province.admin.patch(`/api/display-tokens/${provinceToken.id}`, { followsMeetings: false })).status).toBe(200);
    expect(await changed).toMatchObject({ name: '省指挥中心', followsMeetings: false });
    const cut = new Promise((resolve) => provinceKiosk.once('disconnect', resolve));
    expect((await province.admin.del(`/api/display-tokens/${provinceToken.id}`)).status).toBe(204);
    await cut;
    const barrier = nextWhere(countyKiosk, 'display:config', (c) => c.name === '县指挥中心');
    expect((await county.adminOnOther.patch(`/api/display-tokens/${countyToken.id}`, { followsMeetings: false })).status).toBe(200);
    expect(await barrier).toMatchObject({ followsMeetings: false });

    expect(seen('display:config')).toEqual([expect.objectContaining({ name: '县指挥中心', followsMeetings: false })]);
    expect(countyKiosk.connected).toBe(true);
  });
});
if (!REDIS_URL) console.warn('REDIS_URL not set: the two-deployments-on-one-Redis tests are SKIPPED');
