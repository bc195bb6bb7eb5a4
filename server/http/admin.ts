import { Router } from 'express';
import { z } from 'zod';
import { queryId } from '../../shared/ids.js';
import type { Deps } from '../services/deps.js';
import { createDisplayToken, createUnit, displayTokensFor, renameUnitById, revokeDisplayTokenById, setDisplayTokenFollows } from '../services/directory.js';
import { assertRole } from '../services/access.js';
import { auditLog } from '../services/audit.js';
import { backupFor } from '../services/backup.js';
import { sendFile } from './files.js';
import { createUser, patchUser, resetPassword, usersFor } from '../services/users.js';
import { parseInput } from '../services/validate.js';
import { idParam, requireUser, signedIn } from './session.js';

const auditQuery = z.object({
  limit: z.string().regex(/^[0-9]{1,3}$/, '条数须为1–500的整数').transform(Number).pipe(z.number().min(1, '条数须为1–500的整数').max(500, '条数须为1–500的整数')).default(100),
  before: queryId('审计记录编号').optional(),
});

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
    assertRole(requireUser(res), 'admin');
    const { limit, before } = parseInput(auditQuery, req.query);
    res.json(await auditLog(deps, limit, before ?? null));
  });
  return router;
}
