// One query interface over PGlite (embedded default) and PostgreSQL (DATABASE_URL).
// Repositories take a Queryable, so the same code runs inside or outside a transaction.
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs fn in one transaction that sees one consistent state of every table (REPEATABLE READ). */
  snapshot<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Whether the store answers now (PostgreSQL: a SELECT 1 within a few seconds; PGlite is in-process). */
  ping(): Promise<boolean>;
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

const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?\+00$/;

/**
 * timestamptz text ("2020-11-05 10:00:00.123+00") → ISO string. A UTC session's text (PGlite's) is
 * rewritten without a Date, ten times faster: a province's ledger reads some 150,000 of them.
 */
export function parseTimestamp(text: string): string {
  const utc = UTC_TIMESTAMP.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').slice(0, 3).padEnd(3, '0')}Z`;
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
    // PGlite runs one transaction at a time: every transaction already sees one consistent state.
    snapshot: (fn) => db.transaction((t) => fn({ query: async (sql, params) => (await t.query<never>(sql, params)).rows })),
    ping: async () => !db.closed,
    close: () => db.close(),
  };
}

/** The store cannot be reached (connection refused, lost or shut down): the request may be retried later. */
export class StoreUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether a PostgreSQL client error means the connection (not the statement) failed. */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && (CONNECTION_CODES.has(e.code) || NETWORK_CODES.has(e.code))) return true;
  return /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable/i.test(e.message ?? '');
}

const unavailable = (err: unknown) => (isConnectionError(err) ? new StoreUnavailableError(err) : err);

/** Reads are safe to run again on a new connection; a write whose connection died may have committed. */
const READ_ONLY = /^\s*(SELECT|SHOW)\b/i;

export interface PostgresOptions {
  /** Called on each failed first connection, before waiting `delayMs` for the next try. */
  onWait?: (attempt: number, delayMs: number, err: Error) => void;
  /** Give up after this many failed first connections (default: keep trying). */
  maxAttempts?: number;
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  // Loaded only for PostgreSQL: the embedded default starts without it.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: '-c TimeZone=UTC',
    // A dead server must not hold requests for the OS's TCP timeout.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    types: { getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
  });
  // An idle connection dropped by the server (restart, failover, pg_terminate_backend) must not crash
  // the process; the pool replaces it and the next query reports any lasting outage.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  // At start, wait for the database (it may still be starting, or restarting under systemd).
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      break;
    } catch (err) {
      if (!isConnectionError(err) || attempt >= (opts.maxAttempts ?? Infinity)) {
        await pool.end().catch(() => undefined);
        throw err;
      }
      const delayMs = Math.min(30_000, 1_000 * 2 ** Math.min(attempt - 1, 5));
      opts.onWait?.(attempt, delayMs, err as Error);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }

  async function query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    try {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    } catch (err) {
      if (!isConnectionError(err) || !READ_ONLY.test(sql)) throw unavailable(err);
      // The connection went away under a read: once more on a fresh one.
      try {
        return (await pool.query(sql, params as unknown[])).rows as T[];
      } catch (again) {
        throw unavailable(again);
      }
    }
  }

  async function connect(): Promise<pg.PoolClient> {
    try {
      return await pool.connect();
    } catch (err) {
      throw unavailable(err);
    }
  }

  /** A pooled connection inside BEGIN, listened to while it is checked out. */
  async function begin(statement: string) {
    const client = await connect();
    // While checked out the pool listens no more: a connection killed mid-transaction emits 'error'
    // on the client, which would end the process without a listener. The failing query reports it.
    const state: { broken: Error | null } = { broken: null };
    const onError = (err: Error) => {
      state.broken = err;
    };
    client.on('error', onError);
    try {
      await client.query(statement);
      return { client, state, onError };
    } catch (err) {
      client.removeListener('error', onError);
      client.release(err as Error);
      throw unavailable(err);
    }
  }

  async function runTx<T>(fn: (q: Queryable) => Promise<T>, statement: string): Promise<T> {
    // A connection that failed before BEGIN ran nothing: take another once.
    const { client, state, onError } = await begin(statement).catch((err) => {
      if (err instanceof StoreUnavailableError) return begin(statement);
      throw err;
    });
    // One connection runs one statement at a time; queue callers that issue several at once.
    let tail: Promise<unknown> = Promise.resolve();
    const q = <R>(sql: string, params?: unknown[]) => {
      const run = tail.then(() => client.query(sql, params as unknown[]));
      tail = run.catch(() => undefined);
      return run.then((r) => r.rows as R[]);
    };
    let failed: Error | null = null;
    try {
      const result = await fn({ query: q });
      await q('COMMIT');
      return result;
    } catch (err) {
      if (state.broken || isConnectionError(err)) failed = state.broken ?? (err as Error);
      else await q('ROLLBACK').catch(() => undefined);
      throw unavailable(err);
    } finally {
      client.removeListener('error', onError);
      // A broken connection is destroyed, not returned to the pool.
      client.release(failed ?? undefined);
    }
  }

  return {
    kind: 'postgres',
    query,
    tx: (fn) => runTx(fn, 'BEGIN'),
    snapshot: (fn) => runTx(fn, 'BEGIN ISOLATION LEVEL REPEATABLE READ'),
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), 3_000);
      });
      // An idle connection killed a moment ago fails once; a second try takes a fresh one.
      const once = () => pool.query('SELECT 1').then(() => true, () => false);
      const answer = once().then((ok) => ok || once());
      try {
        return await Promise.race([answer, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}
