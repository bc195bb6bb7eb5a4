import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { endPresentation, noteDecision, patchPresentation, presentationFor, startPresentation } from '../services/presentation.js';
import { requireUser, signedIn } from './session.js';

/** 会议模式: the campaign's meeting-mode session, driven from a presenter's tablet. */
export function presentationRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);

  router.get('/', async (_req, res) => {
    res.json(await presentationFor(deps, requireUser(res)));
  });
  router.post('/', async (req, res) => {
    const { view, created } = await startPresentation(deps, requireUser(res), req.body ?? {});
    res.status(created ? 201 : 200).json(view);
  });
  router.patch('/', async (req, res) => {
    res.json(await patchPresentation(deps, requireUser(res), req.body ?? {}));
  });
  router.delete('/', async (_req, res) => {
    await endPresentation(deps, requireUser(res));
    res.status(204).end();
  });
  router.post('/decisions', async (req, res) => {
    res.status(201).json(await noteDecision(deps, requireUser(res), req.body ?? {}));
  });
  return router;
}
