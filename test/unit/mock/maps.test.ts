// The demo counties' real outlines (mock/maps) hold the mock's townships and every project point.
import { describe, expect, it } from 'vitest';
import { pointInCounty } from '../../../shared/map.js';
import { demoLedger, type DemoProfile } from '../../../server/demo/demo.js';
import { demoCountyMap } from '../../../server/demo/maps/index.js';
import { SHANGYOU_TOWNSHIPS } from '../../../server/demo/shangyou.js';
import { YIYANG_TOWNSHIPS } from '../../../server/demo/yiyang.js';

const cases: [DemoProfile, string, Record<string, [number, number]>][] = [
  ['yiyang', '弋阳县', YIYANG_TOWNSHIPS],
  ['shangyou', '上犹县', SHANGYOU_TOWNSHIPS],
];

describe.each(cases)('%s demo map', (profile, county, townships) => {
  const map = demoCountyMap(county)!;

  it('is the county outline plus its townships as named points', () => {
    const outline = map.features.filter((f) => f.properties.role === 'outline');
    expect(outline.map((f) => f.properties.name)).toEqual([county]);
    expect(outline[0].geometry.type).toBe('Polygon');
    const points = map.features.filter((f) => f.geometry.type === 'Point');
    expect(points.map((f) => f.properties.name).sort()).toEqual(Object.keys(townships).sort());
    // Simplified to a sensible size for a wall and a socket reply.
    expect(JSON.stringify(map).length).toBeLessThan(20_000);
  });

  it('holds every township centre', () => {
    for (const [name, [lon, lat]] of Object.entries(townships)) expect(pointInCounty(lon, lat, map), name).toBe(true);
  });

  it.each([{}, { seed: 7 }, { seed: 11, today: '2021-03-02' }])('holds every project point of the ledger %o', (opts) => {
    const ledger = demoLedger(profile, opts);
    expect(ledger.campaign.county).toBe(county);
    for (const p of ledger.projects) {
      expect(p.lat !== null && p.lon !== null).toBe(true);
      expect(pointInCounty(p.lon!, p.lat!, map), `${p.code} ${p.township} ${p.lon},${p.lat}`).toBe(true);
    }
  });
});
