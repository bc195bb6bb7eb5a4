// The bulk writes of large changes (imports) on both PGlite and PostgreSQL: array-per-column inserts,
// the yielding query wrapper, and a change raising more alerts than the ticker shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, freshStore } from './harness.js';
import type { Db } from '../../server/store/db.js';
import { loadSeed } from '../../server/store/seed.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';
import { insertColumns, yielding } from '../../server/store/bulk.js';
import { getAlerts, insertAlerts, listOpenAlerts } from '../../server/store/alerts.js';
import { insertEvents, recentEvents } from '../../server/store/events.js';
import { listProjects } from '../../server/store/projects.js';

describe.each(backends())('bulk writes on %s', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  let campaignId: number;

  beforeAll(async () => {
    ({ db, drop } = await freshStore(backend));
    campaignId = await loadSeed(db, smallLedger(), SYSTEM_ACTOR);
  });
  afterAll(() => drop());

  it('inserts rows column-wise, arrays, JSON, dates and nulls intact, in chunks', async () => {
    const [p] = await listProjects(db, campaignId);
    const rows = Array.from({ length: 25 }, (_, i) => [
      campaignId, `B-${i}`, `名称,"带引号"\\{${i}}`, p.domainId, i % 2 ? ['county', 'a,b "c"'] : [], p.unitId, null, null, null, null,
      1_234_567_890_123 + i, 0, '2020-03-01', null, null, null, 'preparing', null, 28.5, null, '',
    ]);
    const out = await insertColumns(db, 'projects', [
      ['campaign_id', 'int'], ['code', 'text'], ['name', 'text'], ['domain_id', 'int'], ['levels', 'text[]'], ['unit_id', 'int'], ['lead_unit', 'text'],
      ['leader_id', 'int'], ['charge_leader_id', 'int'], ['commissioner', 'text'], ['total_investment', 'int8'], ['annual_plan', 'int8'],
      ['planned_start', 'date'], ['planned_completion', 'date'], ['started_on', 'date'], ['completed_on', 'date'], ['stage', 'text'],
      ['township', 'text'], ['lat', 'float8'], ['lon', 'float8'], ['content', 'text'],
    ], rows, { returning: 'id, code', chunkRows: 10 });
    expect(out.map((r) => r.code)).toEqual(rows.map((r) => r[1]));
    const stored = (await listProjects(db, campaignId)).filter((x) => x.code.startsWith('B-'));
    const b1 = stored.find((x) => x.code === 'B-1')!;
    expect(b1).toMatchObject({ name: '名称,"带引号"\\{1}', levels: ['county', 'a,b "c"'], totalInvestment: 1_234_567_890_124, plannedStart: '2020-03-01', plannedCompletion: null, lat: 28.5, lon: null });
    expect(stored.find((x) => x.code === 'B-0')!.levels).toEqual([]);

    await insertColumns(db, 'audit_log', [['actor', 'text'], ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['before', 'jsonb'], ['after', 'jsonb']],
      [['测试', 'bulk.test', 'project', String(out[0].id), null, JSON.stringify({ a: [1, '二'], b: null })]]);
    const [audit] = await db.query<{ before: unknown; after: unknown }>("SELECT before, after FROM audit_log WHERE action = 'bulk.test'");
    expect(audit).toEqual({ before: null, after: { a: [1, '二'], b: null } });
  });

  it('raises alerts in bulk and reads them back in the order of the hits', async () => {
    const projects = (await listProjects(db, campaignId)).filter((x) => x.code.startsWith('B-'));
    const hits = projects.map((x, i) => ({ projectId: x.id, rule: 'start_overdue' as const, severity: (['yellow', 'orange', 'red'] as const)[i % 3], text: `逾期${i}` }));
    const ids = await insertAlerts(db, campaignId, hits.reverse(), '2020-11-20T02:00:00.000Z');
    const alerts = await getAlerts(db, ids);
    expect(alerts.map((a) => [a.projectId, a.severity, a.text])).toEqual(hits.map((h) => [h.projectId, h.severity, h.text]));
    expect(alerts[0]).toMatchObject({ state: 'raised', rule: 'start_overdue', raisedAt: '2020-11-20T02:00:00.000Z', project: projects.find((x) => x.id === hits[0].projectId)!.name });
    expect((await listOpenAlerts(db, campaignId)).filter((a) => ids.includes(a.id))).toHaveLength(hits.length);
    const events = await insertEvents(db, campaignId, hits.slice(0, 3).map((h, i) => ({ version: 99, kind: 'alert_raised', projectId: h.projectId, text: `行${i}`, at: '2020-11-20T02:00:00.000Z' })));
    expect(events.map((e) => e.text)).toEqual(['行0', '行1', '行2']);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE version = 99'))[0].n).toBe(3);
    // The ticker reads the newest by insertion, not by the text id (where 99-… sorts after 100-…).
    await insertEvents(db, campaignId, [{ version: 100, kind: 'alert_cleared', projectId: hits[0].projectId, text: '最新', at: '2020-11-20T02:00:00.000Z' }]);
    expect((await recentEvents(db, campaignId))[0]).toMatchObject({ id: `100-alert_cleared-${hits[0].projectId}`, text: '最新' });
  });

  it('runs queries through yielding() in order, letting timers fire in between', async () => {
    await db.tx(async (tx) => {
      const q = yielding(tx);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => q.query<{ i: number }>('SELECT $1::int AS i, pg_sleep(0.002)', [i])));
      clearInterval(timer);
      expect(results.map((r) => r[0].i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(ticks).toBeGreaterThan(0);
    });
    // A failed statement rejects its caller only; the next one through the same wrapper runs.
    const q = yielding(db);
    await expect(q.query('SELECT 1/0')).rejects.toThrow(/division by zero/);
    expect(await q.query('SELECT 2 AS n')).toEqual([{ n: 2 }]);
  });
});
