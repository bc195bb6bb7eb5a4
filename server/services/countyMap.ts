// The county map (县域地图): staff upload the GeoJSON, everyone reads it, walls ask for it with the
// project points (`map:request`).
import { MAP_MAX_BYTES, mapRequest, readCountyMap, type CountyMapInfo, type CountyMapView, type MapData } from '../../shared/map.js';
import type { User } from '../../shared/types.js';
import { laggingFromHits, laggingFromSnapshot, mapPoints } from '../domain/mapPoints.js';
import { AppError, Invalid } from '../errors.js';
import { audit } from '../store/audit.js';
import { getCountyMap, getCountyMapInfo, putCountyMap } from '../store/countyMaps.js';
import { listProjectsBare } from '../store/projects.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import { currentSnapshot, requireCampaign, summarize } from './snapshot.js';
import { parseInput } from './validate.js';

/** What the audit log keeps of a map: what it holds, not its coordinates. */
const auditView = (info: CountyMapInfo | null) =>
  info && { outline: info.outline, townshipAreas: info.townshipAreas, townshipPoints: info.townshipPoints, bytes: info.bytes };

export async function countyMapView(deps: Deps): Promise<CountyMapView> {
  const campaign = await requireCampaign(deps.db);
  const stored = await getCountyMap(deps.db, campaign.county);
  return { county: campaign.county, info: stored?.info ?? null, geojson: stored?.geojson ?? null };
}

/**
 * Replaces the campaign county's map with an uploaded GeoJSON (text or parsed JSON). A file that
 * does not read as a map of the county gets 422 with where and what, and changes nothing.
 */
export async function uploadCountyMap(deps: Deps, user: User, body: unknown): Promise<CountyMapInfo> {
  assertRole(user, 'admin');
  const campaign = await requireCampaign(deps.db);
  if (body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
    throw Invalid({ file: '请上传 GeoJSON 文件' }, '没有收到地图文件');
  }
  const read = readCountyMap(body, campaign.county);
  if (!read.ok) throw Invalid(read.errors, read.message);
  const text = JSON.stringify(read.geojson);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAP_MAX_BYTES) throw Invalid({ file: `地图文件过大（最大 ${MAP_MAX_BYTES / 1024 / 1024} MB）` });
  return deps.db.tx(async (q) => {
    const before = await getCountyMapInfo(q, campaign.county);
    const info = await putCountyMap(q, {
      county: campaign.county, geojson: read.geojson, outline: read.outline, townshipAreas: read.townshipAreas,
      townshipPoints: read.townshipPoints, bytes, userId: user.id, userName: user.displayName,
    });
    await audit(q, { userId: user.id, name: user.displayName }, 'county_map.upload', 'county_map', campaign.county, auditView(before), auditView(info));
    return info;
  });
}

/**
 * The wall's map: the GeoJSON (left out when the client already holds that version) and every
 * project's point, coloured by the state the snapshot implies. `mayIncludeMap` is asked before the
 * GeoJSON goes out (the socket's rate for it); refused, the request is answered 429 as a whole.
 */
export async function mapData(deps: Deps, request: unknown, opts: { mayIncludeMap?: () => boolean } = {}): Promise<MapData> {
  const { mapVersion } = parseInput(mapRequest, request ?? {});
  const snapshot = await currentSnapshot(deps);
  const campaign = await requireCampaign(deps.db);
  const [projects, info] = await Promise.all([listProjectsBare(deps.db, campaign.id), getCountyMapInfo(deps.db, campaign.county)]);
  const lagging =
    laggingFromSnapshot(snapshot.lagging, snapshot.totals.laggingCount) ??
    laggingFromHits((await summarize(deps.db, campaign, deps.clock())).hits);
  const { points, unplaced } = mapPoints(projects, { year: campaign.year, today: snapshot.today, lagging });
  let current = info?.uploadedAt ?? null;
  let geojson: MapData['geojson'] = null;
  if (current && current !== mapVersion) {
    if (opts.mayIncludeMap && !opts.mayIncludeMap()) throw new AppError(429, 'rate_limited', '请求过于频繁，请稍后再试');
    // Read again in full: a new upload in between brings its own version with it.
    const full = await getCountyMap(deps.db, campaign.county);
    current = full?.info.uploadedAt ?? null;
    geojson = full?.geojson ?? null;
  }
  return { county: campaign.county, version: snapshot.version, mapVersion: current, geojson, points, unplaced };
}
