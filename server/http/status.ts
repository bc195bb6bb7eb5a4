import { Router } from 'express';
import { chinaDate } from '../../shared/dates.js';
import type { Deps } from '../services/deps.js';
import { currentSnapshot } from '../services/snapshot.js';
import { openapi } from './openapi.js';
import { currentUser } from './session.js';
import { displayByToken } from '../services/directory.js';
import { Unauthorized } from '../errors.js';

export function statusRouter(deps: Deps): Router {
  const router = Router();
  // 200 while the store answers; 503 (status "degraded", storeConnected false) while it does not, so
  // load balancers, systemd watchdogs and the walls' watchdog see an outage.
  router.get('/health', async (_req, res) => {
    const storeConnected = await deps.db.ping();
    res.status(storeConnected ? 200 : 503).json({
      status: storeConnected ? 'ok' : 'degraded',
      store: deps.db.kind, storeConnected,
      cache: deps.cache.kind, cacheConnected: deps.cache.healthy(),
      today: chinaDate(deps.clock()),
    });
  });
  // Signed-in users, and wall kiosks with a display token (Authorization: Bearer … or ?token=…).
  router.get('/snapshot', async (req, res) => {
    if (!currentUser(res)) {
      const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
      const token = bearer ?? (typeof req.query.token === 'string' ? req.query.token : undefined);
      if (!(await displayByToken(deps, token))) throw Unauthorized(token ? '大屏令牌无效或已停用' : '请登录或使用大屏令牌访问');
    }
    // Serialised and gzipped once per version, shared by every caller; unchanged → 304.
    const body = deps.local.body(await currentSnapshot(deps));
    res.set({ ETag: body.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
    // Compared by hand: `req.fresh` treats a fetch's automatic Cache-Control: no-cache as a reload.
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(body.etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') res.set('Content-Encoding', 'gzip').send(body.gzip());
    else res.send(body.json);
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  return router;
}
