// /api/imports: ledger and monthly-figure sheets uploaded as the raw request body (.xlsx or .csv),
// previewed with ?dryRun=1 and committed with ?dryRun=0 (staff only).
import express, { Router, type ErrorRequestHandler } from 'express';
import { IMPORT_MAX_BYTES } from '../../shared/imports.js';
import { AppError } from '../errors.js';
import { assertRole } from '../services/access.js';
import type { Deps } from '../services/deps.js';
import { importLedger } from '../services/ledgerImport.js';
import { importMonth } from '../services/monthImport.js';
import { ledgerTemplateFile } from '../services/sheetExports.js';
import { campaignScope } from './campaignScope.js';
import { sendFile, XLSX } from './files.js';
import { requireUser, signedIn } from './session.js';

/** Any upload is read as bytes; the service tells .xlsx from .csv by its first bytes. */
const rawBody = express.raw({ type: () => true, limit: IMPORT_MAX_BYTES });

const tooLarge: ErrorRequestHandler = (err, _req, _res, next) => {
  if (err?.type === 'entity.too.large') {
    const limit = `${IMPORT_MAX_BYTES / 1024 / 1024} MB`;
    next(new AppError(413, 'too_large', `文件或请求过大（上限 ${limit}）`, { file: `文件或请求过大（上限 ${limit}），请拆分后分批导入` }));
  } else next(err);
};

export function importsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  // Refused before a byte of the upload is read.
  router.use((_req, res, next) => {
    assertRole(requireUser(res), 'admin');
    next();
  });
  router.post('/ledger', rawBody, campaignScope, async (req, res) => {
    const outcome = await importLedger(deps, requireUser(res), req.body, req.query);
    if (outcome.committed) res.status(201).json(outcome.result);
    else res.json(outcome.preview);
  });
  router.post('/month', rawBody, campaignScope, async (req, res) => {
    const outcome = await importMonth(deps, requireUser(res), req.body, req.query);
    if (outcome.committed) res.status(201).json(outcome.result);
    else res.json(outcome.preview);
  });
  router.get('/ledger-template.xlsx', async (_req, res) => {
    sendFile(res, await ledgerTemplateFile(deps, requireUser(res)), XLSX);
  });
  router.use(tooLarge);
  return router;
}
