import type { Alert, DispatchLevel } from '../../shared/types.js';
import type { LagHit } from '../domain/ledger.js';
import { inChunks, insertColumns } from './bulk.js';
import type { Queryable } from './db.js';

/** Rows per statement of the bulk alert writes (bounded so one statement never stalls the event loop for long). */
const CHUNK = 2_000;

const SELECT = `SELECT a.id, a.project_id AS "projectId", p.name AS project, u.name AS unit, p.unit_id AS "unitId", l.name AS leader,
  a.rule, a.severity, a.text, a.state, a.level, a.raised_at AS "raisedAt", a.cleared_at AS "clearedAt",
  a.acknowledgement, a.acknowledged_by AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt",
  a.letter_id AS "letterId", lt.doc_number AS "letterNumber"
  FROM alerts a JOIN projects p ON p.id = a.project_id JOIN units u ON u.id = p.unit_id
  LEFT JOIN leaders l ON l.id = p.leader_id LEFT JOIN letters lt ON lt.id = a.letter_id`;

export async function listOpenAlerts(q: Queryable, campaignId: number): Promise<Alert[]> {
  return q.query<Alert>(`${SELECT} WHERE a.campaign_id = $1 AND a.state <> 'cleared' ORDER BY a.id`, [campaignId]);
}

/** One project's alerts: the open ones (a wall card), or also the cleared ones (a month-end card: open then, cleared since). */
export async function listProjectAlerts(q: Queryable, projectId: number, f: { includeCleared: boolean }): Promise<Alert[]> {
  return q.query<Alert>(`${SELECT} WHERE a.project_id = $1 AND ($2 OR a.state <> 'cleared') ORDER BY a.id DESC LIMIT 200`, [projectId, f.includeCleared]);
}

/** Alerts for the console and API clients: every open one, and with includeCleared the cleared ones too. */
export async function listAlerts(q: Queryable, campaignId: number, f: { unitId?: number; includeCleared: boolean }): Promise<Alert[]> {
  return q.query<Alert>(
    `${SELECT} WHERE a.campaign_id = $1 AND ($2::int IS NULL OR p.unit_id = $2) AND ($3 OR a.state <> 'cleared')
     ORDER BY a.state = 'cleared', a.level DESC, a.id DESC`,
    [campaignId, f.unitId ?? null, f.includeCleared],
  );
}

export async function getAlert(q: Queryable, id: number): Promise<Alert | null> {
  return (await q.query<Alert>(`${SELECT} WHERE a.id = $1`, [id]))[0] ?? null;
}

/** The alerts of the given ids, in the order of the ids. */
export async function getAlerts(q: Queryable, ids: number[]): Promise<Alert[]> {
  const byId = new Map<number, Alert>();
  await inChunks(ids, CHUNK * 5, async (part) => {
    for (const a of await q.query<Alert>(`${SELECT} WHERE a.id = ANY($1::int[])`, [part])) byId.set(a.id, a);
  });
  return ids.map((id) => byId.get(id)!);
}

/** Raises one alert per hit (in bulk); returns their ids in the order of the hits. */
export async function insertAlerts(q: Queryable, campaignId: number, hits: LagHit[], at: string): Promise<number[]> {
  if (!hits.length) return [];
  const rows = await insertColumns(
    q, 'alerts',
    [['campaign_id', 'int'], ['project_id', 'int'], ['rule', 'text'], ['severity', 'text'], ['text', 'text'], ['state', 'text'], ['raised_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    hits.map((h) => [campaignId, h.projectId, h.rule, h.severity, h.text, 'raised', at, at]),
    { returning: 'id, project_id AS "projectId", rule', chunkRows: CHUNK },
  );
  // One open alert per (project, rule): the key finds each hit's row whatever order RETURNING gives.
  const ids = new Map(rows.map((r) => [`${r.projectId}|${r.rule}`, r.id as number]));
  return hits.map((h) => ids.get(`${h.projectId}|${h.rule}`)!);
}

export async function clearAlerts(q: Queryable, ids: number[], at: string): Promise<void> {
  await inChunks(ids, CHUNK * 5, async (part) => {
    await q.query(`UPDATE alerts SET state = 'cleared', cleared_at = $2, updated_at = $2 WHERE id = ANY($1::int[])`, [part, at]);
  });
}

/** Rewrites the severity and text of open alerts (in bulk). */
export async function updateAlerts(q: Queryable, changes: { id: number; hit: LagHit }[], at: string): Promise<void> {
  await inChunks(changes, CHUNK, async (part) => {
    await q.query(
      `UPDATE alerts a SET severity = v.severity, text = v.text, updated_at = $4
       FROM unnest($1::int[], $2::text[], $3::text[]) AS v(id, severity, text) WHERE a.id = v.id`,
      [part.map((c) => c.id), part.map((c) => c.hit.severity), part.map((c) => c.hit.text), at],
    );
  });
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
