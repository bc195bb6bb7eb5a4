// countyMap.ts (/api/map): the county map (县域地图).
import { ok, ref, type JsonSchema, type Routes } from './build.js';
import { ANYONE } from './core.js';

export const countyMap: Routes = {
  'GET /api/map': {
    summary: "The campaign county's map (县域地图): what it holds and its normalized GeoJSON",
    roles: ANYONE,
    notes: 'info and geojson are null until a map is uploaded. Walls get the map with the project points over the socket (map:request).',
    reply: ok(ref('CountyMapView')),
    errors: [401, 404],
  },
  'PUT /api/map': {
    summary: "Replace the county's map with a GeoJSON FeatureCollection",
    roles: ['admin'],
    notes:
      'The body is the GeoJSON file itself (application/json or application/geo+json), up to 8 MB (413 beyond). ' +
      'Features: Polygon/MultiPolygon or Point, [lon, lat] within China, named by properties.name (or NAME / 名称). ' +
      'The feature named as the county (弋阳县 or 弋阳) is the outline; the others are townships (乡镇), Points standing for ' +
      "townships without boundaries. A file that does not read gets 422 with error.fields keyed by the place in the file ('features.3.geometry'); nothing changes. Audited.",
    body: 'CountyGeoJson',
    reply: ok(ref('CountyMapInfo')),
    errors: [401, 403, 404, 422],
  },
};

const str = { type: 'string' };
const strings = { type: 'array', items: str };

export const countyMapSchemas: Record<string, JsonSchema> = {
  CountyGeoJson: {
    type: 'object',
    description: 'A GeoJSON FeatureCollection (RFC 7946). Stored normalized: 2-D positions, properties { name, role: outline|township }.',
    required: ['type', 'features'],
    properties: {
      type: { const: 'FeatureCollection' },
      features: {
        type: 'array',
        minItems: 1,
        maxItems: 2000,
        items: {
          type: 'object',
          required: ['type', 'geometry'],
          properties: {
            type: { const: 'Feature' },
            properties: { type: 'object', properties: { name: str, NAME: str, 名称: str } },
            geometry: {
              type: 'object',
              required: ['type', 'coordinates'],
              properties: {
                type: { enum: ['Polygon', 'MultiPolygon', 'Point'] },
                coordinates: { type: 'array', description: 'Positions are [lon, lat] (an altitude is dropped). Polygon: rings of ≥ 4 positions, closed; MultiPolygon: polygons; Point: one position', items: {} },
              },
            },
          },
        },
      },
    },
  },
  CountyMapInfo: {
    type: 'object',
    properties: {
      county: str,
      outline: { type: ['string', 'null'], description: 'The outline feature; null when the map is township boundaries only' },
      townshipAreas: { ...strings, description: 'Townships drawn as boundaries' },
      townshipPoints: { ...strings, description: 'Townships drawn as centre points' },
      uploadedAt: { type: 'string', description: 'ISO time; the map version walls cache by' },
      uploadedBy: str,
      bytes: { type: 'integer' },
    },
  },
  CountyMapView: {
    type: 'object',
    properties: {
      county: str,
      info: { oneOf: [ref('CountyMapInfo'), { type: 'null' }] },
      geojson: { oneOf: [ref('CountyGeoJson'), { type: 'null' }] },
    },
  },
};
