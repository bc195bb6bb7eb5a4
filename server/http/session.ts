// Session cookie → the signed-in user, and the guards routes use.
import { DECIMAL_ID, MAX_ID } from '../../shared/ids.js';
import type { RequestHandler, Response } from 'express';
import type { User } from '../../shared/types.js';
import { Invalid, Unauthorized } from '../errors.js';
import { sessionToken, sessionUser } from '../services/auth.js';
import type { Deps } from '../services/deps.js';

/** Loads res.locals.user (or null) for every request. */
export function loadSession(deps: Deps): RequestHandler {
  return async (req, res, next) => {
    const token = sessionToken(req.headers.cookie);
    res.locals.sessionToken = token;
    res.locals.user = await sessionUser(deps.db, token);
    next();
  };
}

/** Every route after this needs a signed-in user. */
export const signedIn: RequestHandler = (_req, res, next) => {
  requireUser(res);
  next();
};

/**
 * A positive integer path parameter within the store's int4 ids, written in decimal digits only
 * ("0x1", "1e0", " 1" and "01.0" are not ids), or 422.
 */
export function idParam(raw: string | string[] | undefined, label = '编号'): number {
  const id = typeof raw === 'string' && DECIMAL_ID.test(raw) ? Number(raw) : 0;
  if (id <= 0 || id > MAX_ID) throw Invalid({ id: `${label}须为正整数` }, `${label}无效`);
  return id;
}

export function currentUser(res: Response): User | null {
  return (res.locals.user as User | null) ?? null;
}

/** The signed-in user, or 401. */
export function requireUser(res: Response): User {
  const user = currentUser(res);
  if (!user) throw Unauthorized();
  return user;
}

