import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { ApiError } from '../../shared/schemas.js';
import { hashToken, login, logout, SESSION_COOKIE, SESSION_DAYS, sessionToken } from '../services/auth.js';
import { changeOwnPassword } from '../services/users.js';
import type { Deps } from '../services/deps.js';
import { requireUser } from './session.js';

/** Failed logins counted per account and address, and per address alone. */
export const LOGIN_LIMITS = { windowMinutes: 10, perAccount: 10, perAddress: 100 } as const;

const refused = (message: string) => (_req: Request, res: Response) => {
  res.status(429).json({ error: { code: 'rate_limited', message } } satisfies ApiError);
};

/**
 * Only failed attempts count. One username from one address: 10 in 10 minutes, whether the account
 * exists or not (same answer, same timing). One address alone gets a much higher ceiling, so a
 * reporter mistyping behind the office's NAT address does not lock out colleagues.
 */
function loginLimiters() {
  const common = {
    windowMs: LOGIN_LIMITS.windowMinutes * 60_000,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
  } as const;
  const perAddress = rateLimit({
    ...common,
    limit: LOGIN_LIMITS.perAddress,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: refused('本网络地址登录失败次数过多，请10分钟后再试'),
  });
  const perAccount = rateLimit({
    ...common,
    limit: LOGIN_LIMITS.perAccount,
    keyGenerator: (req) => {
      const name = typeof req.body?.username === 'string' ? req.body.username.trim().toLowerCase().slice(0, 64) : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${name}`;
    },
    handler: refused('登录失败次数过多，请10分钟后再试'),
  });
  return { perAddress, perAccount };
}

export function authRouter(deps: Deps, secureCookies: boolean): Router {
  const router = Router();
  const { perAddress, perAccount } = loginLimiters();
  router.post('/login', perAddress, perAccount, async (req, res) => {
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
    await logout(deps, sessionToken(req.headers.cookie)!, user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  return router;
}
