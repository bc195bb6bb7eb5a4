import { TICKER_LIMIT, type TickerEvent, type TickerKind } from '../../shared/snapshot.js';
import { insertColumns } from './bulk.js';
import type { Queryable } from './db.js';

export interface NewEvent {
  version: number;
  kind: TickerKind;
  projectId: number;
  text: string;
  at: string;
}

const eventOf = (e: NewEvent): TickerEvent => ({ id: `${e.version}-${e.kind}-${e.projectId}`, at: e.at, kind: e.kind, projectId: e.projectId, text: e.text });

export async function insertEvent(
  q: Queryable,
  campaignId: number,
  e: NewEvent,
): Promise<TickerEvent> {
  await q.query('INSERT INTO events (campaign_id, version, kind, project_id, text, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    campaignId, e.version, e.kind, e.projectId, e.text, e.at,
  ]);
  return eventOf(e);
}

/** Writes many ticker events in one statement per chunk; returns them in the order given. */
export async function insertEvents(q: Queryable, campaignId: number, events: NewEvent[]): Promise<TickerEvent[]> {
  if (events.length) {
    await insertColumns(q, 'events', [['campaign_id', 'int'], ['version', 'int8'], ['kind', 'text'], ['project_id', 'int'], ['text', 'text'], ['at', 'timestamptz']],
      events.map((e) => [campaignId, e.version, e.kind, e.projectId, e.text, e.at]));
  }
  return events.map(eventOf);
}

/** The newest events by insertion (the table's id: a bare `id` would sort by the text id above, 99-… after 100-…). */
export async function recentEvents(q: Queryable, campaignId: number): Promise<TickerEvent[]> {
  return q.query<TickerEvent>(
    `SELECT version || '-' || kind || '-' || project_id AS id, at, kind, project_id AS "projectId", text
     FROM events WHERE campaign_id = $1 ORDER BY events.id DESC LIMIT ${TICKER_LIMIT}`,
    [campaignId],
  );
}
