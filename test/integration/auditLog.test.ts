// 操作日志 filtered by person, project, action and date, each row naming what it is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, startHarness, userClient, type Client, type Harness } from './harness.js';

const NOW = new Date('2020-11-20T02:00:00.000Z');

describe.each(backends())('the audit log on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let unit: Client;
  let bridge: { id: number; name: string };
  let other: { id: number; name: string };

  beforeAll(async () => {
    h = await startHarness({ backend, seed: smallLedger(), clock: () => NOW });
    admin = client(h, await h.login());
    unit = (await userClient(h, admin, { username: 'chengtou', role: 'unit', unit: '县城投公司' })).client;
    const projects = (await admin.get('/api/projects')).body as { id: number; name: string; unit: string }[];
    bridge = projects.find((p) => p.name === '白马大桥')!;
    other = projects.find((p) => p.id !== bridge.id && p.unit === '县城投公司') ?? projects.find((p) => p.id !== bridge.id)!;
    expect((await unit.post(`/api/projects/${bridge.id}/reports`, { month: '2020-10', investment: '10', progress: '施工' })).status).toBe(201);
    expect((await admin.post(`/api/projects/${other.id}/reports`, { month: '2020-10', investment: '20', progress: '施工' })).status).toBe(201);
  });
  afterAll(() => h.close());

  it('names the project a report row is about', async () => {
    const rows = (await admin.get('/api/audit')).body as any[];
    const submitted = rows.find((r) => r.action === 'report.submit' && r.projectId === bridge.id);
    expect(submitted).toMatchObject({ entity: 'report', subject: '白马大桥' });
  });

  it('filters by person, project, action and date', async () => {
    const byActor = (await admin.get(`/api/audit?actor=${encodeURIComponent('城投')}`)).body as any[];
    expect(byActor).toEqual([]);
    const unitName = (await admin.get('/api/audit')).body.find((r: any) => r.projectId === bridge.id && r.action === 'report.submit').actor;
    const mine = (await admin.get(`/api/audit?actor=${encodeURIComponent(unitName)}`)).body as any[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.actor === unitName)).toBe(true);

    const ofBridge = (await admin.get(`/api/audit?projectId=${bridge.id}`)).body as any[];
    expect(ofBridge.length).toBeGreaterThan(0);
    expect(ofBridge.every((r) => r.projectId === bridge.id && r.subject === '白马大桥')).toBe(true);

    const reports = (await admin.get('/api/audit?action=report')).body as any[];
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.every((r) => r.entity === 'report' && r.action.startsWith('report.'))).toBe(true);
    const submitted = (await admin.get('/api/audit?action=report.submit')).body as any[];
    expect(submitted.map((r) => r.subject).sort()).toEqual([bridge.name, other.name].sort());

    // The rows were written today (China time of the database clock): today's date keeps them, a past day none.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?from=${today}&to=${today}&action=report`)).body.length).toBe(reports.length);
    expect((await admin.get('/api/audit?from=2001-01-01&to=2001-12-31')).body).toEqual([]);
  });

  it('lists who and what for the filters', async () => {
    const facets = (await admin.get('/api/audit/facets')).body;
    expect(facets.actions).toEqual(expect.arrayContaining(['auth.login', 'report.submit']));
    expect(facets.actors.length).toBeGreaterThan(0);
  });

  it('refuses bad filters with field messages, and other roles', async () => {
    const bad = await admin.get('/api/audit?from=2020-13-01&projectId=abc&action=DROP%20TABLE');
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['action', 'from', 'projectId']);
    const reversed = await admin.get('/api/audit?from=2020-11-02&to=2020-11-01');
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields.to).toBe('起始日期不能晚于截止日期');
    expect((await unit.get('/api/audit')).status).toBe(403);
    expect((await unit.get('/api/audit/facets')).status).toBe(403);
  });
});
