import type { Alert, DispatchLevel } from '../../shared/types.js';
import type { LagHit } from '../domain/ledger.js';
import type { Queryable } from './db.js';

const SELECT = `SELECT a.id, a.project_id AS "projectId", p.name AS project, u.name AS unit, p.unit_id AS "unitId", l.name AS leader,
  a.rule, a.severity, a.text, a.state, a.level, a.raised_at AS "raisedAt", a.cleared_at AS "clearedAt",
  a.acknowledgement, a.acknowledged_by AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt",
  a.letter_id AS "letterId", lt.doc_number AS "letterNumber"
  FROM alerts a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = p.unit_id
  LEFT JOIN leaders l ON l.id = p.leader_id LEFT JOIN letters lt ON lt.id = a.letter_id`;

export async function listOpenAlerts(q: Queryable, campaignId: number): Promise<Alert[]> {
  return q.query<Alert>(`${SELECT} WHERE a.campaign_id = $1 AND a.state <> 'cleared' ORDER BY a.id`, [campaignId]);
}

/** Alerts for the console: open ones, or also the cleared ones of the last `days` days. */
export async function listAlerts(q: Queryable, campaignId: number, f: { unitId?: number; includeCleared: boolean }): Promise<Alert[]> {
  return q.query<Alert>(
    `${SELECT} WHERE a.campaign_id = $1 AND ($2::int IS NULL OR p.unit_id = $2) AND ($3 OR a.state <> 'cleared')
     ORDER BY a.state = 'cleared', a.level DESC, a.id DESC LIMIT 1000`,
    [campaignId, f.unitId ?? null, f.includeCleared],
  );
}

export async function getAlert(q: Queryable, id: number): Promise<Alert | null> {
  return (await q.query<Alert>(`${SELECT} WHERE a.id = $1`, [id]))[0] ?? null;
}

export async function raiseAlert(q: Queryable, campaignId: number, hit: LagHit, at: string): Promise<Alert> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO alerts (campaign_id, project_id, rule, severity, text, state, raised_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'raised', $6, $6) RETURNING id`,
    [campaignId, hit.projectId, hit.rule, hit.severity, hit.text, at],
  );
  return (await getAlert(q, id))!;
}

export async function clearAlert(q: Queryable, id: number, at: string): Promise<void> {
  await q.query(`UPDATE alerts SET state = 'cleared', cleared_at = $2, updated_at = $2 WHERE id = $1`, [id, at]);
}

export async function updateAlert(q: Queryable, id: number, hit: LagHit, at: string): Promise<Alert> {
  await q.query('UPDATE alerts SET severity = $2, text = $3, updated_at = $4 WHERE id = $1', [id, hit.severity, hit.text, at]);
  return (await getAlert(q, id))!;
}

export async function acknowledgeAlert(q: Queryable, id: number, text: string, by: string): Promise<void> {
  await q.query(
    `UPDATE alerts SET acknowledgement = $2, acknowledged_by = $3, acknowledged_at = now(), updated_at = now(),
       state = CASE WHEN state = 'raised' THEN 'acknowledged' ELSE state END
     WHERE id = $1`,
    [id, text, by],
  );
}

export async function attachLetter(q: Queryable, ids: number[], letterId: number): Promise<void> {
  await q.query(`UPDATE alerts SET letter_id = $2, state = 'letter_issued', updated_at = now() WHERE id = ANY($1::int[])`, [ids, letterId]);
}

export async function escalateAlert(q: Queryable, id: number, from: DispatchLevel, to: DispatchLevel, reason: string, actor: string): Promise<void> {
  await q.query('UPDATE alerts SET level = $2, updated_at = now() WHERE id = $1', [id, to]);
  await q.query('INSERT INTO alert_escalations (alert_id, from_level, to_level, reason, actor) VALUES ($1, $2, $3, $4, $5)', [id, from, to, reason, actor]);
}

export interface Escalation {
  fromLevel: DispatchLevel;
  toLevel: DispatchLevel;
  reason: string;
  actor: string;
  at: string;
}

export async function escalationsOf(q: Queryable, alertId: number): Promise<Escalation[]> {
  return q.query<Escalation>(
    'SELECT from_level AS "fromLevel", to_level AS "toLevel", reason, actor, at FROM alert_escalations WHERE alert_id = $1 ORDER BY id',
    [alertId],
  );
}
