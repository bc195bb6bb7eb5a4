// The wall's look in one place: colours and type for both the ECharts theme and the panels' CSS
// (App.vue exposes COLORS as CSS variables). A dark command-centre palette: deep navy ground,
// cyan/teal for figures; red, amber and green say a status only (status.ts).
import type { Severity } from '../../shared/types.js';
import { NEUTRAL_COLORS, STATUS_COLORS, statusCssVars } from './status.js';

export const COLORS = {
  ground: '#030b1e',
  groundHigh: '#0a1d45',
  panel: 'rgba(7, 24, 58, 0.78)',
  panelEdge: 'rgba(56, 189, 248, 0.35)',
  accent: NEUTRAL_COLORS.data,
  accentSoft: 'rgba(34, 211, 238, 0.16)',
  teal: '#2dd4bf',
  plan: NEUTRAL_COLORS.plan,
  target: NEUTRAL_COLORS.target,
  planSoft: '#1e3a8a',
  text: '#e8f4ff',
  textDim: '#9fc0e4',
  textFaint: '#6b8bb3',
  gridLine: 'rgba(125, 170, 230, 0.14)',
  axisLine: 'rgba(125, 170, 230, 0.45)',
  amber: STATUS_COLORS.behind.wall,
  orange: '#fb923c',
  red: STATUS_COLORS.lagging.wall,
  green: STATUS_COLORS.onPlan.wall,
} as const;

export const SEVERITY_COLORS: Record<Severity, string> = {
  red: COLORS.red,
  orange: COLORS.orange,
  yellow: COLORS.amber,
};

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Chart type sizes in stage pixels (1080p): read from across the hall, no chart text is smaller than 20. */
export const FONT_SIZE = { axis: 20, legend: 20, label: 20, value: 22, headline: 34 } as const;

export const THEME_NAME = 'command-centre';

/** Registered once by useChart; the option builders only set what is particular to a chart. */
export const echartsTheme = {
  // Series colours are neutral; status colours are set by the builders where a status is meant.
  color: [COLORS.plan, COLORS.accent, COLORS.teal, '#a78bfa', COLORS.target],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: COLORS.textDim, fontSize: FONT_SIZE.label },
  legend: {
    top: 0,
    left: 'center',
    itemWidth: 24,
    itemHeight: 14,
    itemGap: 24,
    textStyle: { color: COLORS.textDim, fontSize: FONT_SIZE.legend },
  },
  tooltip: {
    backgroundColor: 'rgba(3, 16, 40, 0.92)',
    borderColor: COLORS.panelEdge,
    textStyle: { color: COLORS.text, fontSize: FONT_SIZE.label },
  },
  categoryAxis: {
    axisLine: { show: true, lineStyle: { color: COLORS.axisLine } },
    axisTick: { show: false },
    axisLabel: { color: COLORS.textDim, fontSize: FONT_SIZE.axis },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: { color: COLORS.textFaint, fontSize: FONT_SIZE.axis },
    nameTextStyle: { color: COLORS.textFaint, fontSize: FONT_SIZE.axis },
    splitLine: { show: true, lineStyle: { color: COLORS.gridLine, type: 'dashed' } },
  },
};

/** Top-to-bottom gradient fill, as a plain object so option builders stay DOM-free. */
export function verticalGradient(top: string, bottom: string) {
  return {
    type: 'linear' as const,
    x: 0,
    y: 0,
    x2: 0,
    y2: 1,
    colorStops: [
      { offset: 0, color: top },
      { offset: 1, color: bottom },
    ],
  };
}

/** COLORS as CSS custom properties (--c-accent …) for the panels' styles. */
export function themeCssVars(): Record<string, string> {
  const vars: Record<string, string> = { '--font-family': FONT_FAMILY, ...statusCssVars('wall') };
  for (const [name, value] of Object.entries(COLORS)) {
    vars[`--c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = value;
  }
  return vars;
}
