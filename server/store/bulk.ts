import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Queryable } from './db.js';

/**
 * Multi-row INSERT in chunks (PostgreSQL allows at most 65,535 parameters per statement), yielding to
 * the event loop between chunks: on embedded PGlite each statement runs on the main thread, so a
 * bounded chunk keeps health checks and socket heartbeats answered during a large write.
 */
export async function insertMany(
  q: Queryable,
  table: string,
  columns: string[],
  rows: unknown[][],
  opts: { returning?: string; onConflict?: string; chunkRows?: number } = {},
): Promise<Record<string, unknown>[]> {
  const chunk = Math.max(1, Math.min(opts.chunkRows ?? Infinity, Math.floor(60_000 / columns.length)));
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    if (i > 0) await yieldToLoop();
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const tuples = part.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}` +
      (opts.onConflict ? ` ON CONFLICT ${opts.onConflict}` : '') +
      (opts.returning ? ` RETURNING ${opts.returning}` : '');
    const result = await q.query(sql, params);
    for (const r of result) out.push(r);
  }
  return out;
}

/** A column of insertColumns: its name and SQL type (`text[]` and `jsonb` columns take JSON text). */
export type Column = [name: string, type: string];

/**
 * Multi-row INSERT with one array parameter per column (INSERT … SELECT FROM unnest(…)): a statement
 * carries a handful of parameters however many rows it writes, which PGlite parses about twice as
 * fast as a VALUES list of the same rows. Values of a `text[]` column are JS string arrays and of a
 * `jsonb` column JSON text (or null). Chunked, with a turn of the event loop between chunks.
 */
export async function insertColumns(
  q: Queryable,
  table: string,
  columns: Column[],
  rows: unknown[][],
  opts: { returning?: string; onConflict?: string; chunkRows?: number } = {},
): Promise<Record<string, unknown>[]> {
  const names = columns.map(([name]) => name);
  const params = columns.map(([, type], i) => `$${i + 1}::${type === 'text[]' || type === 'jsonb' ? 'text' : type}[]`);
  const values = columns.map(([name, type]) =>
    type === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(v.${name}::jsonb))` : type === 'jsonb' ? `v.${name}::jsonb` : `v.${name}`);
  const sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${values.join(', ')} FROM unnest(${params.join(', ')}) AS v(${names.join(', ')})` +
    (opts.onConflict ? ` ON CONFLICT ${opts.onConflict}` : '') +
    (opts.returning ? ` RETURNING ${opts.returning}` : '');
  const out: Record<string, unknown>[] = [];
  await inChunks(rows, opts.chunkRows ?? 2_000, async (part) => {
    const arrays = columns.map(([, type], i) => part.map((row) => (type === 'text[]' ? JSON.stringify(row[i]) : row[i])));
    const result = await q.query(sql, arrays);
    for (const r of result) out.push(r);
  });
  return out;
}

/** Runs fn over consecutive slices of items, yielding to the event loop between them. */
export async function inChunks<T>(items: readonly T[], size: number, fn: (part: T[]) => Promise<void> | void): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await yieldToLoop();
    await fn(items.slice(i, i + size));
  }
}

/**
 * The same queries, run one after another with a turn of the event loop before each. Embedded PGlite
 * runs every statement on the main thread and resolves its queued queries in microtasks, so a long
 * write of many statements would otherwise never let a health check or socket heartbeat through.
 * Order is kept (a transaction's statements run one at a time anyway); costs a few µs per statement.
 */
export function yielding(q: Queryable): Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const run = tail.then(() => yieldToLoop()).then(() => q.query<T>(sql, params));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
