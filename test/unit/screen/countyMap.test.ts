// The map page's option builder and live rules, without a DOM.
import { describe, expect, it } from 'vitest';
import type { CountyGeoJson, MapPoint } from '../../../shared/map.js';
import type { TickerEvent } from '../../../shared/snapshot.js';
import { aspectScale, countByState, countByTownship, MAP_STATE_COLORS, mapChartOption, mapName, pointTooltip, regionsGeoJson, townshipCentres } from '../../../screen/charts/map.js';
import { addRipple, applyMilestone, newMilestones, refetchDelay, REFETCH_MIN_MS, RIPPLE_LIMIT } from '../../../screen/apps/wall/pages/mapLive.js';
import { demoCountyMap } from '../../../server/demo/maps/index.js';
import { errorPlace, errorRows } from '../../../screen/apps/console/pages/mapErrors.js';

const square = (lon: number, lat: number, d: number): [number, number][][] => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const MAP: CountyGeoJson = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '弋江镇', role: 'township' }, geometry: { type: 'Polygon', coordinates: square(117.3, 28.3, 0.1) } },
    { type: 'Feature', properties: { name: '圭峰镇', role: 'township' }, geometry: { type: 'Point', coordinates: [117.34, 28.28] } },
    { type: 'Feature', properties: { name: '弋阳县', role: 'outline' }, geometry: { type: 'Polygon', coordinates: square(117.2, 28.0, 0.8) } },
  ],
};

const point = (projectId: number, state: MapPoint['state'], township: string | null = '弋江镇'): MapPoint => ({
  projectId, name: `项目${projectId}`, unit: '县城投公司', township, lat: 28.35, lon: 117.35, state,
});
const POINTS = [point(1, 'started'), point(2, 'lagging'), point(3, 'lagging', '圭峰镇'), point(4, 'completed', null), point(5, 'planned', '圭峰镇')];

type Series = { type: string; name: string; data: { name: string; value: number[]; itemStyle?: { color: string } }[]; itemStyle?: { color: string } };

describe('mapChartOption', () => {
  const option = mapChartOption({ name: mapName('2020-11-20T00:00:00.000Z'), map: MAP, points: POINTS, rippling: new Set([2, 99]) });
  const series = option.series as Series[];

  it('draws the registered map with the outline highlighted and unlabelled', () => {
    const geo = option.geo as { map: string; roam: boolean; regions: { name: string; label: { show: boolean } }[]; aspectScale: number };
    expect(geo.map).toBe('county:2020-11-20T00:00:00.000Z');
    expect(geo.roam).toBe(false);
    expect(geo.regions).toMatchObject([{ name: '弋阳县', label: { show: false } }]);
    expect(geo.aspectScale).toBeCloseTo(Math.cos((28.4 * Math.PI) / 180), 2);
  });

  it('puts each state in its own coloured series, every project once, with its id in the value', () => {
    const states = series.filter((s) => s.type === 'scatter' && s.name !== '乡镇');
    expect(states.map((s) => s.name)).toEqual(['未开工', '竣工', '在建', '今年新开工', '滞后']);
    expect(states.find((s) => s.name === '滞后')).toMatchObject({ itemStyle: { color: MAP_STATE_COLORS.lagging } });
    expect(states.flatMap((s) => s.data.map((d) => d.value[2])).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(states.find((s) => s.name === '滞后')!.data).toEqual([
      { name: '项目2', value: [117.35, 28.35, 2] },
      { name: '项目3', value: [117.35, 28.35, 3] },
    ]);
  });

  it('labels townships given as points and counts each state in the legend', () => {
    expect(series[0]).toMatchObject({ name: '乡镇', data: [{ name: '圭峰镇', value: [117.34, 28.28] }] });
    const legend = option.legend as { data: string[]; formatter: (name: string) => string };
    expect(legend.data).toEqual(['今年新开工', '在建', '竣工', '滞后', '未开工']);
    expect(legend.formatter('滞后')).toBe('滞后  2');
    expect(legend.formatter('在建')).toBe('在建  0');
  });

  it('ripples the points of new milestones (known projects only), in their state colour', () => {
    const ripple = series.find((s) => s.type === 'effectScatter')!;
    expect(ripple.data).toEqual([{ name: '项目2', value: [117.35, 28.35, 2], itemStyle: { color: MAP_STATE_COLORS.lagging } }]);
    const preview = mapChartOption({ name: 'x', map: MAP, points: POINTS, rippling: new Set([2]), compact: true });
    expect((preview.series as Series[]).find((s) => s.type === 'effectScatter')!.data).toEqual([]);
  });

  it('shows a project card on hover, escaped', () => {
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter({ name: '项目3', value: [117.35, 28.35, 3] });
    expect(html).toContain('项目3');
    expect(html).toContain('责任单位：县城投公司');
    expect(html).toContain('所在乡镇：圭峰镇');
    expect(html).toContain('滞后');
    expect(pointTooltip({ ...point(9, 'planned'), name: '<b>桥</b>' })).toContain('&#60;b&#62;桥&#60;/b&#62;');
  });
});

describe('map helpers', () => {
  it('registers the boundaries only, outline first', () => {
    expect(regionsGeoJson(MAP).features.map((f) => f.properties.name)).toEqual(['弋阳县', '弋江镇']);
    expect(townshipCentres(MAP)).toEqual([{ name: '圭峰镇', value: [117.34, 28.28] }]);
  });

  it('counts points by state and by township, most first', () => {
    expect(countByState(POINTS)).toEqual({ started: 1, construction: 0, completed: 1, lagging: 2, planned: 1 });
    expect(countByTownship(POINTS).map((r) => [r.township, r.total, r.counts.lagging])).toEqual([
      ['圭峰镇', 2, 1],
      ['弋江镇', 2, 1],
      ['未注明乡镇', 1, 0],
    ]);
  });

  it('corrects the aspect by latitude: 上犹 is wider per degree than a northern county would be', () => {
    const shangyou = aspectScale(demoCountyMap('上犹县')!);
    expect(shangyou).toBeGreaterThan(0.89);
    expect(shangyou).toBeLessThan(0.91);
  });
});

describe('the live map', () => {
  const event = (id: string, kind: TickerEvent['kind'], projectId: number): TickerEvent => ({ id, kind, projectId, at: '2020-11-20T02:00:00.000Z', text: '' });

  it('finds the new starts and completions in the ticker', () => {
    const list = [event('9-started-1', 'started', 1), event('9-report-2', 'report', 2), event('8-completed-4', 'completed', 4)];
    expect(newMilestones(new Set(['8-completed-4']), list).map((e) => e.id)).toEqual(['9-started-1']);
    expect(newMilestones(new Set(list.map((e) => e.id)), list)).toEqual([]);
  });

  it('moves the point at once', () => {
    const started = applyMilestone(POINTS, { ...event('a', 'started', 5), kind: 'started' });
    expect(started.find((p) => p.projectId === 5)!.state).toBe('started');
    expect(applyMilestone(POINTS, { ...event('b', 'started', 4), kind: 'started' }).find((p) => p.projectId === 4)!.state).toBe('completed');
    expect(applyMilestone(POINTS, { ...event('c', 'completed', 2), kind: 'completed' }).find((p) => p.projectId === 2)!.state).toBe('completed');
    expect(applyMilestone(POINTS, { ...event('d', 'completed', 42), kind: 'completed' })).toEqual(POINTS);
  });

  it('ripples a bounded number of points, the newest last', () => {
    let list: number[] = [];
    for (let id = 1; id <= RIPPLE_LIMIT + 3; id++) list = addRipple(list, id);
    expect(list).toHaveLength(RIPPLE_LIMIT);
    expect(list.at(-1)).toBe(RIPPLE_LIMIT + 3);
    expect(addRipple([1, 2, 3], 1)).toEqual([2, 3, 1]);
  });

  it('fetches again at most once a minute', () => {
    expect(refetchDelay(null, 1_000)).toBe(0);
    expect(refetchDelay(1_000, 11_000)).toBe(REFETCH_MIN_MS - 10_000);
    expect(refetchDelay(1_000, 1_000 + REFETCH_MIN_MS + 5)).toBe(0);
  });
});

describe('upload errors on the console', () => {
  it('say where in the file, in words', () => {
    expect(errorPlace('file')).toBe('文件');
    expect(errorPlace('features.3.geometry.coordinates.0.12')).toBe('第 4 个要素 › 几何 › 坐标 › 第 1 个环 › 第 13 个点');
    expect(errorPlace('features.0.geometry.coordinates.1.0.4')).toBe('第 1 个要素 › 几何 › 坐标 › 第 2 个面 › 第 1 个环 › 第 5 个点');
    expect(errorPlace('features.2.properties.name')).toBe('第 3 个要素 › 属性 › 名称');
    expect(errorRows({ type: '须为 GeoJSON FeatureCollection', more: '另有 3 处错误未列出' })).toEqual([
      { place: '类型（type）', message: '须为 GeoJSON FeatureCollection' },
      { place: '其他', message: '另有 3 处错误未列出' },
    ]);
  });
});

describe('map request pacing', () => {
  it('keeps requests within the server rates: points every 2 s, the map every 10 s', async () => {
    const { askDelay, MAP_GAP_MS, POINTS_GAP_MS } = await import('../../../screen/apps/wall/pages/useCountyMap.js');
    expect(askDelay(true, 1_000, null, null)).toBe(0);
    expect(askDelay(false, 1_500, 1_000, 1_000)).toBe(POINTS_GAP_MS - 500);
    expect(askDelay(false, 1_000 + POINTS_GAP_MS, 1_000, 1_000)).toBe(0);
    // The map itself again (not received): not before MAP_GAP_MS.
    expect(askDelay(true, 1_000 + POINTS_GAP_MS, 1_000, 1_000)).toBe(MAP_GAP_MS - POINTS_GAP_MS);
    expect(askDelay(true, 1_000 + MAP_GAP_MS, 1_000, 1_000)).toBe(0);
  });
});
