import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { contactsFor, deskOf, myDesk, recordContact, recordDuty } from '../services/leaders.js';
import { idParam, requireUser, signedIn } from './session.js';

/** 挂点领导: a leader's desk and duties; 服务专员: a project's contacts. */
export function leadersRouter(deps: Deps): Router {
  const router = Router();

  router.get('/leaders/:id/desk', signedIn, async (req, res) => {
    res.json(await deskOf(deps, requireUser(res), idParam(req.params.id, '领导编号')));
  });
  router.get('/me/desk', signedIn, async (_req, res) => {
    res.json(await myDesk(deps, requireUser(res)));
  });
  router.post('/leaders/:id/duties', signedIn, async (req, res) => {
    res.status(201).json(await recordDuty(deps, requireUser(res), idParam(req.params.id, '领导编号'), req.body ?? {}));
  });
  router.get('/projects/:id/contacts', signedIn, async (req, res) => {
    res.json(await contactsFor(deps, requireUser(res), idParam(req.params.id, '项目编号')));
  });
  router.post('/projects/:id/contacts', signedIn, async (req, res) => {
    res.status(201).json(await recordContact(deps, requireUser(res), idParam(req.params.id, '项目编号'), req.body ?? {}));
  });
  return router;
}
