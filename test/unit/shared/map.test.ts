// Reading an uploaded county map: what is accepted, how it is normalized, and the Chinese messages.
import { describe, expect, it } from 'vitest';
import { pointInCounty, readCountyMap, sameRegion, type MapReadResult } from '../../../shared/map.js';

const ring = (lon: number, lat: number, d: number) => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];
const polygon = (lon: number, lat: number, d: number) => ({ type: 'Polygon', coordinates: [ring(lon, lat, d)] });
const feature = (properties: Record<string, unknown> | null, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function errors(r: MapReadResult): Record<string, string> {
  if (r.ok) throw new Error('expected the map to be refused');
  expect(r.message).toBe('地图文件有误，未作任何更改');
  return r.errors;
}

describe('readCountyMap', () => {
  it('takes the feature named as the county as the outline and the others as townships', () => {
    const r = readCountyMap(
      collection(
        feature({ name: '弋阳县', adcode: 361126 }, polygon(117.2, 28.1, 0.5)),
        feature({ NAME: '弋江镇' }, { type: 'MultiPolygon', coordinates: [[ring(117.3, 28.3, 0.1)], [ring(117.45, 28.3, 0.05)]] }),
        feature({ 名称: '圭峰镇' }, { type: 'Point', coordinates: [117.34, 28.28, 120] }),
      ),
      '弋阳县',
    );
    expect(r).toMatchObject({ ok: true, outline: '弋阳县', townshipAreas: ['弋江镇'], townshipPoints: ['圭峰镇'] });
    if (!r.ok) return;
    expect(r.geojson.features.map((f) => f.properties)).toEqual([
      { name: '弋阳县', role: 'outline' },
      { name: '弋江镇', role: 'township' },
      { name: '圭峰镇', role: 'township' },
    ]);
    // Altitudes are dropped, other properties too.
    expect(r.geojson.features[2].geometry).toEqual({ type: 'Point', coordinates: [117.34, 28.28] });
  });

  it('reads JSON text, a byte-order mark included, and matches the county with or without 县', () => {
    const text = `\uFEFF${JSON.stringify(collection(feature({ name: '弋阳' }, polygon(117.2, 28.1, 0.5))))}`;
    expect(readCountyMap(text, '弋阳县')).toMatchObject({ ok: true, outline: '弋阳' });
    expect(sameRegion('上犹县', ' 上犹 ')).toBe(true);
    expect(sameRegion('弋阳县', '弋江镇')).toBe(false);
    expect(sameRegion('县', '区')).toBe(false);
  });

  it('accepts township boundaries without an outline', () => {
    expect(readCountyMap(collection(feature({ name: '弋江镇' }, polygon(117.3, 28.3, 0.1))), '弋阳县')).toMatchObject({ ok: true, outline: null, townshipAreas: ['弋江镇'] });
  });

  it('refuses what is not GeoJSON of the county, saying where and what', () => {
    expect(errors(readCountyMap('{"type":', '弋阳县'))).toEqual({ file: '文件不是有效的 JSON（GeoJSON 是 JSON 文本）' });
    expect(errors(readCountyMap([], '弋阳县'))).toEqual({ file: '须为 GeoJSON FeatureCollection 对象' });
    expect(errors(readCountyMap({ type: 'Feature' }, '弋阳县')).type).toContain('FeatureCollection');
    expect(errors(readCountyMap(collection(), '弋阳县')).features).toBe('文件中没有任何要素');
    const swapped = feature({ name: '弋阳县' }, { type: 'Polygon', coordinates: [[[28.1, 117.2], [28.6, 117.2], [28.6, 117.7], [28.1, 117.2]]] });
    expect(errors(readCountyMap(collection(swapped), '弋阳县'))['features.0.geometry.coordinates.0.0']).toContain('经纬度是否写反');
    // Once per feature, not at each of its points.
    expect(Object.keys(errors(readCountyMap(collection(swapped), '弋阳县')))).toEqual(['features.0.geometry.coordinates.0.0']);
    const projected = feature({ name: '弋阳县' }, { type: 'Polygon', coordinates: [ring(12_950_000, 3_290_000, 1000)] });
    expect(Object.values(errors(readCountyMap(collection(projected), '弋阳县')))[0]).toContain('中国范围');
    const open = feature({ name: '弋阳县' }, { type: 'Polygon', coordinates: [ring(117.2, 28.1, 0.5).slice(0, 4)] });
    expect(errors(readCountyMap(collection(open), '弋阳县'))['features.0.geometry.coordinates.0']).toBe('环须首尾闭合（首点与末点相同）');
    const line = feature({ name: '弋阳县' }, { type: 'LineString', coordinates: [[117.2, 28.1], [117.3, 28.2]] });
    expect(errors(readCountyMap(collection(line), '弋阳县'))['features.0.geometry.type']).toContain('Polygon、MultiPolygon');
    expect(errors(readCountyMap(collection(feature({ name: '弋阳县' }, null)), '弋阳县'))['features.0.geometry']).toBe('要素缺少几何（geometry 为空）');
  });

  it('refuses unnamed, duplicate and point outlines, and a map without any boundary', () => {
    expect(errors(readCountyMap(collection(feature({ id: 3 }, polygon(117.2, 28.1, 0.5))), '弋阳县'))['features.0.properties.name']).toContain('缺少名称');
    expect(errors(readCountyMap(collection(feature(null, polygon(117.2, 28.1, 0.5))), '弋阳县'))['features.0.properties.name']).toContain('缺少名称');
    const twice = collection(feature({ name: '弋江镇' }, polygon(117.3, 28.3, 0.1)), feature({ name: '弋江镇' }, polygon(117.4, 28.3, 0.1)));
    expect(errors(readCountyMap(twice, '弋阳县'))['features.1.properties.name']).toBe('名称「弋江镇」与第 1 个要素重复');
    const outlines = collection(feature({ name: '弋阳县' }, polygon(117.2, 28.1, 0.5)), feature({ name: '弋阳' }, polygon(117.2, 28.1, 0.4)));
    expect(errors(readCountyMap(outlines, '弋阳县'))['features.1.properties.name']).toBe('县域轮廓重复：「弋阳县」与「弋阳」');
    expect(errors(readCountyMap(collection(feature({ name: '弋阳县' }, { type: 'Point', coordinates: [117.4, 28.4] })), '弋阳县'))['features.0.geometry']).toContain('须为面');
    expect(errors(readCountyMap(collection(feature({ name: '弋江镇' }, { type: 'Point', coordinates: [117.4, 28.4] })), '弋阳县')).features).toContain('没有任何面要素');
  });

  it('lists at most a dozen problems in a badly broken file', () => {
    const bad = Array.from({ length: 40 }, (_, i) => feature({ name: `镇${i}` }, { type: 'Polygon', coordinates: [[[1, 1], [2, 2], [3, 3], [1, 1]]] }));
    const e = errors(readCountyMap(collection(...bad), '弋阳县'));
    expect(Object.keys(e).length).toBeLessThanOrEqual(13);
    expect(e.more).toMatch(/^另有 \d+ 处错误未列出$/);
  });
});

describe('pointInCounty', () => {
  const map = (withOutline: boolean) => {
    const r = readCountyMap(
      collection(
        ...(withOutline ? [feature({ name: '弋阳县' }, { type: 'Polygon', coordinates: [ring(117, 28, 1), ring(117.4, 28.4, 0.2)] })] : []),
        feature({ name: '弋江镇' }, polygon(117.45, 28.45, 0.05)),
      ),
      '弋阳县',
    );
    if (!r.ok) throw new Error('map refused');
    return r.geojson;
  };

  it('is inside the outline and outside its holes', () => {
    expect(pointInCounty(117.1, 28.1, map(true))).toBe(true);
    expect(pointInCounty(117.5, 28.5, map(true))).toBe(false);
    expect(pointInCounty(118.1, 28.1, map(true))).toBe(false);
  });

  it('falls back to the township boundaries without an outline', () => {
    expect(pointInCounty(117.47, 28.47, map(false))).toBe(true);
    expect(pointInCounty(117.1, 28.1, map(false))).toBe(false);
  });
});
