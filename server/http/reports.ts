import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { calendarFor, monthOverview } from '../services/reporting.js';
import { acceptReport, returnReport } from '../services/reports.js';
import { idParam, requireUser, signedIn } from './session.js';

/** /api/reports: the month's overview and staff's review. */
export function reportsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  router.get('/', async (req, res) => {
    res.json(await monthOverview(deps, requireUser(res), req.query));
  });
  router.post('/:id/accept', async (req, res) => {
    res.json(await acceptReport(deps, requireUser(res), idParam(req.params.id, '月报编号')));
  });
  router.post('/:id/return', async (req, res) => {
    res.json(await returnReport(deps, requireUser(res), idParam(req.params.id, '月报编号'), req.body ?? {}));
  });
  return router;
}

/** /api/reporting: the cycle's deadlines. */
export function reportingRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  router.get('/calendar', async (_req, res) => {
    res.json(await calendarFor(deps));
  });
  return router;
}
