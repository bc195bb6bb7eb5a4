import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { drillSchedules } from '../services/drill.js';
import { problemsOf, raiseProblem } from '../services/problems.js';
import { historyOf, patchProject, planOf, projectFor, projectsFor, reportsOf, setPlan } from '../services/projects.js';
import { submitReport } from '../services/reports.js';
import { idParam, requireUser, signedIn } from './session.js';

export function projectsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  const id = (raw: string | string[]) => idParam(raw, '项目编号');

  router.get('/', async (_req, res) => {
    res.json(await projectsFor(deps, requireUser(res)));
  });
  router.get('/schedule', async (_req, res) => {
    const user = requireUser(res);
    res.json(await drillSchedules(deps, { role: user.role, unitId: user.unitId }));
  });
  router.get('/:id', async (req, res) => {
    res.json(await projectFor(deps, requireUser(res), id(req.params.id)));
  });
  router.patch('/:id', async (req, res) => {
    res.json(await patchProject(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.get('/:id/plan', async (req, res) => {
    res.json(await planOf(deps, requireUser(res), id(req.params.id)));
  });
  router.put('/:id/plan', async (req, res) => {
    res.json(await setPlan(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.get('/:id/history', async (req, res) => {
    res.json(await historyOf(deps, requireUser(res), id(req.params.id)));
  });
  router.get('/:id/reports', async (req, res) => {
    res.json(await reportsOf(deps, requireUser(res), id(req.params.id)));
  });
  router.post('/:id/reports', async (req, res) => {
    res.status(201).json(await submitReport(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.get('/:id/problems', async (req, res) => {
    res.json(await problemsOf(deps, requireUser(res), id(req.params.id)));
  });
  router.post('/:id/problems', async (req, res) => {
    res.status(201).json(await raiseProblem(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  return router;
}
