// Taking turns between server processes sharing one PostgreSQL: start-up steps and the daily refresh.
import type { Db, Queryable } from './db.js';

/**
 * Runs fn while holding the advisory lock `name` (a transaction-level lock on a connection of its own,
 * released at its end or when the process dies), so processes started together take turns. PGlite
 * belongs to one process: fn simply runs.
 */
export async function withStoreLock<T>(db: Db, name: string, fn: () => Promise<T>): Promise<T> {
  if (db.kind === 'pglite') return fn();
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
    return fn();
  });
}

/**
 * Marks the daily refresh of `day` as done, inside the refresh's transaction: true for the first
 * process to ask, false for the others (they wait on the row until the first commits, then see it).
 * Any other day claims it, an earlier one too: a product date set back (TODAY, a restored store)
 * must still get its refresh rather than wait for the date it had reached.
 */
export async function claimDailyRefresh(q: Queryable, day: string): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO meta (key, value) VALUES ('daily_refresh', $1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE meta.value <> EXCLUDED.value
     RETURNING 1`,
    [day],
  );
  return rows.length > 0;
}
