// Owns one ECharts instance per element: created on mount, fed the reactive option with setOption,
// resized with its element, re-created only when the stage's pixel ratio changes, disposed on unmount.
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { init, registerTheme, use, type ECharts } from 'echarts/core';
import { BarChart, EffectScatterChart, GaugeChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { WallChartOption } from '../charts/option.js';
import { echartsTheme, THEME_NAME } from '../charts/theme.js';
import { injectChartPixelRatio } from './useStageScale.js';

use([
  BarChart, LineChart, GaugeChart, MapChart, ScatterChart, EffectScatterChart,
  GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  // labelLayout (hideOverlap, moveOverlap) does nothing unless this feature is registered.
  LabelLayout, CanvasRenderer, SVGRenderer,
]);
registerTheme(THEME_NAME, echartsTheme);

/** What a chart click reports: the series item under the pointer (ECharts' event params, the parts used). */
export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name: string;
  value: unknown;
}

export interface ChartOptions {
  /** Called when a series item (a bar, a point) is clicked. */
  onClick?: (params: ChartClick) => void;
}

/**
 * Canvas by default; `?renderer=svg` in the page's address draws SVG instead: lighter on a weak wall
 * PC, and its texts and shapes are DOM elements a browser test can measure.
 */
export function chartRenderer(search = globalThis.location?.search ?? ''): 'canvas' | 'svg' {
  return new URLSearchParams(search).get('renderer') === 'svg' ? 'svg' : 'canvas';
}

export function useChart(el: Readonly<Ref<HTMLElement | null>>, option: Readonly<Ref<WallChartOption>>, opts: ChartOptions = {}) {
  const pixelRatio = injectChartPixelRatio();
  let chart: ECharts | null = null;
  let observer: ResizeObserver | null = null;

  function create() {
    if (!el.value) return;
    chart?.dispose();
    chart = init(el.value, THEME_NAME, { renderer: chartRenderer(), devicePixelRatio: pixelRatio.value });
    chart.setOption(option.value);
    // Registered on each new instance; dispose() drops the handler with the instance.
    if (opts.onClick) chart.on('click', (params) => opts.onClick!(params as unknown as ChartClick));
  }

  onMounted(() => {
    create();
    // The stage is scaled by a CSS transform, so layout sizes only change when the layout does.
    observer = new ResizeObserver(() => chart?.resize());
    if (el.value) observer.observe(el.value);
  });

  watch(option, (next) => chart?.setOption(next, { notMerge: false, lazyUpdate: true }));
  // A canvas's pixel ratio is fixed at creation; a new stage scale (another screen) needs a new one.
  watch(pixelRatio, create);

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart?.dispose();
    chart = null;
  });
}
