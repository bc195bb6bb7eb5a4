// npm run restore -- FILE [--force]: loads a backup (GET /api/admin/backup) into the store named by
// DATABASE_URL or DATA_DIR, which must be empty unless --force (which drops every table first).
// Stop the server before restoring; start it again afterwards.
import { mkdirSync, readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { dropAllTables, parseBackup, restoreStore, RestoreError } from './store/backup.js';
import { type Db, openPglite, openPostgres } from './store/db.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
if (files.length !== 1) {
  console.error('用法 / usage: npm run restore -- <备份文件.jsonl> [--force]');
  process.exit(2);
}

const config = loadConfig();
const target = config.DATABASE_URL ? `PostgreSQL ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}` : `PGlite ${config.DATA_DIR}`;
let db: Db | null = null;
try {
  const backup = parseBackup(readFileSync(files[0], 'utf8'));
  if (config.DATABASE_URL) {
    db = await openPostgres(config.DATABASE_URL, { maxAttempts: 3 });
  } else {
    mkdirSync(config.DATA_DIR, { recursive: true });
    db = await openPglite(config.DATA_DIR);
  }
  if (force) await dropAllTables(db);
  const counts = await restoreStore(db, backup);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`已恢复 / restored ${files[0]} (${backup.header.createdAt}) → ${target}: ${Object.keys(counts).length} 张表 ${rows} 行`);
  for (const [table, n] of Object.entries(counts)) if (n) console.log(`  ${table}: ${n}`);
} catch (err) {
  console.error(`恢复失败 / restore failed: ${err instanceof RestoreError || err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await db?.close();
}
