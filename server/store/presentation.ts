// The campaign's meeting-mode session (one row per campaign) and the reads of the month-end snapshot.
import type { PresentationState } from '../../shared/presentation.js';
import type { TickerEvent } from '../../shared/snapshot.js';
import type { Queryable } from './db.js';

export interface PresentationRow {
  sessionId: number;
  seq: number;
  state: PresentationState | null;
}

/** The campaign's row, locked until the transaction ends so changes apply one at a time (created if missing). */
export async function lockPresentation(q: Queryable, campaignId: number): Promise<PresentationRow> {
  await q.query('INSERT INTO presentations (campaign_id) VALUES ($1) ON CONFLICT (campaign_id) DO NOTHING', [campaignId]);
  return (await q.query<PresentationRow>(
    'SELECT session_id AS "sessionId", seq, state FROM presentations WHERE campaign_id = $1 FOR UPDATE',
    [campaignId],
  ))[0];
}

export async function getPresentation(q: Queryable, campaignId: number): Promise<PresentationState | null> {
  return (await q.query<{ state: PresentationState | null }>('SELECT state FROM presentations WHERE campaign_id = $1', [campaignId]))[0]?.state ?? null;
}

/** The campaign's row as it stands (seq 0 and no session when none was ever started). */
export async function getPresentationRow(q: Queryable, campaignId: number): Promise<PresentationRow> {
  return (await q.query<PresentationRow>('SELECT session_id AS "sessionId", seq, state FROM presentations WHERE campaign_id = $1', [campaignId]))[0]
    ?? { sessionId: 0, seq: 0, state: null };
}

export async function savePresentation(q: Queryable, campaignId: number, row: PresentationRow): Promise<void> {
  await q.query('UPDATE presentations SET session_id = $2, seq = $3, state = $4, updated_at = now() WHERE campaign_id = $1', [
    campaignId, row.sessionId, row.seq, row.state === null ? null : JSON.stringify(row.state),
  ]);
}

/** The latest ticker events up to an instant, newest first. */
export async function eventsUntil(q: Queryable, campaignId: number, until: string, limit: number): Promise<TickerEvent[]> {
  return q.query<TickerEvent>(
    `SELECT version || '-' || kind || '-' || project_id AS id, at, kind, project_id AS "projectId", text
     FROM events WHERE campaign_id = $1 AND at <= $2 ORDER BY at DESC, version DESC LIMIT ${limit}`,
    [campaignId, until],
  );
}
