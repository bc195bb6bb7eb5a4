import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ApiError } from '../../shared/schemas.js';
import { hashToken, login, logout, SESSION_DAYS } from '../services/auth.js';
import { changeOwnPassword } from '../services/users.js';
import type { Deps } from '../services/deps.js';
import { requireUser, SESSION_COOKIE, sessionToken } from './session.js';

export function authRouter(deps: Deps, secureCookies: boolean): Router {
  const router = Router();
  // Only failed attempts count, so a shared office IP is not locked out by its own staff.
  const limiter = rateLimit({
    windowMs: 10 * 60_000,
    limit: 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message: '登录失败次数过多，请10分钟后再试' } } satisfies ApiError);
    },
  });

  router.post('/login', limiter, async (req, res) => {
    const { user, token, expiresAt } = await login(deps.db, req.body);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      expires: expiresAt,
      path: '/',
    });
    res.json({ user, expiresInDays: SESSION_DAYS });
  });

  router.get('/me', (_req, res) => {
    res.json({ user: requireUser(res) });
  });

  router.post('/password', async (req, res) => {
    const user = requireUser(res);
    await changeOwnPassword(deps, user, hashToken(res.locals.sessionToken as string), req.body ?? {});
    res.status(204).end();
  });

  router.post('/logout', async (req, res) => {
    const user = requireUser(res);
    await logout(deps.db, sessionToken(req.headers.cookie)!, user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  return router;
}
