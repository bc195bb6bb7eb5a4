// Applies the numbered migrations in order, once each, recording them in schema_migrations.
import type { Db } from './db.js';
import initial from './migrations/001_initial.js';
import accounts from './migrations/002_accounts.js';
import alerts from './migrations/003_alerts.js';
import problems from './migrations/004_problems.js';
import countyMaps from './migrations/005_county_maps.js';
import presentation from './migrations/006_presentation.js';
import campaignYears from './migrations/007_campaign_years.js';
import openingBalances from './migrations/008_opening_balances.js';
import notify from './migrations/010_notify.js';
import problemDueHistory from './migrations/011_problem_due_history.js';
import rollover from './migrations/012_rollover.js';

const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'accounts', sql: accounts },
  { version: 3, name: 'alerts', sql: alerts },
  { version: 4, name: 'problems', sql: problems },
  { version: 5, name: 'county_maps', sql: countyMaps },
  { version: 6, name: 'presentation', sql: presentation },
  { version: 7, name: 'campaign_years', sql: campaignYears },
  { version: 8, name: 'opening_balances', sql: openingBalances },
  { version: 10, name: 'notify', sql: notify },
  { version: 11, name: 'problem_due_history', sql: problemDueHistory },
  { version: 12, name: 'rollover', sql: rollover },
];

/** The versions this program knows, in order. */
export const MIGRATION_VERSIONS: readonly number[] = MIGRATIONS.map((m) => m.version);

/** Applies the pending migrations, or only those among `only` (a restore rebuilds a backup's schema first). */
export async function migrate(db: Db, only?: readonly number[]): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version) || (only && !only.includes(m.version))) continue;
    await db.tx(async (q) => {
      // Serialize concurrent starters on PostgreSQL; the second one finds the row and skips.
      await q.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const again = await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (again.length) return;
      for (const statement of splitStatements(m.sql)) await q.query(statement);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}

/** Migrations hold plain DDL without functions, so splitting on semicolons is safe. */
function splitStatements(sql: string): string[] {
  return sql.split(';').map((s) => s.trim()).filter(Boolean);
}
