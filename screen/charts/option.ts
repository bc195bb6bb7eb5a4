// The one option type for the wall's charts: exactly the series and components useChart registers.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, EffectScatterSeriesOption, GaugeSeriesOption, LineSeriesOption, MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

export type WallChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GaugeSeriesOption
  | MapSeriesOption
  | ScatterSeriesOption
  | EffectScatterSeriesOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** A ratio (0..1) as a percent number with one decimal, for chart values: 0.64771 → 64.8. */
export function percent(r: number): number {
  return Math.round(r * 1000) / 10;
}

/** A value axis from 0 with `splits` equal, round steps (1, 2, 2.5 or 5 × 10^n) reaching at least `maxValue`. */
export function niceAxis(maxValue: number, splits = 5): { min: 0; max: number; interval: number } {
  const raw = maxValue > 0 ? maxValue / splits : 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const interval = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw - 1e-9) ?? 10) * magnitude;
  return { min: 0, max: Number((interval * splits).toPrecision(12)), interval };
}

/** Chart label for an amount in 亿元: always two decimals. */
export function yiLabel(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(2) : '';
}
