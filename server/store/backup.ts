// A portable logical dump of the whole store, the same on PGlite and PostgreSQL: every table's rows as
// JSON text produced by the database itself (exact numbers, dates and timestamps, no JS parsing),
// read in one consistent transaction; and its restore into an empty store of either kind.
//
// The file is JSON Lines: a header line, then one line per table: {"table":"…","rows":[…]}.
import type { Db, Queryable } from './db.js';
import { migrate, MIGRATION_VERSIONS } from './migrate.js';

export const BACKUP_FORMAT = 'xmdd-backup';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  store: 'pglite' | 'postgres';
  /** The migrations applied to the dumped store. */
  migrations: number[];
  tables: Record<string, number>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The store's tables (the current schema), bookkeeping included. */
async function tableNames(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

async function primaryKey(q: Queryable, table: string): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)],
  );
  return rows.map((r) => r.name);
}

/** One table's rows as JSON text, ordered by primary key (or whole row), so equal stores dump alike. */
async function tableJson(q: Queryable, table: string): Promise<{ json: string; count: number }> {
  const key = await primaryKey(q, table);
  const order = key.length ? key.map((k) => `t.${ident(k)}`).join(', ') : 't::text';
  const rows = await q.query<{ json: string; count: number }>(
    `SELECT COALESCE(jsonb_agg(to_jsonb(t) ORDER BY ${order}), '[]'::jsonb)::text AS json, count(*)::int8 AS count FROM ${ident(table)} t`,
  );
  return rows[0];
}

/** Every table of the store in one consistent read, as the lines of a backup file. */
export async function dumpStore(db: Db, at: Date): Promise<{ header: BackupHeader; lines: string[] }> {
  return db.snapshot(async (q) => dumpWith(q, db.kind, at));
}

/** The dump inside a transaction the caller holds (it may have written its own audit row first). */
export async function dumpWith(q: Queryable, kind: Db['kind'], at: Date): Promise<{ header: BackupHeader; lines: string[] }> {
  const migrations = (await q.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: 1, createdAt: at.toISOString(), store: kind, migrations, tables: {} };
  const lines: string[] = [];
  for (const table of await tableNames(q)) {
    if (table === 'schema_migrations') continue;
    const { json, count } = await tableJson(q, table);
    header.tables[table] = count;
    lines.push(`{"table":${JSON.stringify(table)},"rows":${json}}`);
  }
  return { header, lines: [JSON.stringify(header), ...lines] };
}

/** The file name of a backup taken at a moment: xmdd-backup-20201120-103000.jsonl (China time). */
export function backupFileName(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `xmdd-backup-${china.slice(0, 10).replace(/-/g, '')}-${china.slice(11, 19).replace(/:/g, '')}.jsonl`;
}

export class RestoreError extends Error {}

/** Parses a backup file into its header and each table's rows (still as JSON text). */
export function parseBackup(text: string): { header: BackupHeader; tables: Map<string, string> } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let header: BackupHeader;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    throw new RestoreError('不是有效的备份文件（首行不是备份说明）');
  }
  if (header?.format !== BACKUP_FORMAT || header.formatVersion !== 1) throw new RestoreError('不是本系统的备份文件，或备份格式版本不受支持');
  const tables = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const m = line.match(/^\{"table":("(?:[^"\\]|\\.)*"),"rows":/);
    if (!m || !line.endsWith('}')) throw new RestoreError('备份文件已损坏（表数据行格式不正确）');
    tables.set(JSON.parse(m[1]) as string, line.slice(m[0].length, -1));
  }
  for (const [name, count] of Object.entries(header.tables)) {
    if (!tables.has(name)) throw new RestoreError(`备份文件不完整：缺少表 ${name}（应有 ${count} 行）`);
  }
  return { header, tables };
}

/** Rows the migrations themselves write (the store's identity), not data. */
const BOOKKEEPING = new Set(['schema_migrations', 'meta']);

/** Whether the store holds no data (a new data folder or database, or one only migrated). */
export async function storeIsEmpty(q: Queryable): Promise<boolean> {
  for (const table of await tableNames(q)) {
    if (BOOKKEEPING.has(table)) continue;
    const rows = await q.query(`SELECT 1 FROM ${ident(table)} LIMIT 1`);
    if (rows.length) return false;
  }
  return true;
}

/** Drops every table of the store (restore --force). */
export async function dropAllTables(db: Db): Promise<void> {
  const tables = await tableNames(db);
  if (tables.length) await db.query(`DROP TABLE IF EXISTS ${tables.map(ident).join(', ')} CASCADE`);
}

/** Tables in an order where every referenced table comes before the tables referring to it. */
async function insertOrder(q: Queryable, tables: string[]): Promise<string[]> {
  const edges = await q.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const bare = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (bare(e.child) !== bare(e.parent)) parents.get(bare(e.child))?.add(bare(e.parent));
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t)) return;
    if (path.has(t)) throw new RestoreError(`表之间存在循环引用（${[...path].join(' → ')}），无法确定恢复顺序`);
    path.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p, path);
    path.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/**
 * Restores a parsed backup into an empty store: migrates it to the backup's schema version, loads
 * every table in one transaction, moves each id sequence past its rows, then applies any newer
 * migrations. Returns the row count per table.
 */
export async function restoreStore(db: Db, backup: { header: BackupHeader; tables: Map<string, string> }): Promise<Record<string, number>> {
  const unknown = backup.header.migrations.filter((v) => !MIGRATION_VERSIONS.includes(v));
  if (unknown.length) throw new RestoreError(`备份来自更新的版本（数据库迁移 ${unknown.join('、')} 本程序没有），请先升级程序`);
  if (!(await storeIsEmpty(db))) throw new RestoreError('目标数据库不是空的：请换一个空的数据目录或数据库，或加 --force 覆盖');
  await migrate(db, backup.header.migrations);
  const present = await tableNames(db);
  const missing = [...backup.tables.keys()].filter((t) => !present.includes(t));
  if (missing.length) throw new RestoreError(`备份中的表在本程序的数据库结构中不存在：${missing.join('、')}`);
  const counts: Record<string, number> = {};
  await db.tx(async (q) => {
    const order = await insertOrder(q, [...backup.tables.keys()]);
    // What the migrations wrote (the store's identity) gives way to the backup's rows.
    for (const table of [...order].reverse()) await q.query(`DELETE FROM ${ident(table)}`);
    for (const table of order) {
      const json = backup.tables.get(table)!;
      const inserted = await q.query<{ n: number }>(
        `WITH i AS (INSERT INTO ${ident(table)} SELECT * FROM jsonb_populate_recordset(NULL::${ident(table)}, $1::jsonb) RETURNING 1)
         SELECT count(*)::int8 AS n FROM i`,
        [json],
      );
      counts[table] = inserted[0].n;
      if (counts[table] !== backup.header.tables[table]) {
        throw new RestoreError(`表 ${table} 恢复了 ${counts[table]} 行，备份说明为 ${backup.header.tables[table]} 行`);
      }
    }
    // serial / bigserial ids continue after the restored rows.
    const serials = await q.query<{ table: string; column: string; seq: string }>(
      `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      if (!s.seq) continue;
      await q.query(
        `SELECT setval($1, COALESCE((SELECT max(${ident(s.column)}) FROM ${ident(s.table)}), 0) + 1, false)`,
        [s.seq],
      );
    }
  });
  await migrate(db);
  return counts;
}
