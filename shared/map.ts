// The county map (县域地图): the GeoJSON staff upload, how it is read, and the project points the
// wall draws on it (`map:request`). Pure: the server validates uploads with it, the screen draws it.
//
// A map is a GeoJSON FeatureCollection. Each feature is named by properties.name (or NAME / 名称).
// The feature named as the campaign's county (弋阳县, or 弋阳) is the county outline; every other
// feature is a township (乡镇): a Polygon/MultiPolygon boundary, or a Point at its centre where no
// boundary is to be had. Stored maps are normalized: 2-D positions, properties reduced to
// { name, role }.
import { z } from 'zod';

export type Position = [number, number];
export type PolygonCoords = Position[][];

export type MapGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] }
  | { type: 'Point'; coordinates: Position };

export type MapFeatureRole = 'outline' | 'township';

export interface MapFeature {
  type: 'Feature';
  properties: { name: string; role: MapFeatureRole };
  geometry: MapGeometry;
}

export interface CountyGeoJson {
  type: 'FeatureCollection';
  features: MapFeature[];
}

/** What an uploaded map holds, as the console lists it. */
export interface CountyMapInfo {
  county: string;
  /** The outline feature's name; null when the map is made of township boundaries only. */
  outline: string | null;
  /** Townships drawn as boundaries (面) and as centre points (点). */
  townshipAreas: string[];
  townshipPoints: string[];
  /** Upload time (ISO); doubles as the map's version for clients that cache it. */
  uploadedAt: string;
  uploadedBy: string;
  /** Size of the stored (normalized) GeoJSON in bytes. */
  bytes: number;
}

/** GET /api/map. */
export interface CountyMapView {
  county: string;
  info: CountyMapInfo | null;
  geojson: CountyGeoJson | null;
}

/** Largest upload accepted (PUT /api/map). */
export const MAP_MAX_BYTES = 8 * 1024 * 1024;
export const MAP_MAX_FEATURES = 2000;
/** China's extent, generously: [经度, 纬度] outside it is a swapped or projected coordinate. */
export const CHINA_LON: [number, number] = [73, 136];
export const CHINA_LAT: [number, number] = [3, 54];

// ---- the project points --------------------------------------------------------------------

/**
 * A project's state on the map: lagging (滞后) when any lag rule fires — the same projects as the
 * snapshot's laggingCount — else completed (竣工), started this campaign year (已开工, 新开工), under
 * construction since an earlier year (在建, 续建), or not started yet (未开工).
 */
export type MapPointState = 'lagging' | 'started' | 'construction' | 'completed' | 'planned';

/** Legend order. */
export const MAP_POINT_STATES: readonly MapPointState[] = ['started', 'construction', 'completed', 'lagging', 'planned'];

export const MAP_POINT_STATE_LABELS: Record<MapPointState, string> = {
  started: '今年新开工',
  construction: '在建',
  completed: '竣工',
  lagging: '滞后',
  planned: '未开工',
};

export interface MapPoint {
  projectId: number;
  name: string;
  unit: string;
  township: string | null;
  lat: number;
  lon: number;
  state: MapPointState;
}

/** The ack of `map:request`. */
export interface MapData {
  county: string;
  /** The snapshot version the points were taken at. */
  version: number;
  /** The uploaded map's version (its upload time); null when no map has been uploaded. */
  mapVersion: string | null;
  /** The map; null when none is uploaded, or when the request already holds mapVersion. */
  geojson: CountyGeoJson | null;
  points: MapPoint[];
  /** Projects without coordinates, which cannot be placed. */
  unplaced: number;
}

export interface MapRequest {
  /** The map version the client already has; the reply then leaves geojson out. */
  mapVersion?: string | null;
}

export const mapRequest = z.object({ mapVersion: z.string().max(64).nullish() }).default({});

// ---- validation ----------------------------------------------------------------------------

const inChina = (p: number[]) =>
  p[0] >= CHINA_LON[0] && p[0] <= CHINA_LON[1] && p[1] >= CHINA_LAT[0] && p[1] <= CHINA_LAT[1];

const position = z
  .array(z.number({ error: '坐标须为数字' }), { error: '坐标须为 [经度, 纬度] 数组' })
  .min(2, '坐标须为 [经度, 纬度]')
  .max(3, '坐标须为 [经度, 纬度]（可带高程）')
  .refine(inChina, '坐标须为 [经度, 纬度]，且在中国范围内（经度 73°–136°，纬度 3°–54°）；经纬度是否写反，或用了投影坐标？')
  .transform((p): Position => [p[0], p[1]]);

const ring = z
  .array(position, { error: '环须为坐标数组' })
  .min(4, '每个环至少 4 个点')
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], '环须首尾闭合（首点与末点相同）');

const polygon = z.array(ring, { error: '面须为环的数组' }).min(1, '面至少要有一个环');

const geometry = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: polygon }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon, { error: '多面须为面的数组' }).min(1, '多面至少要有一个面') }),
    z.object({ type: z.literal('Point'), coordinates: position }),
  ],
  { error: '几何类型须为 Polygon、MultiPolygon（边界）或 Point（乡镇中心点）' },
);

const feature = z.object({
  type: z.literal('Feature', { error: '要素的 type 须为 "Feature"' }),
  properties: z.record(z.string(), z.unknown(), { error: 'properties 须为对象' }).nullish(),
  geometry: geometry.nullable().refine((g) => g !== null, '要素缺少几何（geometry 为空）'),
});

const collection = z.object(
  {
    type: z.literal('FeatureCollection', { error: '须为 GeoJSON FeatureCollection（type 为 "FeatureCollection"）' }),
    features: z
      .array(feature, { error: 'features 须为要素数组' })
      .min(1, '文件中没有任何要素')
      .max(MAP_MAX_FEATURES, `要素过多（最多 ${MAP_MAX_FEATURES} 个）`),
  },
  { error: '须为 GeoJSON FeatureCollection 对象' },
);

const NAME_KEYS = ['name', 'NAME', 'Name', '名称'] as const;
const MAX_ERRORS = 12;

export type MapReadResult =
  | { ok: true; geojson: CountyGeoJson; outline: string | null; townshipAreas: string[]; townshipPoints: string[] }
  | { ok: false; message: string; errors: Record<string, string> };

/** "弋阳县", "弋阳" and " 弋阳县 " name the same county. */
export function sameRegion(a: string, b: string): boolean {
  const strip = (s: string) => s.trim().replace(/(自治县|县|区|市|旗)$/, '');
  return a.trim() === b.trim() || (strip(a) !== '' && strip(a) === strip(b));
}

function featureName(properties: Record<string, unknown> | null | undefined): string | null {
  for (const key of NAME_KEYS) {
    const v = properties?.[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

const fail = (errors: Record<string, string>, message = '地图文件有误，未作任何更改'): MapReadResult => ({ ok: false, message, errors });

/**
 * Reads an uploaded map for `county`: JSON text or an already parsed value → the normalized map and
 * what it holds, or Chinese messages keyed by where in the file the problem is.
 */
export function readCountyMap(input: unknown, county: string): MapReadResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return fail({ file: '文件不是有效的 JSON（GeoJSON 是 JSON 文本）' });
    }
  }
  const parsed = collection.safeParse(value);
  if (!parsed.success) {
    // One message per kind of problem per feature's coordinates: a swapped file is wrong at every point.
    const first = new Map<string, { key: string; message: string }>();
    for (const issue of parsed.error.issues) {
      const at = issue.path.indexOf('coordinates');
      const group = `${(at >= 0 ? issue.path.slice(0, at + 1) : issue.path).join('.')}|${issue.message}`;
      const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确';
      if (!first.has(group)) first.set(group, { key: issue.path.join('.') || 'file', message });
    }
    const listed = [...first.values()];
    const errors: Record<string, string> = {};
    for (const { key, message } of listed.slice(0, MAX_ERRORS)) errors[key] ??= message;
    if (listed.length > MAX_ERRORS) errors.more = `另有 ${listed.length - MAX_ERRORS} 处错误未列出`;
    return fail(errors);
  }

  const errors: Record<string, string> = {};
  const seen = new Map<string, number>();
  const features: MapFeature[] = [];
  let outline: string | null = null;
  parsed.data.features.forEach((f, i) => {
    const name = featureName(f.properties);
    if (!name) return void (errors[`features.${i}.properties.name`] = '要素缺少名称（properties.name、NAME 或 名称）');
    if (name.length > 40) return void (errors[`features.${i}.properties.name`] = `名称过长：${name.slice(0, 40)}…`);
    if (seen.has(name)) return void (errors[`features.${i}.properties.name`] = `名称「${name}」与第 ${seen.get(name)! + 1} 个要素重复`);
    seen.set(name, i);
    const geometry = f.geometry as MapGeometry;
    const isOutline = sameRegion(name, county);
    if (isOutline && geometry.type === 'Point') return void (errors[`features.${i}.geometry`] = `县域轮廓「${name}」须为面（Polygon/MultiPolygon），不能是点`);
    if (isOutline && outline) return void (errors[`features.${i}.properties.name`] = `县域轮廓重复：「${outline}」与「${name}」`);
    if (isOutline) outline = name;
    features.push({ type: 'Feature', properties: { name, role: isOutline ? 'outline' : 'township' }, geometry });
  });
  if (Object.keys(errors).length) return fail(Object.fromEntries(Object.entries(errors).slice(0, MAX_ERRORS)));
  if (!features.some((f) => f.geometry.type !== 'Point')) {
    return fail({ features: `没有任何面要素：至少需要名为「${county}」的县域轮廓，或乡镇边界` });
  }
  const townships = features.filter((f) => f.properties.role === 'township');
  return {
    ok: true,
    geojson: { type: 'FeatureCollection', features },
    outline,
    townshipAreas: townships.filter((f) => f.geometry.type !== 'Point').map((f) => f.properties.name),
    townshipPoints: townships.filter((f) => f.geometry.type === 'Point').map((f) => f.properties.name),
  };
}

// ---- geometry helpers ----------------------------------------------------------------------

/** Even-odd ray casting over every ring: inside an outer ring and not in a hole. */
function inPolygon(lon: number, lat: number, rings: PolygonCoords): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i];
      const [xj, yj] = r[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function pointInGeometry(lon: number, lat: number, g: MapGeometry): boolean {
  if (g.type === 'Polygon') return inPolygon(lon, lat, g.coordinates);
  if (g.type === 'MultiPolygon') return g.coordinates.some((p) => inPolygon(lon, lat, p));
  return false;
}

/** Whether a point lies in the county: inside its outline, or inside any township boundary when there is none. */
export function pointInCounty(lon: number, lat: number, map: CountyGeoJson): boolean {
  const outline = map.features.find((f) => f.properties.role === 'outline');
  const areas = outline ? [outline] : map.features.filter((f) => f.geometry.type !== 'Point');
  return areas.some((f) => pointInGeometry(lon, lat, f.geometry));
}
