import { Router } from 'express';
import { campaignYears, createCampaign, rolloverCampaign } from '../services/campaigns.js';
import type { Deps } from '../services/deps.js';
import { idParam, requireUser, signedIn } from './session.js';

/** /api/campaigns: the county's campaign years; staff create one. */
export function campaignsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  router.get('/', async (_req, res) => {
    res.json(await campaignYears(deps));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await createCampaign(deps, requireUser(res), req.body));
  });
  router.post('/:id/rollover', async (req, res) => {
    res.status(201).json(await rolloverCampaign(deps, requireUser(res), idParam(req.params.id, '年度台账编号'), req.body));
  });
  return router;
}
