// The project card's monthly curve: each month's plan and accepted investment (bars, 万元) and both
// cumulated (lines). Months after the reporting month have no figures yet and are left empty.
import { monthIndex } from '../../../../shared/dates.js';
import type { CardMonth } from '../../../../shared/drill.js';
import { toWan } from '../../../../shared/money.js';
import { niceAxis, type WallChartOption } from '../../../charts/option.js';
import { COLORS, FONT_SIZE, verticalGradient } from '../../../charts/theme.js';

export const CARD_SERIES = { plan: '月度计划', actual: '月度完成', planCum: '计划累计', actualCum: '完成累计' } as const;

/** The last month whose actual figure is shown: the reporting month, or later if reports already came in. */
export function shownThrough(months: readonly CardMonth[], reportingMonth: string): string {
  const last = months.filter((m) => m.actual !== 0).at(-1)?.month ?? '';
  return last > reportingMonth ? last : reportingMonth;
}

export function cardCurveOption(months: readonly CardMonth[], reportingMonth: string): WallChartOption {
  const through = shownThrough(months, reportingMonth);
  const reported = (m: CardMonth) => m.month <= through;
  const planCum = months.map((m) => toWan(m.planCum));
  const actualCum = months.map((m) => (reported(m) ? toWan(m.actualCum) : null));
  const plan = months.map((m) => toWan(m.plan));
  const actual = months.map((m) => (reported(m) ? toWan(m.actual) : null));
  const cumulativeAxis = niceAxis(Math.max(0, ...planCum, ...actualCum.map((v) => v ?? 0)) * 1.05);
  const monthlyAxis = niceAxis(Math.max(0, ...plan, ...actual.map((v) => v ?? 0)) * 2.2);
  const bar = (name: string, data: (number | null)[], top: string, bottom: string) => ({
    name,
    type: 'bar' as const,
    yAxisIndex: 1,
    data,
    barWidth: 14,
    barGap: '15%',
    itemStyle: { color: verticalGradient(top, bottom), borderRadius: [3, 3, 0, 0] },
  });
  return {
    legend: { data: [CARD_SERIES.planCum, CARD_SERIES.actualCum, CARD_SERIES.plan, CARD_SERIES.actual] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('zh-CN')} 万元` : '—') },
    grid: { left: 84, right: 84, top: 56, bottom: 34 },
    xAxis: { type: 'category', data: months.map((m) => `${monthIndex(m.month)}月`), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: '累计（万元）', ...cumulativeAxis },
      { type: 'value', name: '月度（万元）', ...monthlyAxis, splitLine: { show: false } },
    ],
    series: [
      bar(CARD_SERIES.plan, plan, 'rgba(59, 130, 246, 0.75)', 'rgba(59, 130, 246, 0.1)'),
      bar(CARD_SERIES.actual, actual, COLORS.teal, 'rgba(45, 212, 191, 0.15)'),
      {
        name: CARD_SERIES.planCum,
        type: 'line',
        yAxisIndex: 0,
        data: planCum,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 3, type: 'dashed', color: COLORS.plan },
        itemStyle: { color: COLORS.plan },
      },
      {
        name: CARD_SERIES.actualCum,
        type: 'line',
        yAxisIndex: 0,
        data: actualCum,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 4, color: COLORS.accent },
        itemStyle: { color: COLORS.accent },
        areaStyle: { color: verticalGradient('rgba(34, 211, 238, 0.3)', 'rgba(34, 211, 238, 0.02)') },
        endLabel: { show: true, color: COLORS.accent, fontSize: FONT_SIZE.value, fontWeight: 'bold', formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? `${p.value.toLocaleString('zh-CN')}万` : '') },
      },
    ],
  };
}
