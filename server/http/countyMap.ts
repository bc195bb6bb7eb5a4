// /api/map: the county map (县域地图). Everyone signed in reads it; admins replace it with a GeoJSON upload.
import express, { Router, type RequestHandler } from 'express';
import { MAP_MAX_BYTES } from '../../shared/map.js';
import { AppError } from '../errors.js';
import { countyMapView, uploadCountyMap } from '../services/countyMap.js';
import type { Deps } from '../services/deps.js';
import { requireUser, signedIn } from './session.js';

const readText = express.text({ type: () => true, limit: MAP_MAX_BYTES });

/**
 * The upload's body as text of any content type (application/json, application/geo+json), up to
 * 8 MB. app.ts mounts it ahead of the app-wide 1 MB JSON parser, which then leaves the body alone.
 */
export const countyMapBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'PUT') return next();
  readText(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
      return next(new AppError(413, 'invalid', `地图文件过大（最大 ${MAP_MAX_BYTES / 1024 / 1024} MB），请简化后再上传`));
    }
    next(err);
  });
};

export function countyMapRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  router.get('/', async (_req, res) => {
    res.json(await countyMapView(deps));
  });
  router.put('/', async (req, res) => {
    res.json(await uploadCountyMap(deps, requireUser(res), req.body));
  });
  return router;
}
