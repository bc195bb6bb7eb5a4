// Log-in sessions: an opaque random token in an httpOnly cookie; only its hash is stored.
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import { loginInput } from '../../shared/schemas.js';
import type { User } from '../../shared/types.js';
import { Unauthorized } from '../errors.js';
import { parseInput } from './validate.js';
import { audit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { Deps } from './deps.js';
import { countUsers, deleteSession, findCredentials, findSessionUser, insertSession, insertUser } from '../store/users.js';
import { hashPassword, randomPassword, verifyPassword } from './passwords.js';

export const SESSION_DAYS = 7;
export const SESSION_COOKIE = 'xmdd_session';

/** The session token a Cookie header carries (HTTP requests and socket handshakes alike). */
export function sessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against a dummy hash for unknown users keeps the timing of both failures alike.
let dummyHash: Promise<string> | null = null;

export async function login(db: Db, body: unknown): Promise<{ user: User; token: string; expiresAt: Date }> {
  const { username, password } = parseInput(loginInput, body);
  // Awaited on every path (made once), so even the first attempt takes as long for either kind of name.
  dummyHash ??= hashPassword('not-a-password');
  const dummy = await dummyHash;
  const found = await findCredentials(db, username);
  const ok = await verifyPassword(password, found?.passwordHash ?? dummy);
  if (!found || !ok) throw Unauthorized('用户名或密码错误');
  // Only someone who knows the password learns that the account exists and is disabled.
  if (found.disabled) throw Unauthorized('账号已停用，请联系管理员');
  const { passwordHash: _omit, disabled: _disabled, ...user } = found;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = await db.tx(async (q) => {
    await audit(q, { userId: user.id, name: user.displayName }, 'auth.login', 'user', user.id, null, null);
    return insertSession(q, hashToken(token), user.id, SESSION_DAYS);
  });
  return { user, token, expiresAt };
}

export async function sessionUser(db: Db, token: string | undefined): Promise<User | null> {
  return token ? findSessionUser(db, hashToken(token)) : null;
}

/** Ends one session, and the sockets opened with it (a wall in that browser stops answering at once). */
export async function logout(deps: Deps, token: string, user: User): Promise<void> {
  const tokenHash = hashToken(token);
  await deps.db.tx(async (q) => {
    await deleteSession(q, tokenHash);
    await audit(q, { userId: user.id, name: user.displayName }, 'auth.logout', 'user', user.id, null, null);
  });
  deps.notifier.endSession?.(tokenHash);
}

/**
 * On an empty store, creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD, or with a
 * generated password that is returned so it can be printed once.
 */
export async function ensureFirstAdmin(
  db: Db,
  username = 'admin',
  password?: string,
): Promise<{ username: string; generatedPassword: string | null } | null> {
  if ((await countUsers(db)) > 0) return null;
  const generatedPassword = password ? null : randomPassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  await db.tx(async (q) => {
    const user = await insertUser(q, { username, displayName: '系统管理员', role: 'admin', unitId: null, passwordHash });
    await audit(q, { userId: null, name: 'system' }, 'user.create', 'user', user.id, null, { username, role: 'admin' });
  });
  return { username, generatedPassword };
}
