// Session cookie → the signed-in user, and the guards routes use.
import { parse as parseCookie } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role, User } from '../../shared/types.js';
import { Forbidden, Unauthorized } from '../errors.js';
import { sessionUser } from '../services/auth.js';
import type { Db } from '../store/db.js';

export const SESSION_COOKIE = 'xmdd_session';

export function sessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;
}

/** Loads res.locals.user (or null) for every request. */
export function loadSession(db: Db): RequestHandler {
  return async (req, res, next) => {
    res.locals.user = await sessionUser(db, sessionToken(req.headers.cookie));
    next();
  };
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

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const user = requireUser(res);
    if (!roles.includes(user.role)) throw Forbidden();
    next();
  };
}
