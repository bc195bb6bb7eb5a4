import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { channelsFor, createChannel, outboxFor, patchChannel, removeChannel, sendTestMessage } from '../services/notify.js';
import type { NotifyRuntime } from '../services/notifyRuntime.js';
import { idParam, requireUser, signedIn } from './session.js';

/** 通知渠道 (work-chat robots) and the outbox of notices; staff only. */
export function notifyRouter(deps: Deps, notify: NotifyRuntime): Router {
  const router = Router();
  router.use(signedIn);

  router.get('/channels', async (_req, res) => {
    res.json(await channelsFor(deps, requireUser(res)));
  });
  router.post('/channels', async (req, res) => {
    res.status(201).json(await createChannel(deps, await notify.sealer(), requireUser(res), req.body ?? {}));
  });
  router.patch('/channels/:id', async (req, res) => {
    res.json(await patchChannel(deps, await notify.sealer(), requireUser(res), idParam(req.params.id, '渠道编号'), req.body ?? {}));
  });
  router.delete('/channels/:id', async (req, res) => {
    await removeChannel(deps, requireUser(res), idParam(req.params.id, '渠道编号'));
    res.status(204).end();
  });
  router.post('/channels/:id/test', async (req, res) => {
    res.status(202).json(await sendTestMessage(deps, requireUser(res), idParam(req.params.id, '渠道编号')));
  });
  router.get('/outbox', async (req, res) => {
    res.json(await outboxFor(deps, requireUser(res), req.query));
  });
  return router;
}
