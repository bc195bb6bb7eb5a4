// What a change pushes and what a wall fetches, in bytes and in agreement: deltas that rebuild the
// server's figures, exact alert counts beside a partial list, one serialised snapshot per version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLedger } from '../../server/demo/demo.js';
import { provinceLedger } from '../../server/demo/province.js';
import { countAlerts, SNAPSHOT_ALERT_LIMIT, type Snapshot } from '../../shared/snapshot.js';
import { PROBLEM_CATEGORIES } from '../../shared/api.js';
import { applyFigures } from '../../shared/summaryDelta.js';
import { snapshotFromStore } from '../../server/services/snapshot.js';
import { getActiveCampaign } from '../../server/store/campaigns.js';
import { next, postJson, startHarness, type Harness } from './harness.js';

const bytes = (payload: unknown) => Buffer.byteLength(JSON.stringify(payload));

async function openProject(h: Harness, cookie: string): Promise<{ id: number; month: string }> {
  const projects = await (await fetch(`${h.url}/api/projects`, { headers: { cookie } })).json();
  const snap: Snapshot = await (await fetch(`${h.url}/api/snapshot`, { headers: { cookie } })).json();
  const p = projects.find((x: any) => x.startedOn && !x.completedOn);
  return { id: p.id, month: snap.reportingMonth };
}

describe('pushes on the demo county', () => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', seed: demoLedger('yiyang') });
    cookie = await h.login();
  });
  afterAll(() => h.close());

  it('carries only what moved (≤ 4 KB), and the wall rebuilds the server\'s figures from it', async () => {
    const { id, month } = await openProject(h, cookie);
    const wall = await h.socket({ cookie });
    let held: Snapshot | null = await next(wall, 'snapshot');
    for (let i = 0; i < 3; i++) {
      const update = next(wall, 'investment:update');
      const res = await postJson(`${h.url}/api/projects/${id}/reports`, { month, investment: String(100 + i), progress: '施工' }, cookie);
      expect(res.status).toBe(201);
      const u = await update;
      expect(bytes(u)).toBeLessThanOrEqual(4 * 1024);
      const mine: Snapshot | null = applyFigures(held!, u.summary);
      expect(mine).not.toBeNull();
      held = mine;
      const server: Snapshot = await (await fetch(`${h.url}/api/snapshot`, { headers: { cookie } })).json();
      for (const k of ['totals', 'byDomain', 'byLevel', 'byLeader', 'trend', 'lagging', 'ranking', 'openMonth'] as const) {
        expect(mine![k], k).toEqual(server[k]);
      }
    }
  });

  it('serves GET /api/snapshot gzipped with an ETag, 304 while unchanged, a new tag after a change', async () => {
    const raw = await fetch(`${h.url}/api/snapshot`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    const etag = raw.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"\d+-/);
    // fetch unzips: the body is the snapshot whatever the wire carried.
    const body: Snapshot = await raw.json();
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    const again = await fetch(`${h.url}/api/snapshot`, { headers: { cookie, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const plain = await fetch(`${h.url}/api/snapshot`, { headers: { cookie, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.json()).version).toBe(body.version);
    const { id, month } = await openProject(h, cookie);
    await postJson(`${h.url}/api/projects/${id}/reports`, { month, investment: '5', progress: '施工' }, cookie);
    const changed = await fetch(`${h.url}/api/snapshot`, { headers: { cookie, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.json()).version).toBe(body.version + 1);
  });

  // A report reads again only its own project; the rest comes from the ledger the previous version left.
  it('leaves the same figures as recomputing the whole ledger', async () => {
    const projects = await (await fetch(`${h.url}/api/projects`, { headers: { cookie } })).json();
    const { month } = await openProject(h, cookie);
    const open = projects.filter((x: any) => x.startedOn && !x.completedOn).slice(0, 4);
    const before: Snapshot = await (await fetch(`${h.url}/api/snapshot`, { headers: { cookie } })).json();
    // Reports, a correction, a start and a completion across several projects, one after another.
    const bodies = [
      { id: open[0].id, body: { month, investment: '120', progress: '施工' } },
      { id: open[1].id, body: { month, investment: '80.5', progress: '施工' } },
      { id: open[0].id, body: { month, investment: '90', progress: '施工（更正）' } },
      { id: open[2].id, body: { month, investment: '3000', progress: '完工', completedOn: `${month}-10` } },
    ];
    for (const [i, { id, body }] of bodies.entries()) {
      expect((await postJson(`${h.url}/api/projects/${id}/reports`, body, cookie)).status).toBe(201);
      // A problem raised between reports: the next report's problem counts include it.
      if (i === 0) {
        const raised = await postJson(`${h.url}/api/projects/${open[1].id}/problems`, { category: PROBLEM_CATEGORIES[1], description: '用地指标尚未落实，影响开工', dueOn: `${month.slice(0, 4)}-12-31` }, cookie);
        expect(raised.status, JSON.stringify(raised.body)).toBe(201);
      }
      // A unit renamed between reports: the next report's figures carry the new name.
      if (i === 1) {
        const renamed = await fetch(`${h.url}/api/units/${open[3].unitId}`, {
          method: 'PATCH', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '县改名测试局' }),
        });
        expect(renamed.status).toBe(200);
      }
    }
    const served: Snapshot = await (await fetch(`${h.url}/api/snapshot`, { headers: { cookie } })).json();
    const whole = await snapshotFromStore(h.db, (await getActiveCampaign(h.db))!, served.version, h.app.deps.clock());
    const { generatedAt: _a, ...got } = served;
    const { generatedAt: _b, ...want } = JSON.parse(JSON.stringify(whole));
    expect(got).toEqual(want);
    expect(JSON.stringify(served.ranking)).toContain('县改名测试局');
    expect(served.problems.pending).toBe(before.problems.pending + 1);
  });
});

describe('pushes at province scale (400 projects)', () => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite', seed: provinceLedger({ projects: 400 }) });
    cookie = await h.login();
  }, 120_000);
  afterAll(() => h.close());

  it('counts every open alert while the snapshot lists a part, and the counts survive pushes', async () => {
    const snap: Snapshot = await (await fetch(`${h.url}/api/snapshot`, { headers: { cookie } })).json();
    const all = await (await fetch(`${h.url}/api/alerts`, { headers: { cookie } })).json();
    expect(all.length).toBeGreaterThan(SNAPSHOT_ALERT_LIMIT);
    expect(snap.alertCounts).toEqual(countAlerts(all));
    expect(snap.alerts.length).toBeLessThan(all.length);
    const listed = new Set(snap.lagging.map((p) => p.projectId));
    expect(snap.alerts.filter((a) => listed.has(a.projectId)).length).toBe(all.filter((a: any) => listed.has(a.projectId)).length);

    const { id, month } = await openProject(h, cookie);
    const wall = await h.socket({ cookie });
    await next(wall, 'snapshot');
    const update = next(wall, 'investment:update', 30_000);
    const res = await postJson(`${h.url}/api/projects/${id}/reports`, { month, investment: '1', progress: '施工' }, cookie);
    expect(res.status).toBe(201);
    expect(bytes(await update)).toBeLessThanOrEqual(16 * 1024);
    const after: Snapshot = await (await fetch(`${h.url}/api/snapshot`, { headers: { cookie } })).json();
    expect(after.alertCounts).toEqual(countAlerts(await (await fetch(`${h.url}/api/alerts`, { headers: { cookie } })).json()));
  }, 120_000);
});
