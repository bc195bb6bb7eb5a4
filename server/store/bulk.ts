import type { Queryable } from './db.js';

/** Multi-row INSERT in chunks (PostgreSQL allows at most 65,535 parameters per statement). */
export async function insertMany(
  q: Queryable,
  table: string,
  columns: string[],
  rows: unknown[][],
  opts: { returning?: string; onConflict?: string } = {},
): Promise<Record<string, unknown>[]> {
  const chunk = Math.max(1, Math.floor(60_000 / columns.length));
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const tuples = part.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}` +
      (opts.onConflict ? ` ON CONFLICT ${opts.onConflict}` : '') +
      (opts.returning ? ` RETURNING ${opts.returning}` : '');
    out.push(...(await q.query(sql, params)));
  }
  return out;
}
