// Campaign years from scratch (issue 13): an empty store, the first campaign, bad input and repeats,
// ?campaign=<id>, and the product date from the clock — on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayClock } from '../../shared/dates.js';
import { backends, client, next, startHarness, userClient, type Client, type Harness } from './harness.js';

const COUNTY = '示范县';
const FIRST = {
  county: COUNTY,
  title: '项目建设提速年',
  year: 2027,
  domains: [{ name: '工业', target: '500000' }, { name: '农业', target: 40000 }, { name: '服务业' }],
  levels: [{ name: '省重点', target: '120000.5' }, { name: '县重点' }],
  reportDeadlineDay: 8,
  units: ['县工信局', '县农业农村局'],
  leaders: [{ name: '王县长', title: '县长' }, { name: '李常务', title: '常务副县长' }, { name: '赵副县', title: '副县长' }],
};

describe.each(backends())('campaign years on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  const stored = async () => ({
    campaigns: (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM campaigns'))[0].n,
    domains: (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM domains'))[0].n,
    audit: (await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.create'"))[0].n,
  });

  beforeAll(async () => {
    h = await startHarness({ backend, clock: dayClock('2027-03-15') });
    admin = client(h, await h.login());
  });
  afterAll(() => h.close());

  it('starts empty: no campaign, and the ledger endpoints say so in Chinese', async () => {
    expect((await admin.get('/api/campaigns')).body).toEqual([]);
    const snapshot = await admin.get('/api/snapshot');
    expect(snapshot.status).toBe(404);
    expect(snapshot.body.error.message).toBe('尚未建立项目年度台账');
    expect((await client(h, null).get('/api/campaigns')).status).toBe(401);
  });

  it('refuses bad input field by field before anything else, storing nothing', async () => {
    const before = await stored();
    const cases: [unknown, Record<string, string>][] = [
      [{ ...FIRST, county: '' }, { county: '请填写县（市、区）名称' }],
      [{ ...FIRST, year: 1999 }, { year: '年度须在2000-2100之间' }],
      [{ ...FIRST, year: 2101 }, { year: '年度须在2000-2100之间' }],
      [{ ...FIRST, year: '2027' }, { year: '年度须为2000-2100之间的年份' }],
      [{ ...FIRST, firstYear: 2027, lastYear: 2026 }, { lastYear: '结束年度不能早于起始年度' }],
      [{ ...FIRST, domains: [{ name: '工业' }, { name: '工业' }] }, { 'domains.1.name': '领域「工业」重复' }],
      [{ ...FIRST, levels: [{ name: '省重点', target: -1 }] }, { 'levels.0.target': '项目级别目标不能为负数' }],
      [{ ...FIRST, domains: [{ name: '工业', target: 'abc' }] }, { 'domains.0.target': expect.stringContaining('领域目标') }],
      [{ ...FIRST, reportDeadlineDay: 31 }, { reportDeadlineDay: '月报截止日须在1-28日之间' }],
    ];
    for (const [body, fields] of cases) {
      const res = await admin.post('/api/campaigns', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.fields).toMatchObject(fields);
    }
    expect(await stored()).toEqual(before);
  });

  it('creates the first campaign year, active at once, with its groups, units and leaders', async () => {
    const res = await admin.post('/api/campaigns', FIRST);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), county: COUNTY, title: '项目建设提速年', year: 2027, firstYear: 2027, lastYear: 2027, active: true, rolledOver: false });
    expect((await admin.get('/api/campaigns')).body).toEqual([res.body]);

    const campaign = (await admin.get('/api/campaign')).body;
    expect(campaign).toMatchObject({ county: COUNTY, year: 2027, frozenToday: null, settings: { reportDeadlineDay: 8 } });
    expect((await admin.get('/api/domains')).body.map((d: { name: string; target: number }) => [d.name, d.target])).toEqual([
      ['工业', 5_000_000_000], ['农业', 400_000_000], ['服务业', 0],
    ]);
    expect((await admin.get('/api/levels')).body.map((l: { name: string; plannedAnnual: number | null }) => [l.name, l.plannedAnnual])).toEqual([
      ['省重点', 1_200_005_000], ['县重点', null],
    ]);
    const units = (await admin.get('/api/units')).body.map((u: { name: string }) => u.name);
    expect(units).toEqual(expect.arrayContaining(['县工信局', '县农业农村局']));
    const leaders = (await admin.get('/api/leaders')).body as { name: string; rank: string }[];
    expect(Object.fromEntries(leaders.map((l) => [l.name, l.rank]))).toEqual({ 王县长: 'county_head', 李常务: 'executive_deputy', 赵副县: 'deputy' });

    const audit = await h.db.query<{ actor: string; after: { county: string } }>("SELECT actor, after FROM audit_log WHERE action = 'campaign.create'");
    expect(audit).toHaveLength(1);
    expect(audit[0].after.county).toBe(COUNTY);
  });

  it('gives the wall the county, the year and the product date', async () => {
    const snapshot = (await admin.get('/api/snapshot')).body;
    expect(snapshot.campaign).toMatchObject({ county: COUNTY, year: 2027, title: '项目建设提速年' });
    expect(snapshot.today).toBe('2027-03-15');
    expect(snapshot.reportingMonth).toBe('2027-02');
    expect(snapshot.totals.projects).toBe(0);
    const wall = await h.socket({ cookie: (await h.login()) });
    expect((await next(wall, 'snapshot')).campaign.year).toBe(2027);
  });

  it('refuses a second campaign for the same county and year with 409, storing nothing', async () => {
    const before = await stored();
    const res = await admin.post('/api/campaigns', { ...FIRST, title: '另一个' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${COUNTY}2027年度台账已存在`);
    expect(await stored()).toEqual(before);
  });

  it('reads another year with ?campaign=<id>; an older year does not take over', async () => {
    const older = await admin.post('/api/campaigns', { county: COUNTY, title: '项目大会战', year: 2025, firstYear: 2025, lastYear: 2026 });
    expect(older.status).toBe(201);
    expect(older.body).toMatchObject({ year: 2025, firstYear: 2025, lastYear: 2026, active: false });
    expect((await admin.get('/api/snapshot')).body.campaign.year).toBe(2027);
    expect((await admin.get(`/api/snapshot?campaign=${older.body.id}`)).body.campaign).toMatchObject({ year: 2025, title: '项目大会战' });
    expect((await admin.get(`/api/campaign?campaign=${older.body.id}`)).body.year).toBe(2025);
    expect((await admin.get('/api/campaign?campaign=9999')).status).toBe(404);
    const bad = await admin.get('/api/campaign?campaign=0x1');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.campaign).toBe('年度台账编号须为正整数');
    const years = (await admin.get('/api/campaigns')).body as { year: number; active: boolean }[];
    expect(years.map((c) => [c.year, c.active])).toEqual([[2025, false], [2027, true]]);
  });

  it('lets only staff create campaign years', async () => {
    const { client: unit } = await userClient(h, admin, { username: 'gxj', role: 'unit', unit: '县工信局' });
    expect((await unit.get('/api/campaigns')).status).toBe(200);
    const res = await unit.post('/api/campaigns', { ...FIRST, year: 2028 });
    expect(res.status).toBe(403);
  });
});
