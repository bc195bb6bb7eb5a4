import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { createDisplayToken, createUnit, displayTokensFor, renameUnitById, revokeDisplayTokenById, setDisplayTokenFollows } from '../services/directory.js';
import { backupFor } from '../services/backup.js';
import { sendFile } from './files.js';
import { createUser, patchUser, resetPassword, usersFor } from '../services/users.js';
import { auditFacetsFor, auditFor } from '../services/audit.js';
import { idParam, requireUser, signedIn } from './session.js';

/** Staff's console: users, units, display tokens and the audit log. */
export function adminRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);

  router.get('/users', async (_req, res) => {
    res.json(await usersFor(deps, requireUser(res)));
  });
  router.post('/users', async (req, res) => {
    res.status(201).json(await createUser(deps, requireUser(res), req.body ?? {}));
  });
  router.patch('/users/:id', async (req, res) => {
    res.json(await patchUser(deps, requireUser(res), idParam(req.params.id, '用户编号'), req.body ?? {}));
  });
  router.post('/users/:id/password', async (req, res) => {
    await resetPassword(deps, requireUser(res), idParam(req.params.id, '用户编号'), req.body ?? {});
    res.status(204).end();
  });

  router.post('/units', async (req, res) => {
    res.status(201).json(await createUnit(deps, requireUser(res), req.body ?? {}));
  });
  router.patch('/units/:id', async (req, res) => {
    res.json(await renameUnitById(deps, requireUser(res), idParam(req.params.id, '单位编号'), req.body ?? {}));
  });

  router.get('/display-tokens', async (_req, res) => {
    res.json(await displayTokensFor(deps, requireUser(res)));
  });
  router.post('/display-tokens', async (req, res) => {
    res.status(201).json(await createDisplayToken(deps, requireUser(res), req.body ?? {}));
  });
  router.patch('/display-tokens/:id', async (req, res) => {
    res.json(await setDisplayTokenFollows(deps, requireUser(res), idParam(req.params.id, '令牌编号'), req.body ?? {}));
  });
  router.delete('/display-tokens/:id', async (req, res) => {
    await revokeDisplayTokenById(deps, requireUser(res), idParam(req.params.id, '令牌编号'));
    res.status(204).end();
  });

  // A consistent dump of the whole store (restore with `npm run restore -- FILE`).
  router.get('/admin/backup', async (_req, res) => {
    const file = await backupFor(deps, requireUser(res));
    res.setHeader('Cache-Control', 'no-store');
    sendFile(res, file, 'application/x-ndjson; charset=utf-8');
  });

  router.get('/audit', async (req, res) => {
    res.json(await auditFor(deps, requireUser(res), req.query));
  });
  router.get('/audit/facets', async (_req, res) => {
    res.json(await auditFacetsFor(deps, requireUser(res)));
  });
  return router;
}
