import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { actOnProblem, problemRecord, problemsFor } from '../services/problemLedger.js';
import { idParam, requireUser, signedIn } from './session.js';

/** 问题台账: the ledger and the actions on one problem. */
export function problemsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  const id = (raw: string | string[]) => idParam(raw, '问题编号');

  router.get('/', async (req, res) => {
    res.json(await problemsFor(deps, requireUser(res), req.query));
  });
  router.get('/:id', async (req, res) => {
    res.json(await problemRecord(deps, requireUser(res), id(req.params.id)));
  });
  router.post('/:id/actions', async (req, res) => {
    res.json(await actOnProblem(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  return router;
}
