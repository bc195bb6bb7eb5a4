// /api/exports: the console's .xlsx downloads (staff only).
import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import { alertsFile, ledgerFile, problemsFile, reportsFile } from '../services/sheetExports.js';
import { sendFile, XLSX } from './files.js';
import { requireUser, signedIn } from './session.js';

export function exportsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  router.get('/ledger.xlsx', async (_req, res) => {
    sendFile(res, await ledgerFile(deps, requireUser(res)), XLSX);
  });
  router.get('/reports.xlsx', async (req, res) => {
    sendFile(res, await reportsFile(deps, requireUser(res), req.query), XLSX);
  });
  router.get('/alerts.xlsx', async (_req, res) => {
    sendFile(res, await alertsFile(deps, requireUser(res)), XLSX);
  });
  router.get('/problems.xlsx', async (_req, res) => {
    sendFile(res, await problemsFile(deps, requireUser(res)), XLSX);
  });
  return router;
}
