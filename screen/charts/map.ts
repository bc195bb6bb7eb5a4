// The county map (县域地图): the uploaded GeoJSON as an ECharts geo filling its panel, townships labelled
// without overlaps, projects as points coloured by state (red for 滞后 only, neutral hues for the rest,
// as status.ts has it), and the points of new starts and completions rippling for a while.
import { MAP_POINT_STATE_LABELS, MAP_POINT_STATES, type CountyGeoJson, type MapPoint, type MapPointState } from '../../shared/map.js';
import type { WallChartOption } from './option.js';
import { STATUS_COLORS } from './status.js';
import { COLORS, FONT_SIZE } from './theme.js';

/** Only 滞后 carries a status colour (red); the other states are neutral data. */
export const MAP_STATE_COLORS: Record<MapPointState, string> = {
  started: COLORS.accent,
  construction: '#60a5fa',
  completed: '#a78bfa',
  lagging: STATUS_COLORS.lagging.wall,
  planned: '#94a3b8',
};

/** A province's campaign (江西省) places projects by county; a county's by township. */
export function isProvince(region: string): boolean {
  return /(省|自治区)$/.test(region.trim());
}

/** What the places a campaign's projects lie in are called: 乡镇, or 县（市、区） in a province. */
export function placeKind(region: string): string {
  return isProvince(region) ? '县（市、区）' : '乡镇';
}

/** Drawing order: lagging points on top, where they are seen first. */
const DRAW_ORDER: readonly MapPointState[] = ['planned', 'completed', 'construction', 'started', 'lagging'];

/** The name a map version is registered under with ECharts (a new upload registers anew). */
export function mapName(mapVersion: string): string {
  return `county:${mapVersion}`;
}

/** What ECharts draws as regions: the boundaries, outline first so townships lie on top of it. Points are left out. */
export function regionsGeoJson(map: CountyGeoJson): CountyGeoJson {
  const areas = map.features.filter((f) => f.geometry.type !== 'Point');
  return { type: 'FeatureCollection', features: [...areas.filter((f) => f.properties.role === 'outline'), ...areas.filter((f) => f.properties.role !== 'outline')] };
}

/** Townships given as centre points (no boundary), to be drawn as labelled markers. */
export function townshipCentres(map: CountyGeoJson): { name: string; value: [number, number] }[] {
  return map.features.flatMap((f) => (f.geometry.type === 'Point' && f.properties.role === 'township' ? [{ name: f.properties.name, value: f.geometry.coordinates }] : []));
}

export function countByState(points: readonly MapPoint[]): Record<MapPointState, number> {
  const counts = Object.fromEntries(MAP_POINT_STATES.map((s) => [s, 0])) as Record<MapPointState, number>;
  for (const p of points) counts[p.state]++;
  return counts;
}

export interface TownshipRow {
  township: string;
  total: number;
  counts: Record<MapPointState, number>;
}

/** Points per township (per county in a province), most first (ties by name); projects without one under 未注明. */
export function countByTownship(points: readonly MapPoint[], kind = '乡镇'): TownshipRow[] {
  const rows = new Map<string, MapPoint[]>();
  for (const p of points) {
    const key = p.township ?? `未注明${kind}`;
    rows.set(key, [...(rows.get(key) ?? []), p]);
  }
  return [...rows.entries()]
    .map(([township, list]) => ({ township, total: list.length, counts: countByState(list) }))
    .sort((a, b) => b.total - a.total || a.township.localeCompare(b.township, 'zh-CN'));
}

/** Width/height correction for a map near this latitude (equirectangular degrees are narrower in the north). */
export function aspectScale(map: CountyGeoJson): number {
  let [min, max] = [90, -90];
  const visit = (ring: [number, number][]) => ring.forEach(([, lat]) => ([min, max] = [Math.min(min, lat), Math.max(max, lat)]));
  for (const f of map.features) {
    if (f.geometry.type === 'Polygon') f.geometry.coordinates.forEach(visit);
    else if (f.geometry.type === 'MultiPolygon') f.geometry.coordinates.forEach((p) => p.forEach(visit));
  }
  const lat = max >= min ? (min + max) / 2 : 30;
  return Math.round(Math.cos((lat * Math.PI) / 180) * 1000) / 1000;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The hover card of a project point. */
export function pointTooltip(p: MapPoint, kind = '乡镇'): string {
  const dot = `<span style="display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:8px;background:${MAP_STATE_COLORS[p.state]}"></span>`;
  return [
    `<div style="font-size:20px;font-weight:600;margin-bottom:6px">${escapeHtml(p.name)}</div>`,
    `<div>责任单位：${escapeHtml(p.unit)}</div>`,
    `<div>所在${kind}：${escapeHtml(p.township ?? '未注明')}</div>`,
    `<div>${dot}${MAP_POINT_STATE_LABELS[p.state]}</div>`,
  ].join('');
}

/** Where the geo sits in its chart: under the one-row legend, with a small margin. */
const MAP_BOX = {
  wall: { left: 12, right: 12, top: 56, bottom: 12 },
  bare: { left: 12, right: 12, top: 12, bottom: 12 },
  compact: { left: 8, right: 8, top: 28, bottom: 8 },
} as const;

export interface MapChartInput {
  /** The name the map is registered under (mapName). */
  name: string;
  map: CountyGeoJson;
  points: readonly MapPoint[];
  /** Projects whose points ripple now (a new start or completion). */
  rippling?: ReadonlySet<number>;
  /** The console's preview: smaller type, no ripples. */
  compact?: boolean;
  /** What the places are called (placeKind): 乡镇 by default. */
  kind?: string;
}

/** A point's data item: value carries [lon, lat, projectId] so a click knows the project. */
const item = (p: MapPoint) => ({ name: p.name, value: [p.lon, p.lat, p.projectId] });

export function mapChartOption({ name, map, points, rippling = new Set(), compact = false, kind = '乡镇' }: MapChartInput): WallChartOption {
  const byId = new Map(points.map((p) => [p.projectId, p]));
  const counts = countByState(points);
  const labelSize = compact ? 13 : FONT_SIZE.label + 2;
  // Names stay readable over the points and the boundaries: an outline in the ground's colour.
  const outlined = { textBorderColor: COLORS.ground, textBorderWidth: compact ? 2 : 4 };
  const outline = map.features.find((f) => f.properties.role === 'outline')?.properties.name;
  const stateByLabel = new Map(MAP_POINT_STATES.map((s) => [MAP_POINT_STATE_LABELS[s], s]));
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      padding: [10, 14],
      formatter: (params: unknown) => {
        const value = (params as { value?: unknown }).value;
        const p = Array.isArray(value) ? byId.get(value[2] as number) : undefined;
        return p ? pointTooltip(p, kind) : escapeHtml(String((params as { name?: string }).name ?? ''));
      },
    },
    legend: {
      // The console's preview has the map without the points. One row along the top, clear of the map.
      show: points.length > 0,
      top: compact ? 4 : 6,
      left: 'center',
      orient: 'horizontal',
      itemWidth: compact ? 12 : 20,
      itemHeight: compact ? 12 : 20,
      itemGap: compact ? 12 : 32,
      icon: 'circle',
      data: MAP_POINT_STATES.map((s) => MAP_POINT_STATE_LABELS[s]),
      formatter: (label: string) => `${label}  ${counts[stateByLabel.get(label) ?? 'planned']}`,
      textStyle: { color: COLORS.text, fontSize: compact ? 13 : FONT_SIZE.value + 2 },
    },
    geo: {
      map: name,
      roam: false,
      aspectScale: aspectScale(map),
      // The county fitted into the box below the legend, keeping its shape: it fills the limiting side.
      ...MAP_BOX[compact ? 'compact' : points.length > 0 ? 'wall' : 'bare'],
      preserveAspect: 'contain',
      selectedMode: false,
      // Regions take no pointer: hover and click belong to the points (the geo's tooltip settings would also switch theirs off).
      silent: true,
      label: { show: true, color: COLORS.textDim, fontSize: labelSize, ...outlined },
      itemStyle: { areaColor: 'rgba(18, 64, 130, 0.55)', borderColor: 'rgba(125, 200, 255, 0.55)', borderWidth: 1 },
      emphasis: { disabled: true },
      regions: outline
        ? [{
            name: outline,
            label: { show: false },
            itemStyle: { areaColor: 'rgba(12, 46, 102, 0.9)', borderColor: COLORS.accent, borderWidth: compact ? 2 : 3, shadowColor: 'rgba(34, 211, 238, 0.6)', shadowBlur: compact ? 8 : 24 },
          }]
        : [],
    },
    series: [
      {
        type: 'scatter',
        name: kind,
        coordinateSystem: 'geo',
        silent: true,
        // Above the project points, so a name is never hidden under them; the points stay visible around it.
        z: 12,
        symbol: 'diamond',
        symbolSize: compact ? 7 : 12,
        itemStyle: { color: 'rgba(226, 240, 255, 0.9)', borderColor: COLORS.ground, borderWidth: 1 },
        label: { show: true, position: 'right', distance: 6, formatter: '{b}', color: COLORS.text, fontSize: labelSize, fontWeight: 600, ...outlined },
        // Of crowded names (the county seat's) the ones that would overlap are left out (hideOverlap needs
        // the LabelLayout feature, registered in useChart). moveOverlap shifts along one axis only, scattering a map's names.
        labelLayout: { hideOverlap: true },
        data: townshipCentres(map),
      },
      ...DRAW_ORDER.map((state, i) => ({
        type: 'scatter' as const,
        name: MAP_POINT_STATE_LABELS[state],
        coordinateSystem: 'geo' as const,
        z: 3 + i,
        symbolSize: compact ? 9 : 16,
        cursor: 'pointer',
        itemStyle: { color: MAP_STATE_COLORS[state], borderColor: 'rgba(3, 11, 30, 0.9)', borderWidth: compact ? 1 : 1.5, shadowColor: MAP_STATE_COLORS[state], shadowBlur: compact ? 0 : 8 },
        emphasis: { scale: 1.6 },
        data: points.filter((p) => p.state === state).map(item),
      })),
      {
        type: 'effectScatter',
        name: '动态',
        coordinateSystem: 'geo',
        z: 10,
        symbolSize: 22,
        showEffectOn: 'render',
        rippleEffect: { brushType: 'stroke', scale: 4.5, period: 2.4, number: 3 },
        label: {
          show: true,
          position: 'top',
          distance: 14,
          formatter: '{b}',
          color: COLORS.text,
          fontSize: FONT_SIZE.value,
          fontWeight: 'bold',
          backgroundColor: 'rgba(3, 16, 40, 0.85)',
          borderColor: COLORS.panelEdge,
          borderWidth: 1,
          borderRadius: 4,
          padding: [4, 8],
        },
        data: compact
          ? []
          : [...rippling].flatMap((id) => {
              const p = byId.get(id);
              return p ? [{ ...item(p), itemStyle: { color: MAP_STATE_COLORS[p.state] } }] : [];
            }),
      },
    ],
  };
}
