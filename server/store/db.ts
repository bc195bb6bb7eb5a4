// One query interface over PGlite (embedded default) and PostgreSQL (DATABASE_URL).
// Repositories take a Queryable, so the same code runs inside or outside a transaction.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMPTZ = 1184;

/** int8 → number, refusing anything that is not a safe integer (money must stay exact). */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${text} exceeds the safe integer range`);
  return n;
}

/** timestamptz text ("2020-11-05 10:00:00.123+00") → ISO string. */
function parseTimestamp(text: string): string {
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso).toISOString();
}

const parsers: Record<number, (text: string) => unknown> = {
  [INT8]: parseInt8,
  [NUMERIC]: (t) => t,
  [DATE]: (t) => t,
  [TIMESTAMPTZ]: parseTimestamp,
};

export async function openPglite(dataDir?: string): Promise<Db> {
  const db = await PGlite.create(dataDir, { parsers });
  // The embedded store runs in this process: one statement at a time, so transactions serialize.
  const q: Queryable = { query: async (sql, params) => (await db.query<never>(sql, params)).rows };
  return {
    kind: 'pglite',
    query: q.query,
    tx: (fn) => db.transaction((t) => fn({ query: async (sql, params) => (await t.query<never>(sql, params)).rows })),
    close: () => db.close(),
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: '-c TimeZone=UTC',
    types: { getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
  });
  // An idle connection dropped by the server (restart, admin shutdown) must not crash the process;
  // the pool replaces it and the next query reports any lasting outage.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // One connection runs one statement at a time; queue callers that issue several at once.
        let tail: Promise<unknown> = Promise.resolve();
        const query = <T>(sql: string, params?: unknown[]) => {
          const run = tail.then(() => client.query(sql, params as unknown[]));
          tail = run.catch(() => undefined);
          return run.then((r) => r.rows as T[]);
        };
        const result = await fn({ query });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
