import type { Role, User } from '../../shared/types.js';
import type { Queryable } from './db.js';

const SELECT = 'SELECT id, username, display_name AS "displayName", role, unit_id AS "unitId" FROM users';

export async function countUsers(q: Queryable): Promise<number> {
  return (await q.query<{ n: number }>('SELECT count(*)::int8 AS n FROM users'))[0].n;
}

export async function insertUser(
  q: Queryable,
  u: { username: string; displayName: string; role: Role; unitId: number | null; passwordHash: string },
): Promise<User> {
  const rows = await q.query<User>(
    `INSERT INTO users (username, display_name, role, unit_id, password_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, username, display_name AS "displayName", role, unit_id AS "unitId"`,
    [u.username, u.displayName, u.role, u.unitId, u.passwordHash],
  );
  return rows[0];
}

export async function findCredentials(q: Queryable, username: string): Promise<(User & { passwordHash: string }) | null> {
  const rows = await q.query<User & { passwordHash: string }>(
    `SELECT id, username, display_name AS "displayName", role, unit_id AS "unitId", password_hash AS "passwordHash"
     FROM users WHERE username = $1 AND NOT disabled`,
    [username],
  );
  return rows[0] ?? null;
}

export async function insertSession(q: Queryable, tokenHash: string, userId: number, expiresAt: string): Promise<void> {
  await q.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
}

export async function findSessionUser(q: Queryable, tokenHash: string): Promise<User | null> {
  const rows = await q.query<User>(
    `${SELECT} WHERE id = (SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > now()) AND NOT disabled`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}
