import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { currentSnapshot } from '../services/snapshot.js';
import { openapi } from './openapi.js';

export function statusRouter(deps: Deps): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', store: deps.db.kind, cache: deps.cache.kind, cacheConnected: deps.cache.healthy() });
  });
  router.get('/snapshot', async (_req, res) => {
    res.json(await currentSnapshot(deps));
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  return router;
}
