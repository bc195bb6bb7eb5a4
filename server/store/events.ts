import { TICKER_LIMIT, type TickerEvent, type TickerKind } from '../../shared/snapshot.js';
import type { Queryable } from './db.js';

export async function insertEvent(
  q: Queryable,
  campaignId: number,
  e: { version: number; kind: TickerKind; projectId: number; text: string; at: string },
): Promise<TickerEvent> {
  await q.query('INSERT INTO events (campaign_id, version, kind, project_id, text, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    campaignId, e.version, e.kind, e.projectId, e.text, e.at,
  ]);
  return { id: `${e.version}-${e.kind}-${e.projectId}`, at: e.at, kind: e.kind, projectId: e.projectId, text: e.text };
}

export async function recentEvents(q: Queryable, campaignId: number): Promise<TickerEvent[]> {
  return q.query<TickerEvent>(
    `SELECT version || '-' || kind || '-' || project_id AS id, at, kind, project_id AS "projectId", text
     FROM events WHERE campaign_id = $1 ORDER BY id DESC LIMIT ${TICKER_LIMIT}`,
    [campaignId],
  );
}
