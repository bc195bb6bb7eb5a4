import type { Alert } from '../../shared/types.js';
import type { LagHit } from '../domain/ledger.js';
import type { Queryable } from './db.js';

const SELECT = `SELECT a.id, a.project_id AS "projectId", p.name AS project, u.name AS unit, a.rule, a.severity, a.text,
  a.state, a.raised_at AS "raisedAt", a.cleared_at AS "clearedAt"
  FROM alerts a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = p.unit_id`;

export async function listOpenAlerts(q: Queryable, campaignId: number): Promise<Alert[]> {
  return q.query<Alert>(`${SELECT} WHERE a.campaign_id = $1 AND a.state <> 'cleared' ORDER BY a.id`, [campaignId]);
}

export async function raiseAlert(q: Queryable, campaignId: number, hit: LagHit, at: string): Promise<Alert> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO alerts (campaign_id, project_id, rule, severity, text, state, raised_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'raised', $6, $6) RETURNING id`,
    [campaignId, hit.projectId, hit.rule, hit.severity, hit.text, at],
  );
  return (await q.query<Alert>(`${SELECT} WHERE a.id = $1`, [id]))[0];
}

export async function clearAlert(q: Queryable, id: number, at: string): Promise<void> {
  await q.query(`UPDATE alerts SET state = 'cleared', cleared_at = $2, updated_at = $2 WHERE id = $1`, [id, at]);
}

export async function updateAlert(q: Queryable, id: number, hit: LagHit, at: string): Promise<Alert> {
  await q.query('UPDATE alerts SET severity = $2, text = $3, updated_at = $4 WHERE id = $1', [id, hit.severity, hit.text, at]);
  return (await q.query<Alert>(`${SELECT} WHERE a.id = $1`, [id]))[0];
}
