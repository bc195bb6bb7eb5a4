// The uploaded county maps (县域地图), one row per county.
import type { CountyGeoJson, CountyMapInfo } from '../../shared/map.js';
import type { Queryable } from './db.js';

const INFO = `county, outline, township_areas AS "townshipAreas", township_points AS "townshipPoints",
  uploaded_at AS "uploadedAt", uploaded_by_name AS "uploadedBy", bytes`;

export async function getCountyMapInfo(q: Queryable, county: string): Promise<CountyMapInfo | null> {
  return (await q.query<CountyMapInfo>(`SELECT ${INFO} FROM county_maps WHERE county = $1`, [county]))[0] ?? null;
}

export async function getCountyMap(q: Queryable, county: string): Promise<{ info: CountyMapInfo; geojson: CountyGeoJson } | null> {
  const row = (await q.query<CountyMapInfo & { geojson: CountyGeoJson | string }>(`SELECT ${INFO}, geojson FROM county_maps WHERE county = $1`, [county]))[0];
  if (!row) return null;
  const { geojson, ...info } = row;
  return { info, geojson: typeof geojson === 'string' ? (JSON.parse(geojson) as CountyGeoJson) : geojson };
}

/** Replaces the county's map; returns what is stored now. */
export async function putCountyMap(
  q: Queryable,
  m: { county: string; geojson: CountyGeoJson; outline: string | null; townshipAreas: string[]; townshipPoints: string[]; bytes: number; userId: number | null; userName: string },
): Promise<CountyMapInfo> {
  const rows = await q.query<CountyMapInfo>(
    `INSERT INTO county_maps (county, geojson, outline, township_areas, township_points, bytes, uploaded_by, uploaded_by_name, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())
     ON CONFLICT (county) DO UPDATE SET geojson = EXCLUDED.geojson, outline = EXCLUDED.outline,
       township_areas = EXCLUDED.township_areas, township_points = EXCLUDED.township_points, bytes = EXCLUDED.bytes,
       uploaded_by = EXCLUDED.uploaded_by, uploaded_by_name = EXCLUDED.uploaded_by_name, uploaded_at = EXCLUDED.uploaded_at
     RETURNING ${INFO}`,
    [m.county, JSON.stringify(m.geojson), m.outline, m.townshipAreas, m.townshipPoints, m.bytes, m.userId, m.userName],
  );
  return rows[0];
}
