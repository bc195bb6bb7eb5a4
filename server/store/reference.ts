// Units, leaders, domains and levels: the small lists forms choose from.
import type { Domain, Leader, Level, Unit } from '../../shared/types.js';
import type { Queryable } from './db.js';

export async function listUnits(q: Queryable): Promise<Unit[]> {
  return q.query<Unit>('SELECT id, name FROM units ORDER BY name');
}

export async function getUnit(q: Queryable, id: number): Promise<Unit | null> {
  return (await q.query<Unit>('SELECT id, name FROM units WHERE id = $1', [id]))[0] ?? null;
}

export async function unitNameTaken(q: Queryable, name: string, exceptId: number | null = null): Promise<boolean> {
  return (await q.query('SELECT 1 FROM units WHERE name = $1 AND id IS DISTINCT FROM $2', [name, exceptId])).length > 0;
}

export async function insertUnit(q: Queryable, name: string): Promise<Unit> {
  return (await q.query<Unit>('INSERT INTO units (name) VALUES ($1) RETURNING id, name', [name]))[0];
}

export async function renameUnit(q: Queryable, id: number, name: string): Promise<Unit> {
  return (await q.query<Unit>('UPDATE units SET name = $2 WHERE id = $1 RETURNING id, name', [id, name]))[0];
}

export async function listLeaders(q: Queryable): Promise<Leader[]> {
  return q.query<Leader>('SELECT id, name, title, rank FROM leaders ORDER BY id');
}

export async function leaderExists(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM leaders WHERE id = $1', [id])).length > 0;
}

export async function listDomains(q: Queryable, campaignId: number): Promise<Domain[]> {
  return q.query<Domain>('SELECT id, code, name, target, period_target AS "periodTarget", sort_order AS "sortOrder" FROM domains WHERE campaign_id = $1 ORDER BY sort_order, id', [campaignId]);
}

export async function listLevels(q: Queryable, campaignId: number): Promise<Level[]> {
  return q.query<Level>(
    'SELECT code, name, planned_count AS "plannedCount", planned_annual AS "plannedAnnual", period_target AS "periodTarget" FROM levels WHERE campaign_id = $1 ORDER BY sort_order, code',
    [campaignId],
  );
}
