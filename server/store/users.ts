import type { UserView } from '../../shared/api.js';
import type { Role, User } from '../../shared/types.js';
import type { Queryable } from './db.js';

const USER = 'id, username, display_name AS "displayName", role, unit_id AS "unitId", leader_id AS "leaderId"';

const VIEW = `SELECT us.id, us.username, us.display_name AS "displayName", us.role, us.unit_id AS "unitId", un.name AS unit,
  us.leader_id AS "leaderId", l.name AS leader, us.disabled, us.created_at AS "createdAt"
  FROM users us LEFT JOIN units un ON un.id = us.unit_id LEFT JOIN leaders l ON l.id = us.leader_id`;

export async function countUsers(q: Queryable): Promise<number> {
  return (await q.query<{ n: number }>('SELECT count(*)::int8 AS n FROM users'))[0].n;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  leaderId?: number | null;
  passwordHash: string;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<User> {
  const rows = await q.query<User>(
    `INSERT INTO users (username, display_name, role, unit_id, leader_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${USER}`,
    [u.username, u.displayName, u.role, u.unitId, u.leaderId ?? null, u.passwordHash],
  );
  return rows[0];
}

export async function listUsers(q: Queryable): Promise<UserView[]> {
  return q.query<UserView>(`${VIEW} ORDER BY us.role, us.username`);
}

export async function getUserView(q: Queryable, id: number): Promise<UserView | null> {
  return (await q.query<UserView>(`${VIEW} WHERE us.id = $1`, [id]))[0] ?? null;
}

export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length > 0;
}

export async function updateUser(
  q: Queryable,
  id: number,
  f: { displayName: string; role: Role; unitId: number | null; leaderId: number | null; disabled: boolean },
): Promise<void> {
  await q.query('UPDATE users SET display_name = $2, role = $3, unit_id = $4, leader_id = $5, disabled = $6 WHERE id = $1', [
    id, f.displayName, f.role, f.unitId, f.leaderId, f.disabled,
  ]);
}

export async function setPasswordHash(q: Queryable, id: number, hash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]);
}

/** An account by username, disabled ones included (login tells them apart only after the right password). */
export async function findCredentials(q: Queryable, username: string): Promise<(User & { passwordHash: string; disabled: boolean }) | null> {
  const rows = await q.query<User & { passwordHash: string; disabled: boolean }>(
    `SELECT ${USER}, password_hash AS "passwordHash", disabled FROM users WHERE username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

export async function passwordHashOf(q: Queryable, id: number): Promise<string | null> {
  return (await q.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = $1', [id]))[0]?.h ?? null;
}

/** Sessions run on the store's clock, as findSessionUser checks them; returns when this one expires. */
export async function insertSession(q: Queryable, tokenHash: string, userId: number, days: number): Promise<Date> {
  const [{ expiresAt }] = await q.query<{ expiresAt: string }>(
    `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3::int)) RETURNING expires_at AS "expiresAt"`,
    [tokenHash, userId, days],
  );
  return new Date(expiresAt);
}

export async function findSessionUser(q: Queryable, tokenHash: string): Promise<User | null> {
  const rows = await q.query<User>(
    `SELECT ${USER} FROM users WHERE id = (SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > now()) AND NOT disabled`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends a user's sessions, all or all but one (after a password change, a disable). */
export async function deleteSessionsOf(q: Queryable, userId: number, keepTokenHash: string | null = null): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, keepTokenHash]);
}
