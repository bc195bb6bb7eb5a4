// The wall's charts read from across the hall: the map fills its panel with names that never overlap,
// a province's places are 县（市、区）, and the 挂点领导 figures stay off the 序时 ticks.
import { describe, expect, it } from 'vitest';
import type { CountyGeoJson, MapPoint } from '../../../shared/map.js';
import { countByTownship, isProvince, mapChartOption, placeKind, pointTooltip } from '../../../screen/charts/map.js';
import { LEADER_SERIES, leaderCompareOption } from '../../../screen/charts/leaderCompare.js';
import { STATUS_COLORS } from '../../../screen/charts/status.js';
import { FONT_SIZE, echartsTheme } from '../../../screen/charts/theme.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

const MAP: CountyGeoJson = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '弋阳县', role: 'outline' }, geometry: { type: 'Polygon', coordinates: [[[117.2, 28.0], [118, 28.0], [118, 28.8], [117.2, 28.8], [117.2, 28.0]]] } },
    { type: 'Feature', properties: { name: '弋江镇', role: 'township' }, geometry: { type: 'Point', coordinates: [117.4, 28.4] } },
  ],
};
const point = (township: string | null): MapPoint => ({ projectId: 1, name: '项目', unit: '县城投公司', township, lat: 28.4, lon: 117.4, state: 'lagging' });

describe('the county map', () => {
  const option = mapChartOption({ name: 'm', map: MAP, points: [point('弋江镇')] }) as Record<string, any>;

  it('fits the county into the whole panel below the legend, keeping its shape', () => {
    expect(option.geo).toMatchObject({ left: 12, right: 12, top: 56, bottom: 12, preserveAspect: 'contain' });
    expect(option.geo.layoutSize).toBeUndefined();
    expect(option.legend).toMatchObject({ orient: 'horizontal', left: 'center' });
  });

  it('hides township names that would overlap, and outlines them to read over the points', () => {
    const townships = option.series.find((s: { name: string }) => s.name === '乡镇');
    expect(townships.labelLayout).toEqual({ hideOverlap: true });
    expect(townships.z).toBeGreaterThan(Math.max(...option.series.filter((s: { type: string; name: string }) => s.type === 'scatter' && s.name !== '乡镇').map((s: { z: number }) => s.z)));
    expect(townships.label.textBorderWidth).toBeGreaterThan(0);
    expect(townships.label.fontSize).toBeGreaterThanOrEqual(20);
  });

  it('calls a province\'s places 县（市、区）, a county\'s 乡镇', () => {
    expect(isProvince('江西省')).toBe(true);
    expect(isProvince('弋阳县')).toBe(false);
    expect(placeKind('江西省')).toBe('县（市、区）');
    expect(placeKind('上犹县')).toBe('乡镇');
    expect(countByTownship([point(null)], placeKind('江西省'))[0].township).toBe('未注明县（市、区）');
    expect(pointTooltip(point('南昌县'), '县（市、区）')).toContain('所在县（市、区）：南昌县');
    const province = mapChartOption({ name: 'm', map: MAP, points: [point('南昌县')], kind: '县（市、区）' }) as Record<string, any>;
    expect(province.series.map((s: { name: string }) => s.name)).toContain('县（市、区）');
  });
});

describe('chart type on the wall', () => {
  it('is at least 20 px for axes, legends and labels', () => {
    for (const size of Object.values(FONT_SIZE)) expect(size).toBeGreaterThanOrEqual(20);
    expect(echartsTheme.legend.textStyle.fontSize).toBeGreaterThanOrEqual(20);
    expect(echartsTheme.categoryAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(20);
    expect(echartsTheme.valueAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(20);
  });
});

describe('the 挂点领导 chart', () => {
  const leaders = makeSnapshot().byLeader;
  const option = leaderCompareOption(leaders) as Record<string, any>;

  it('writes each rate above the higher of its bar and its 序时 tick, in its status colour', () => {
    const rates = option.series.find((s: { name: string }) => s.name === LEADER_SERIES.rate);
    const ticks = option.series.find((s: { name: string }) => s.name === LEADER_SERIES.schedule).data as (number | null)[];
    const labels = option.series.find((s: { name: string }) => s.name === 'rateLabel');
    expect(rates.label).toBeUndefined();
    labels.data.forEach((d: { value: number; label: { color: string } }, i: number) => {
      expect(d.value).toBe(Math.max(rates.data[i].value, ticks[i] ?? 0));
      expect(Object.values(STATUS_COLORS).map((c) => c.wall)).toContain(d.label.color);
    });
  });

  it('keeps three axis labels (0, 50, 100 %) so they never crowd', () => {
    expect(option.yAxis).toMatchObject({ min: 0, max: 100, interval: 50 });
  });
});
