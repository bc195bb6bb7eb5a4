// The store layer on both PGlite and PostgreSQL: migrations, exact money, revisions, rollback, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, freshStore } from './harness.js';
import type { Db } from '../../server/store/db.js';
import { migrate } from '../../server/store/migrate.js';
import { loadSeed } from '../../server/store/seed.js';
import { auditTrail, SYSTEM_ACTOR } from '../../server/store/audit.js';
import { bumpVersion, currentVersion, getActiveCampaign } from '../../server/store/campaigns.js';
import { listProjects } from '../../server/store/projects.js';
import { insertReport, listReports, acceptedTotalExcept } from '../../server/store/reports.js';
import { loadLedger } from '../../server/store/ledger.js';
import { claimDailyRefresh } from '../../server/store/locks.js';

describe.each(backends())('store on %s', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  let campaignId: number;

  beforeAll(async () => {
    ({ db, drop } = await freshStore(backend));
    const seed = smallLedger();
    // An amount beyond 32 bits must survive exactly.
    seed.projects[0].totalInvestment = 24_560_000_000;
    campaignId = await loadSeed(db, seed, SYSTEM_ACTOR);
  });
  afterAll(() => drop());

  it('claims the refresh of each day once, an earlier day (a date set back) included', async () => {
    const claim = (day: string) => db.tx((q) => claimDailyRefresh(q, day));
    expect(await claim('2020-11-20')).toBe(true);
    expect(await claim('2020-11-20')).toBe(false);
    expect(await claim('2020-11-21')).toBe(true);
    expect(await claim('2020-11-01')).toBe(true);
    expect(await claim('2020-11-01')).toBe(false);
  });

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('keeps money exact as integer yuan', async () => {
    const projects = await listProjects(db, campaignId);
    expect(projects[0].totalInvestment).toBe(24_560_000_000);
    expect(Number.isSafeInteger(projects[0].completedToDate)).toBe(true);
    expect(projects[0].completedToDate).toBe(10_000_000);
  });

  it('appends report revisions and reads the latest accepted one per month', async () => {
    const [p] = await listProjects(db, campaignId);
    const base = { projectId: p.id, month: '2020-11', progress: '施工', startedOn: null, completedOn: null, remark: '', userId: null, userName: 't' };
    const r1 = await insertReport(db, { ...base, investment: 1_000_000, status: 'accepted' });
    const r2 = await insertReport(db, { ...base, investment: 2_000_000, status: 'submitted' });
    expect([r1.revision, r2.revision]).toEqual([1, 2]);
    const campaign = (await getActiveCampaign(db))!;
    const ledger = await loadLedger(db, campaign, '2020-11-20');
    const nov = ledger.monthly.find((m) => m.projectId === p.id && m.month === '2020-11')!;
    // The pending revision does not replace the accepted figure.
    expect(nov).toMatchObject({ investment: 1_000_000, status: 'accepted' });
    expect((await listReports(db, p.id)).filter((r) => r.month === '2020-11')).toHaveLength(2);
    expect(await acceptedTotalExcept(db, p.id, '2020-11')).toBe(10_000_000);
  });

  it('rolls back a failed transaction completely', async () => {
    const before = await currentVersion(db, campaignId);
    await expect(
      db.tx(async (q) => {
        await bumpVersion(q, campaignId);
        await q.query('INSERT INTO units (name) VALUES ($1)', ['临时单位']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await currentVersion(db, campaignId)).toBe(before);
    expect(await db.query('SELECT 1 FROM units WHERE name = $1', ['临时单位'])).toHaveLength(0);
  });

  it('audits the seed', async () => {
    const rows = await auditTrail(db, 'campaign', campaignId);
    expect(rows[0]).toMatchObject({ actor: 'system', action: 'seed' });
  });
});
