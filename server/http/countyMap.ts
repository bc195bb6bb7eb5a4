// /api/map: the county map (县域地图). Everyone signed in reads it; admins replace it with a GeoJSON upload.
// app.ts mounts this router after the session is loaded and ahead of the app-wide 1 MB JSON parser:
// the upload reads its own, larger body, and only once the session shows an admin.
import express, { Router, type ErrorRequestHandler } from 'express';
import { MAP_MAX_BYTES } from '../../shared/map.js';
import { AppError } from '../errors.js';
import { assertRole } from '../services/access.js';
import { countyMapView, uploadCountyMap } from '../services/countyMap.js';
import type { Deps } from '../services/deps.js';
import { requireUser, signedIn } from './session.js';

/** The upload's body as text of any content type (application/json, application/geo+json), up to 8 MB. */
const readText = express.text({ type: () => true, limit: MAP_MAX_BYTES });

const tooLarge: ErrorRequestHandler = (err, _req, _res, next) => {
  if (err?.type === 'entity.too.large') next(new AppError(413, 'too_large', `文件或请求过大（上限 ${MAP_MAX_BYTES / 1024 / 1024} MB）：请简化地图后再上传`));
  else next(err);
};

export function countyMapRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  router.get('/', async (_req, res) => {
    res.json(await countyMapView(deps));
  });
  router.put(
    '/',
    // Refused before a byte of the upload is read.
    (_req, res, next) => {
      assertRole(requireUser(res), 'admin');
      next();
    },
    readText,
    async (req, res) => {
      res.json(await uploadCountyMap(deps, requireUser(res), req.body));
    },
  );
  router.use(tooLarge);
  return router;
}
