// 挂点领导 figures and the ranking weights travel in the snapshot and in every summary push.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/types.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, next, postJson, startHarness, type Harness } from './harness.js';

const WAN = 10_000;

describe.each(backends())('leader figures on %s', (backend) => {
  let h: Harness;
  let cookie: string;

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger() });
    cookie = await h.login();
  });
  afterAll(() => h.close());

  const get = async (path: string) => (await fetch(`${h.url}${path}`, { headers: { cookie } })).json();

  it('gives each leader their 挂点 and 包干 projects in the snapshot, a shared project counted for both', async () => {
    const s = await get('/api/snapshot');
    expect(s.byLeader.map((l: any) => [l.name, l.rank, l.projects, l.pointProjects, l.chargeProjects])).toEqual([
      ['李县长', 'county_head', 3, 3, 0],
      ['王常务', 'executive_deputy', 1, 0, 1],
    ]);
    // 李县长 is 挂点 of every project: his figures are the county's.
    expect(s.byLeader[0]).toMatchObject({ annualPlan: 2_400 * WAN, completed: 1_100 * WAN, laggingCount: s.totals.laggingCount, openProblems: 0 });
    expect(s.byLeader[1]).toMatchObject({ annualPlan: 600 * WAN, completed: 100 * WAN, laggingCount: 1 });
    expect(s.rankingWeights).toEqual(DEFAULT_SETTINGS.rankingWeights);
  });

  it('moves a leader\'s figures with an accepted report, in the push itself', async () => {
    const projects = await get('/api/projects');
    const bridge = projects.find((p: any) => p.code === 'T-002');
    const socket = await h.socket({ cookie });
    await next(socket, 'snapshot');
    const update = next(socket, 'investment:update');
    const res = await postJson(`${h.url}/api/projects/${bridge.id}/reports`, { month: '2020-09', investment: '200', progress: '桥墩施工' }, cookie);
    expect(res.status).toBe(201);
    // A month through 数据统计至 (October on 11-20): it counts at once.
    // The push carries the leaders' rows that moved (a delta), and they are the snapshot's rows.
    const { summary } = await update;
    const byName = new Map(summary.byLeader!.upsert.map((l) => [l.name, l]));
    expect(byName.get('王常务')!.completed).toBe(300 * WAN);
    expect(byName.get('李县长')!.completed).toBe(1_300 * WAN);
    const after = new Map<string, unknown>((await get('/api/snapshot')).byLeader.map((l: any) => [l.name, l]));
    for (const [name, row] of byName) expect(after.get(name)).toEqual(row);
  });

  it('carries new ranking weights in the summary push when the settings change', async () => {
    const socket = await h.socket({ cookie });
    await next(socket, 'snapshot');
    const update = next(socket, 'summary:update');
    const weights = { investment: 60, start: 10, completion: 10, timeliness: 10, problems: 10 };
    const res = await fetch(`${h.url}/api/campaign/settings`, {
      method: 'PATCH', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ rankingWeights: weights }),
    });
    expect(res.status).toBe(200);
    expect((await update).summary.rankingWeights).toEqual(weights);
  });
});
