// Backup through the running server → a new empty store → `npm run restore -- FILE` → start: the
// same ledger, reports, problems and audit log, on PGlite and on PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore } from '../../server/store/backup.js';
import type { Db } from '../../server/store/db.js';
import { openStore } from '../../server/store/open.js';
import { smallLedger } from '../fixtures/smallLedger.js';
import { backends, client, startHarness, TEST_DATABASE_URL, userClient, type Backend, type Client, type Harness } from './harness.js';

const run = promisify(execFile);

/** A new empty target: a data folder that does not exist yet, or a new database. */
async function emptyTarget(backend: Backend, dir: string): Promise<{ env: Record<string, string>; open(): Promise<Db>; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = path.join(dir, 'restored-data');
    return { env: { DATA_DIR: dataDir }, open: () => openStore({ dataDir }), drop: async () => undefined };
  }
  const name = `xmdd_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openStore({ databaseUrl: url.toString(), dataDir: null }),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function restore(file: string, env: Record<string, string>, ...flags: string[]): Promise<{ code: number; out: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'DATA_DIR'));
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'restore', '--', file, ...flags], { env: { ...clean, ...env }, cwd: process.cwd() });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each(backends())('backup and restore on %s', (backend) => {
  let h: Harness;
  let admin: Client;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xmdd-backup-'));
    h = await startHarness({ backend, seed: smallLedger() });
    admin = client(h, await h.login());
    // A month of work: reports filed and reviewed, a plan changed, a problem raised and taken up.
    const unit = (await userClient(h, admin, { username: 'own', role: 'unit', unit: '县城投公司' })).client;
    const projects = (await admin.get('/api/projects')).body as { id: number; name: string; rowVersion: number }[];
    const bridge = projects.find((p) => p.name === '白马大桥')!;
    const school = projects.find((p) => p.name === '城区中学')!;
    expect((await admin.post(`/api/projects/${bridge.id}/reports`, { month: '2020-10', investment: '350.5', progress: '桥墩施工', startedOn: '2020-03-10' })).status).toBe(201);
    const filed = await unit.post(`/api/projects/${school.id}/reports`, { month: '2020-10', investment: '120', progress: '基础施工' });
    expect((await admin.post(`/api/reports/${filed.body.id}/accept`)).status).toBe(200);
    const current = (await admin.get(`/api/projects/${school.id}`)).body;
    expect((await admin.put(`/api/projects/${school.id}/plan`, { rowVersion: current.rowVersion, annualPlan: '500', monthly: null })).status).toBe(200);
    const problem = await unit.post(`/api/projects/${bridge.id}/problems`, { category: '用地保障', description: '征地拆迁进度滞后', askedOf: '县自然资源局' });
    expect(problem.status).toBe(201);
    expect((await admin.post(`/api/problems/${problem.body.id}/actions`, { action: 'accept', coordinatingUnit: '县自然资源局', dueOn: '2020-12-15' })).status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every table, and the same ledger, reports, problems and audit log once started', async () => {
    const res = await admin.raw('/api/admin/backup');
    expect(res.status).toBe(200);
    const name = decodeURIComponent(res.headers.get('content-disposition')!.split("''")[1]);
    const file = path.join(dir, name);
    const text = await res.text();
    writeFileSync(file, text);

    const target = await emptyTarget(backend, dir);
    try {
      const done = await restore(file, target.env);
      expect(done.out).toContain('已恢复');
      expect(done.code).toBe(0);

      // A second restore into the now filled store is refused, and allowed with --force.
      const again = await restore(file, target.env);
      expect(again.code).toBe(1);
      expect(again.out).toContain('目标数据库不是空的');
      expect((await restore(file, target.env, '--force')).code).toBe(0);

      const db = await target.open();
      expect((await dumpStore(db, new Date(0))).lines.slice(1)).toEqual(text.trim().split('\n').slice(1));
      // The same product date as the original server (a seed's own date there).
      const restored = await startHarness({ backend, store: { db, drop: () => db.close() }, clock: h.app.deps.clock });
      try {
        const admin2 = client(restored, await restored.login());
        for (const path of ['/api/projects', '/api/problems', '/api/units', '/api/users']) {
          expect((await admin2.get(path)).body, path).toEqual((await admin.get(path)).body);
        }
        const projects = (await admin.get('/api/projects')).body as { id: number }[];
        for (const p of projects) {
          expect((await admin2.get(`/api/projects/${p.id}/history`)).body).toEqual((await admin.get(`/api/projects/${p.id}/history`)).body);
        }
        // Every start re-runs the rules and takes the next version, as a restart of the old server would.
        const { generatedAt: _a, version: _v, ...snapshot } = (await admin.get('/api/snapshot')).body;
        const { generatedAt: _b, version: _w, ...snapshot2 } = (await admin2.get('/api/snapshot')).body;
        expect(snapshot2).toEqual(snapshot);
        // The audit log up to the backup (signing in to the restored server adds its own row after it).
        const audit = (await admin.get('/api/audit?limit=500')).body as { id: number; action: string }[];
        const upToBackup = audit.slice(audit.findIndex((a) => a.action === 'store.backup'));
        const audit2 = (await admin2.get('/api/audit?limit=500')).body as { id: number }[];
        expect(audit2.filter((a) => a.id <= upToBackup[0].id)).toEqual(upToBackup);
        // New rows get fresh ids after the restored ones.
        expect((await admin2.post('/api/units', { name: '恢复后新单位' })).status).toBe(201);
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
  }, 180_000);

  it('refuses a file that is not a backup', async () => {
    const file = path.join(dir, 'not-a-backup.jsonl');
    writeFileSync(file, '{"hello":"world"}\n');
    const out = await restore(file, { DATA_DIR: path.join(dir, 'never-used') });
    expect(out.code).toBe(1);
    expect(out.out).toContain('不是本系统的备份文件');
  }, 60_000);
});
