import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { requireCampaign } from '../services/snapshot.js';
import { listDomains, listLeaders, listLevels, listUnits } from '../store/reference.js';
import { signedIn } from './session.js';

/** The small lists forms choose from; any signed-in user may read them. */
export function referenceRouter(deps: Deps): Router {
  const router = Router();
  router.get('/campaign', signedIn, async (_req, res) => {
    res.json(await requireCampaign(deps.db));
  });
  router.get('/units', signedIn, async (_req, res) => {
    res.json(await listUnits(deps.db));
  });
  router.get('/leaders', signedIn, async (_req, res) => {
    res.json(await listLeaders(deps.db));
  });
  router.get('/domains', signedIn, async (_req, res) => {
    res.json(await listDomains(deps.db, (await requireCampaign(deps.db)).id));
  });
  router.get('/levels', signedIn, async (_req, res) => {
    res.json(await listLevels(deps.db, (await requireCampaign(deps.db)).id));
  });
  return router;
}
