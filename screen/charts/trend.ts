// Monthly trend: cumulative plan vs actual (亿元, left axis) and each month's actual (bars, right axis).
// Months after the reporting month have no actual figures yet and are left empty, not drawn as zero,
// unless reports for the current month have already come in.
import { monthIndex } from '../../shared/dates.js';
import { toYi } from '../../shared/money.js';
import type { TrendPoint } from '../../shared/snapshot.js';
import { niceAxis, yiLabel, type WallChartOption } from './option.js';
import { COLORS, FONT_SIZE, verticalGradient } from './theme.js';

export const TREND_SERIES = { monthly: '月度完成', planCum: '计划累计', actualCum: '实际累计' } as const;

export function trendOption(trend: readonly TrendPoint[], reportingMonth: string): WallChartOption {
  const lastWithActual = trend.filter((p) => p.actual > 0).at(-1)?.month ?? '';
  const through = lastWithActual > reportingMonth ? lastWithActual : reportingMonth;
  const reported = (p: TrendPoint) => p.month <= through;
  const months = trend.map((p) => `${monthIndex(p.month)}月`);
  const planCum = trend.map((p) => toYi(p.planCum));
  const actualCum = trend.map((p) => (reported(p) ? toYi(p.actualCum) : null));
  const monthly = trend.map((p) => (reported(p) ? toYi(p.actual) : null));
  // Both axes get five equal steps, so their ticks share the grid lines. The monthly bars take the
  // lower part of the plot so the cumulative lines stay readable above them.
  const cumulativeAxis = niceAxis(Math.max(0, ...planCum, ...actualCum.map((v) => v ?? 0)) * 1.05);
  const monthlyAxis = niceAxis(Math.max(0, ...monthly.map((v) => v ?? 0)) * 2.2);

  return {
    legend: { data: [TREND_SERIES.planCum, TREND_SERIES.actualCum, TREND_SERIES.monthly] },
    tooltip: { trigger: 'axis' },
    // Room above the plot for the axis names, clear of the top tick labels.
    grid: { left: 64, right: 64, top: 64, bottom: 34 },
    xAxis: { type: 'category', data: months, boundaryGap: true, axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: '累计（亿元）', nameGap: 22, ...cumulativeAxis },
      { type: 'value', name: '月度（亿元）', nameGap: 22, ...monthlyAxis, splitLine: { show: false } },
    ],
    series: [
      {
        name: TREND_SERIES.monthly,
        type: 'bar',
        yAxisIndex: 1,
        data: monthly,
        barWidth: 22,
        itemStyle: { color: verticalGradient(COLORS.teal, 'rgba(45, 212, 191, 0.15)'), borderRadius: [3, 3, 0, 0] },
      },
      {
        name: TREND_SERIES.planCum,
        type: 'line',
        yAxisIndex: 0,
        data: planCum,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 3, type: 'dashed', color: COLORS.plan },
        itemStyle: { color: COLORS.plan },
      },
      {
        name: TREND_SERIES.actualCum,
        type: 'line',
        yAxisIndex: 0,
        data: actualCum,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 4, color: COLORS.accent },
        itemStyle: { color: COLORS.accent },
        areaStyle: { color: verticalGradient('rgba(34, 211, 238, 0.35)', 'rgba(34, 211, 238, 0.02)') },
        endLabel: { show: true, color: COLORS.accent, fontSize: FONT_SIZE.value, fontWeight: 'bold', formatter: (p: { value?: unknown }) => `${yiLabel(p.value)}亿` },
      },
    ],
  };
}
