import type { CampaignInfo } from '../../shared/campaigns.js';
import { DEFAULT_SETTINGS, type Campaign } from '../../shared/types.js';
import type { Queryable } from './db.js';

const COLUMNS = `id, county, year, title, first_year AS "firstYear", last_year AS "lastYear",
  to_char(frozen_today, 'YYYY-MM-DD') AS "frozenToday", settings`;

function withDefaults(row: Campaign | undefined): Campaign | null {
  // Settings added after a campaign was stored take their defaults.
  return row ? { ...row, settings: { ...DEFAULT_SETTINGS, ...row.settings } } : null;
}

export async function getActiveCampaign(q: Queryable): Promise<Campaign | null> {
  const rows = await q.query<Campaign>(`SELECT ${COLUMNS} FROM campaigns WHERE active ORDER BY id DESC LIMIT 1`);
  return withDefaults(rows[0]);
}

export async function getCampaign(q: Queryable, id: number): Promise<Campaign | null> {
  const rows = await q.query<Campaign>(`SELECT ${COLUMNS} FROM campaigns WHERE id = $1`, [id]);
  return withDefaults(rows[0]);
}

export async function listCampaigns(q: Queryable): Promise<CampaignInfo[]> {
  return q.query<CampaignInfo>(
    `SELECT id, county, title, year, first_year AS "firstYear", last_year AS "lastYear", active,
       EXISTS (SELECT 1 FROM campaigns n WHERE n.rolled_from = c.id) AS "rolledOver"
     FROM campaigns c ORDER BY county, year`,
  );
}

export async function campaignOfYear(q: Queryable, county: string, year: number): Promise<number | null> {
  const rows = await q.query<{ id: number }>('SELECT id FROM campaigns WHERE county = $1 AND year = $2', [county, year]);
  return rows[0]?.id ?? null;
}

export async function newestYear(q: Queryable, county: string): Promise<number | null> {
  const rows = await q.query<{ year: number | null }>('SELECT max(year) AS year FROM campaigns WHERE county = $1', [county]);
  return rows[0]?.year ?? null;
}

/** The year this one was rolled over into (年度结转), if it was. */
export async function successorOf(q: Queryable, campaignId: number): Promise<number | null> {
  const rows = await q.query<{ id: number }>('SELECT id FROM campaigns WHERE rolled_from = $1', [campaignId]);
  return rows[0]?.id ?? null;
}

/** The campaign year a project belongs to. */
export async function campaignOfProject(q: Queryable, projectId: number): Promise<Campaign | null> {
  const rows = await q.query<{ id: number }>('SELECT campaign_id AS id FROM projects WHERE id = $1', [projectId]);
  return rows[0] ? getCampaign(q, rows[0].id) : null;
}

/** Makes one campaign year the one every endpoint works on (a deployment serves one at a time). */
export async function activateCampaign(q: Queryable, campaignId: number): Promise<void> {
  await q.query('UPDATE campaigns SET active = (id = $1) WHERE active OR id = $1', [campaignId]);
}

export async function currentVersion(q: Queryable, campaignId: number): Promise<number> {
  const rows = await q.query<{ version: number }>('SELECT version FROM campaigns WHERE id = $1', [campaignId]);
  return rows[0]?.version ?? 0;
}

/** Locks the campaign's row for the rest of the transaction; false when there is no such campaign. */
export async function lockCampaign(q: Queryable, id: number): Promise<boolean> {
  return (await q.query<{ id: number }>('SELECT id FROM campaigns WHERE id = $1 FOR UPDATE', [id])).length > 0;
}

/** The current version, read FOR SHARE: writers (who bump it first) wait until the transaction ends. */
export async function lockVersion(q: Queryable, campaignId: number): Promise<number> {
  const [{ version }] = await q.query<{ version: number }>('SELECT version FROM campaigns WHERE id = $1 FOR SHARE', [campaignId]);
  return version;
}

/** Takes the campaign's row lock for the rest of the transaction and returns the next version. */
/** Every campaign's version moves on: a change every year's figures show (a unit renamed) was made. */
export async function bumpEveryVersion(q: Queryable): Promise<void> {
  await q.query('UPDATE campaigns SET version = version + 1');
}

export async function bumpVersion(q: Queryable, campaignId: number): Promise<number> {
  const rows = await q.query<{ version: number }>(
    'UPDATE campaigns SET version = version + 1 WHERE id = $1 RETURNING version',
    [campaignId],
  );
  return rows[0].version;
}

/** Inserts an inactive campaign year; activateCampaign makes it current. */
export async function insertCampaign(q: Queryable, c: Omit<Campaign, 'id'>, rolledFrom: number | null = null): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO campaigns (county, year, first_year, last_year, title, frozen_today, settings, active, rolled_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8) RETURNING id`,
    [c.county, c.year, c.firstYear, c.lastYear, c.title, c.frozenToday, JSON.stringify(c.settings), rolledFrom],
  );
  return rows[0].id;
}

export async function setSettings(q: Queryable, campaignId: number, settings: Campaign['settings']): Promise<void> {
  await q.query('UPDATE campaigns SET settings = $2 WHERE id = $1', [campaignId, JSON.stringify(settings)]);
}
