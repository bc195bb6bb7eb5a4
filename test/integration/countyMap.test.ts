// The county map (县域地图): admins upload GeoJSON over HTTP (validated, audited, all-or-nothing),
// everyone reads it, and walls get it with the project points over the socket (map:request).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITED } from '../../server/realtime/rateLimit.js';
import type { MapData } from '../../shared/map.js';
import { demoLedger } from '../../server/demo/demo.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, startHarness, userClient, type Client, type Harness, type TestSocket } from './harness.js';

const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const feature = (name: string, geometry: object, key = 'name') => ({ type: 'Feature', properties: { [key]: name }, geometry });

/** 弋阳县 as township boundaries around an outline (a made-up but valid map). */
const townshipMap = {
  type: 'FeatureCollection',
  features: [
    feature('弋阳', { type: 'Polygon', coordinates: square(117.2, 28.1, 0.5) }),
    feature('弋江镇', { type: 'Polygon', coordinates: square(117.3, 28.3, 0.2) }, 'NAME'),
    feature('南岩镇', { type: 'MultiPolygon', coordinates: [square(117.5, 28.3, 0.1), square(117.5, 28.45, 0.1)] }, '名称'),
    feature('圭峰镇', { type: 'Point', coordinates: [117.34, 28.28, 90] }),
  ],
};

async function put(h: Harness, cookie: string | null, body: string, type = 'application/json') {
  const res = await fetch(`${h.url}/api/map`, { method: 'PUT', headers: { 'content-type': type, ...(cookie && { cookie }) }, body });
  return { status: res.status, body: await res.json() };
}

/**
 * Starts an 8 MB upload, sends only its first 64 KB and waits for the answer: one that arrives was
 * given before the body was read (the rest never comes).
 */
function answerBeforeUpload(h: Harness, cookie: string | null): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(h.url);
    const req = httpRequest({
      host: url.hostname, port: url.port, path: '/api/map', method: 'PUT',
      headers: { 'content-type': 'application/json', 'content-length': String(8 * 1024 * 1024), ...(cookie && { cookie }) },
    });
    let done = false;
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        done = true;
        req.destroy();
        resolve({ status: res.statusCode!, body: JSON.parse(text) });
      });
    });
    req.on('error', (err) => !done && reject(err));
    req.write(Buffer.alloc(64 * 1024, 0x20));
  });
}

const ask = (s: TestSocket, request: { mapVersion?: string | null } = {}) =>
  s.timeout(10_000).emitWithAck('map:request', request) as Promise<MapData | { error: string }>;

function connected(s: TestSocket) {
  return new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
}

describe.each(backends())('county map on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let adminCookie: string;
  let leader: Client;
  let unitCookie: string;
  let token: string;

  beforeAll(async () => {
    h = await startHarness({ backend, seed: demoLedger('yiyang'), clock: () => new Date('2020-11-20T02:00:00.000Z') });
    adminCookie = await h.login();
    admin = client(h, adminCookie);
    leader = (await userClient(h, admin, { username: 'lingdao', role: 'leader' })).client;
    const units = (await admin.get('/api/units')).body as { name: string }[];
    const unit = await userClient(h, admin, { username: 'danwei', role: 'unit', unit: units[0].name });
    unitCookie = await h.login('danwei', unit.password);
    token = (await admin.post('/api/display-tokens', { name: '指挥中心主屏', rotateSeconds: 30 })).body.token;
  });
  afterAll(() => h?.close());

  it('serves the demo county outline the seed loaded, to every signed-in role', async () => {
    const res = await leader.get('/api/map');
    expect(res.status).toBe(200);
    expect(res.body.county).toBe('弋阳县');
    expect(res.body.info).toMatchObject({ county: '弋阳县', outline: '弋阳县', townshipAreas: [], uploadedBy: 'system' });
    expect(res.body.info.townshipPoints).toHaveLength(17);
    expect(res.body.geojson.features[0]).toMatchObject({ properties: { name: '弋阳县', role: 'outline' }, geometry: { type: 'Polygon' } });
    expect((await client(h, null).get('/api/map')).status).toBe(401);
  });

  it('lets only admins upload', async () => {
    const res = await put(h, unitCookie, JSON.stringify(townshipMap));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('仅管理员可执行此操作');
    expect((await put(h, null, JSON.stringify(townshipMap))).status).toBe(401);
  });

  it('refuses an upload before reading its body unless an admin sends it', async () => {
    const anonymous = await answerBeforeUpload(h, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const unit = await answerBeforeUpload(h, unitCookie);
    expect(unit.status).toBe(403);
    expect(unit.body.error.message).toBe('仅管理员可执行此操作');
  });

  it('refuses bad files with Chinese messages and changes nothing', async () => {
    const before = (await admin.get('/api/map')).body.info;
    const swapped = { type: 'FeatureCollection', features: [feature('弋阳县', { type: 'Polygon', coordinates: [[[28.1, 117.2], [28.6, 117.2], [28.6, 117.7], [28.1, 117.2]]] })] };
    const cases: [string, string, string][] = [
      ['{"type": "FeatureCollection", "features": [', 'file', '不是有效的 JSON'],
      [JSON.stringify({ type: 'Topology', objects: {} }), 'type', 'FeatureCollection'],
      [JSON.stringify(swapped), 'features.0.geometry.coordinates.0.0', '经度'],
      [JSON.stringify({ type: 'FeatureCollection', features: [feature('弋阳县', { type: 'LineString', coordinates: [[117.3, 28.3], [117.4, 28.4]] })] }), 'features.0.geometry.type', 'Polygon'],
      [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(117.3, 28.3, 0.1) } }] }), 'features.0.properties.name', '缺少名称'],
      [JSON.stringify({ type: 'FeatureCollection', features: [feature('弋江镇', { type: 'Point', coordinates: [117.4, 28.4] })] }), 'features', '没有任何面要素'],
      ['', 'file', '请上传'],
    ];
    for (const [body, field, text] of cases) {
      const res = await put(h, adminCookie, body);
      expect(res.status, field).toBe(422);
      expect(res.body.error.code).toBe('invalid');
      expect(res.body.error.fields[field], JSON.stringify(res.body.error.fields)).toContain(text);
    }
    expect((await admin.get('/api/map')).body.info).toEqual(before);
  });

  it('takes a file over the app-wide 1 MB limit and refuses one over 8 MB', async () => {
    // One township boundary of ~60,000 vertices: about 2 MB of GeoJSON.
    const ring = Array.from({ length: 60_000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 60_000;
      return [117.42 + 0.05 * Math.cos(a), 28.4 + 0.05 * Math.sin(a)];
    });
    ring.push(ring[0]);
    const big = JSON.stringify({ type: 'FeatureCollection', features: [feature('弋阳县', { type: 'Polygon', coordinates: square(117.2, 28.1, 0.5) }), feature('弋江镇', { type: 'Polygon', coordinates: [ring] })] });
    expect(big.length).toBeGreaterThan(1_500_000);
    const ok = await put(h, adminCookie, big, 'application/geo+json');
    expect(ok.status).toBe(200);
    expect(ok.body.townshipAreas).toEqual(['弋江镇']);

    const huge = `${big.slice(0, -2)}${' '.repeat(8 * 1024 * 1024)}]}`;
    const res = await put(h, adminCookie, huge);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('8 MB');
  });

  it('replaces the map with a valid upload, normalized and audited', async () => {
    const res = await put(h, adminCookie, `\uFEFF${JSON.stringify(townshipMap)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ county: '弋阳县', outline: '弋阳', townshipAreas: ['弋江镇', '南岩镇'], townshipPoints: ['圭峰镇'], uploadedBy: '系统管理员' });
    const stored = (await admin.get('/api/map')).body;
    expect(stored.info).toEqual(res.body);
    expect(stored.geojson.features.map((f: any) => f.properties)).toEqual([
      { name: '弋阳', role: 'outline' },
      { name: '弋江镇', role: 'township' },
      { name: '南岩镇', role: 'township' },
      { name: '圭峰镇', role: 'township' },
    ]);
    expect(stored.geojson.features[3].geometry.coordinates).toEqual([117.34, 28.28]);

    const audit = (await admin.get('/api/audit')).body.filter((a: any) => a.action === 'county_map.upload');
    expect(audit[0]).toMatchObject({ entity: 'county_map', entityId: '弋阳县', after: { outline: '弋阳', townshipAreas: ['弋江镇', '南岩镇'], townshipPoints: ['圭峰镇'] } });
    expect(audit[0].before).toMatchObject({ outline: '弋阳县', townshipAreas: ['弋江镇'] });
    expect(JSON.stringify(audit[0])).not.toContain('coordinates');
  });

  it('answers map:request on a display token with the map and every project point', async () => {
    const wall = await h.socket({ token });
    await connected(wall);
    const snapshot = (await admin.get('/api/snapshot')).body;
    const reply = (await ask(wall)) as MapData;
    expect(reply).toMatchObject({ county: '弋阳县', version: snapshot.version, unplaced: 0 });
    expect(reply.mapVersion).toBe((await admin.get('/api/map')).body.info.uploadedAt);
    expect(reply.geojson?.features).toHaveLength(4);
    expect(reply.points).toHaveLength(snapshot.totals.projects);
    const count = (state: string) => reply.points.filter((p) => p.state === state).length;
    // The map's 滞后 points are the wall's lagging figure.
    expect(count('lagging')).toBe(snapshot.totals.laggingCount);
    expect(count('lagging')).toBeGreaterThan(0);
    expect(count('started') + count('construction') + count('completed') + count('planned') + count('lagging')).toBe(69);
    const lagging = new Set(snapshot.lagging.map((l: any) => l.projectId));
    for (const p of reply.points) expect(lagging.has(p.projectId)).toBe(p.state === 'lagging');
    expect(reply.points[0]).toEqual({
      projectId: expect.any(Number), name: expect.any(String), unit: expect.any(String), township: expect.any(String),
      lat: expect.any(Number), lon: expect.any(Number), state: expect.any(String),
    });

    // A wall that holds the map gets the points only.
    const again = (await ask(wall, { mapVersion: reply.mapVersion })) as MapData;
    expect(again.geojson).toBeNull();
    expect(again.mapVersion).toBe(reply.mapVersion);
    expect(again.points).toEqual(reply.points);
    expect(await ask(wall, { mapVersion: 42 as unknown as string })).toEqual({ error: expect.stringMatching(/[\u4e00-\u9fff]/) });
    wall.disconnect();
  });

  it('sends the whole map at most every 10 s and the points every 2 s to a socket', async () => {
    const wall = await h.socket({ token });
    await connected(wall);
    const first = (await ask(wall)) as MapData;
    expect(first.geojson).not.toBeNull();
    // The map again at once: refused; the points for a wall that holds it: served.
    expect(await ask(wall)).toEqual({ error: RATE_LIMITED });
    expect(((await ask(wall, { mapVersion: first.mapVersion })) as MapData).points).toEqual(first.points);
    // The points in a loop: refused too.
    expect(await ask(wall, { mapVersion: first.mapVersion })).toEqual({ error: RATE_LIMITED });
    // Another wall is not held back by this one.
    const other = await h.socket({ token });
    await connected(other);
    expect(((await ask(other)) as MapData).geojson).not.toBeNull();
    wall.disconnect();
    other.disconnect();
  });
});

describe.each(backends())('a county without a map on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger() });
  });
  afterAll(() => h?.close());

  it('has no map, yet its points, for a signed-in wall', async () => {
    const cookie = await h.login();
    expect((await client(h, cookie).get('/api/map')).body).toEqual({ county: '测试县', info: null, geojson: null });
    const wall = await h.socket({ cookie });
    await connected(wall);
    const reply = (await ask(wall)) as MapData;
    expect(reply).toMatchObject({ county: '测试县', mapVersion: null, geojson: null });
    expect(reply.points.length + reply.unplaced).toBe(smallLedger().projects.length);
    wall.disconnect();
  });
});
