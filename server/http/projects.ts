import { Router } from 'express';
import { Invalid, NotFound } from '../errors.js';
import type { Deps } from '../services/deps.js';
import { reportHistory, submitReport } from '../services/reports.js';
import { requireCampaign } from '../services/snapshot.js';
import { getProject, listProjects } from '../store/projects.js';
import { requireUser } from './session.js';

function projectId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw Invalid({ id: '项目编号须为正整数' }, '项目编号无效');
  return id;
}

export function projectsRouter(deps: Deps): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const campaign = await requireCampaign(deps.db);
    res.json(await listProjects(deps.db, campaign.id));
  });

  router.get('/:id', async (req, res) => {
    const project = await getProject(deps.db, projectId(req.params.id));
    if (!project) throw NotFound('项目不存在');
    res.json(project);
  });

  router.get('/:id/reports', async (req, res) => {
    res.json(await reportHistory(deps, projectId(req.params.id)));
  });

  router.post('/:id/reports', async (req, res) => {
    const user = requireUser(res);
    const report = await submitReport(deps, user, projectId(req.params.id), req.body ?? {});
    res.status(201).json(report);
  });
  return router;
}
