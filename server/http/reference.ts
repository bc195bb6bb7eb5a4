import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { requireCampaign } from '../services/snapshot.js';
import { domains, leaders, levels, units } from '../services/reference.js';
import { signedIn } from './session.js';

/** The small lists forms choose from; any signed-in user may read them. */
export function referenceRouter(deps: Deps): Router {
  const router = Router();
  router.get('/campaign', signedIn, async (_req, res) => {
    res.json(await requireCampaign(deps.db));
  });
  router.get('/units', signedIn, async (_req, res) => {
    res.json(await units(deps));
  });
  router.get('/leaders', signedIn, async (_req, res) => {
    res.json(await leaders(deps));
  });
  router.get('/domains', signedIn, async (_req, res) => {
    res.json(await domains(deps));
  });
  router.get('/levels', signedIn, async (_req, res) => {
    res.json(await levels(deps));
  });
  return router;
}
