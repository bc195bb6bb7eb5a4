import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { acknowledge, alertDetail, alertsFor, escalate, queueFor } from '../services/alerts.js';
import { bulletinFile, bulletinFor } from '../services/bulletin.js';
import { issueLetter, letterFile, lettersFor } from '../services/letters.js';
import { updateSettings } from '../services/settings.js';
import { DOCX, sendFile, XLSX } from './files.js';
import { idParam, requireUser, signedIn } from './session.js';

/** 预警, 函件, 月通报 and the campaign's thresholds. */
export function alertsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);

  router.get('/alerts', async (req, res) => {
    res.json(await alertsFor(deps, requireUser(res), req.query));
  });
  router.get('/alerts/queue', async (_req, res) => {
    res.json(await queueFor(deps, requireUser(res)));
  });
  router.get('/alerts/:id', async (req, res) => {
    res.json(await alertDetail(deps, requireUser(res), idParam(req.params.id, '预警编号')));
  });
  router.post('/alerts/:id/acknowledge', async (req, res) => {
    res.json(await acknowledge(deps, requireUser(res), idParam(req.params.id, '预警编号'), req.body ?? {}));
  });
  router.post('/alerts/:id/escalate', async (req, res) => {
    res.json(await escalate(deps, requireUser(res), idParam(req.params.id, '预警编号'), req.body ?? {}));
  });

  router.get('/letters', async (_req, res) => {
    res.json(await lettersFor(deps, requireUser(res)));
  });
  router.post('/letters', async (req, res) => {
    res.status(201).json(await issueLetter(deps, requireUser(res), req.body ?? {}));
  });
  router.get('/letters/:id.docx', async (req, res) => {
    sendFile(res, await letterFile(deps, requireUser(res), idParam(req.params.id, '函件编号')), DOCX);
  });

  router.get('/bulletins/:month', async (req, res) => {
    const user = requireUser(res);
    const [month, format] = req.params.month.split('.');
    if (format === 'docx' || format === 'xlsx') sendFile(res, await bulletinFile(deps, user, month, format), format === 'docx' ? DOCX : XLSX);
    else res.json(await bulletinFor(deps, user, req.params.month));
  });

  router.patch('/campaign/settings', async (req, res) => {
    res.json(await updateSettings(deps, requireUser(res), req.body ?? {}));
  });
  return router;
}
