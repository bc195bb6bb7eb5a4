// Writes a new campaign year with its groups, and the units and leaders it names (shared across years).
import type { Yuan } from '../../shared/money.js';
import type { Campaign, LeaderRank, Level } from '../../shared/types.js';
import { insertMany } from './bulk.js';
import { activateCampaign, insertCampaign } from './campaigns.js';
import type { Queryable } from './db.js';

export interface CampaignYear {
  campaign: Omit<Campaign, 'id'>;
  domains: { code: string; name: string; target: Yuan; periodTarget?: Yuan | null }[];
  levels: Level[];
  /** The year it was rolled over from (年度结转). */
  rolledFrom?: number;
  units: string[];
  leaders: { name: string; title: string; rank: LeaderRank }[];
  /** Make it the year every endpoint works on. */
  activate: boolean;
}

export interface WrittenYear {
  campaignId: number;
  /** Domain code → id */
  domainId: Map<string, number>;
  /** Unit and leader name → id, for every unit and leader in the store. */
  unitId: Map<string, number>;
  leaderId: Map<string, number>;
}

export async function insertCampaignYear(q: Queryable, y: CampaignYear): Promise<WrittenYear> {
  const campaignId = await insertCampaign(q, y.campaign, y.rolledFrom ?? null);
  if (y.activate) await activateCampaign(q, campaignId);
  const domainRows = await insertMany(
    q, 'domains', ['campaign_id', 'code', 'name', 'target', 'period_target', 'sort_order'],
    y.domains.map((d, i) => [campaignId, d.code, d.name, d.target, d.periodTarget ?? null, i]), { returning: 'id, code' },
  );
  if (y.levels.length) {
    await insertMany(q, 'levels', ['campaign_id', 'code', 'name', 'planned_count', 'planned_annual', 'period_target', 'sort_order'],
      y.levels.map((l, i) => [campaignId, l.code, l.name, l.plannedCount, l.plannedAnnual, l.periodTarget ?? null, i]));
  }
  return {
    campaignId,
    domainId: new Map(domainRows.map((r) => [r.code as string, r.id as number])),
    unitId: await upsertNames(q, 'units', y.units.map((name) => [name]), ['name']),
    leaderId: await upsertNames(q, 'leaders', y.leaders.map((l) => [l.name, l.title, l.rank]), ['name', 'title', 'rank']),
  };
}

/** Inserts named rows that do not exist yet; returns name → id for all of them. */
async function upsertNames(q: Queryable, table: 'units' | 'leaders', rows: unknown[][], columns: string[]) {
  await insertMany(q, table, columns, rows, { onConflict: '(name) DO NOTHING' });
  const all = await q.query<{ id: number; name: string }>(`SELECT id, name FROM ${table}`);
  return new Map(all.map((r) => [r.name, r.id]));
}
