import { DEFAULT_SETTINGS, type Campaign } from '../../shared/types.js';
import type { Queryable } from './db.js';

const COLUMNS = `id, county, year, title, to_char(frozen_today, 'YYYY-MM-DD') AS "frozenToday", settings`;

export async function getActiveCampaign(q: Queryable): Promise<Campaign | null> {
  const rows = await q.query<Campaign>(`SELECT ${COLUMNS} FROM campaigns WHERE active ORDER BY id DESC LIMIT 1`);
  // Settings added after a campaign was stored take their defaults.
  return rows[0] ? { ...rows[0], settings: { ...DEFAULT_SETTINGS, ...rows[0].settings } } : null;
}

export async function currentVersion(q: Queryable, campaignId: number): Promise<number> {
  const rows = await q.query<{ version: number }>('SELECT version FROM campaigns WHERE id = $1', [campaignId]);
  return rows[0]?.version ?? 0;
}

/** Takes the campaign's row lock for the rest of the transaction and returns the next version. */
export async function bumpVersion(q: Queryable, campaignId: number): Promise<number> {
  const rows = await q.query<{ version: number }>(
    'UPDATE campaigns SET version = version + 1 WHERE id = $1 RETURNING version',
    [campaignId],
  );
  return rows[0].version;
}

export async function insertCampaign(q: Queryable, c: Omit<Campaign, 'id'>): Promise<number> {
  const rows = await q.query<{ id: number }>(
    'INSERT INTO campaigns (county, year, title, frozen_today, settings) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [c.county, c.year, c.title, c.frozenToday, JSON.stringify(c.settings)],
  );
  return rows[0].id;
}

export async function setSettings(q: Queryable, campaignId: number, settings: Campaign['settings']): Promise<void> {
  await q.query('UPDATE campaigns SET settings = $2 WHERE id = $1', [campaignId, JSON.stringify(settings)]);
}
