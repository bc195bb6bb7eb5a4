import { mkdirSync } from 'node:fs';
import { type Db, openPglite, openPostgres, type PostgresOptions } from './db.js';
import { withStoreLock } from './locks.js';
import { migrate } from './migrate.js';

/** PostgreSQL when a URL is given, else PGlite persisted in dataDir (or in memory when dataDir is null). */
export async function openStore(opts: { databaseUrl?: string; dataDir: string | null } & PostgresOptions): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    db = await openPostgres(opts.databaseUrl, opts);
  } else {
    if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
    db = await openPglite(opts.dataDir ?? undefined);
  }
  // Processes started together on an empty database would race to create the first tables.
  await withStoreLock(db, 'xmdd:migrate', () => migrate(db));
  return db;
}

export async function storeId(db: Db): Promise<string> {
  return (await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'store_id'"))[0].value;
}
