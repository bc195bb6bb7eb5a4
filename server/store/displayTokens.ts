import type { DisplayTokenView } from '../../shared/api.js';
import type { Queryable } from './db.js';

const VIEW = `id, name, rotate_seconds AS "rotateSeconds", follows_meetings AS "followsMeetings", created_at AS "createdAt", last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt"`;

export async function listDisplayTokens(q: Queryable): Promise<DisplayTokenView[]> {
  return q.query<DisplayTokenView>(`SELECT ${VIEW} FROM display_tokens ORDER BY revoked_at IS NOT NULL, id`);
}

export async function insertDisplayToken(q: Queryable, t: { name: string; tokenHash: string; rotateSeconds: number; followsMeetings?: boolean; createdBy: number }) {
  return (await q.query<DisplayTokenView>(
    `INSERT INTO display_tokens (name, token_hash, rotate_seconds, follows_meetings, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${VIEW}`,
    [t.name, t.tokenHash, t.rotateSeconds, t.followsMeetings ?? true, t.createdBy],
  ))[0];
}

export async function setDisplayFollows(q: Queryable, id: number, followsMeetings: boolean): Promise<DisplayTokenView | null> {
  return (await q.query<DisplayTokenView>(`UPDATE display_tokens SET follows_meetings = $2 WHERE id = $1 RETURNING ${VIEW}`, [id, followsMeetings]))[0] ?? null;
}

export async function getDisplayToken(q: Queryable, id: number): Promise<DisplayTokenView | null> {
  return (await q.query<DisplayTokenView>(`SELECT ${VIEW} FROM display_tokens WHERE id = $1`, [id]))[0] ?? null;
}

export async function revokeDisplayToken(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE display_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
}

/** The live (not revoked) token with this hash. */
export async function findDisplayToken(q: Queryable, tokenHash: string): Promise<DisplayTokenView | null> {
  return (await q.query<DisplayTokenView>(`SELECT ${VIEW} FROM display_tokens WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]))[0] ?? null;
}

export async function touchDisplayToken(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE display_tokens SET last_seen_at = now() WHERE id = $1', [id]);
}
