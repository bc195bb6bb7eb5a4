// 领域 chart: per domain, annual plan vs completed (亿元) below, completion rate against 序时进度 above.
import { toYi } from '../../shared/money.js';
import type { GroupFigures } from '../../shared/snapshot.js';
import { niceAxis, percent, yiLabel, type WallChartOption } from './option.js';
import { COLORS, FONT_SIZE, verticalGradient } from './theme.js';

export const DOMAIN_SERIES = { plan: '年度计划', completed: '累计完成', rate: '完成率', target: '目标任务' } as const;

/** Left margin of both strips; the rate strip's row label (序时进度) sits in it. */
const GRID_LEFT = 96;

/**
 * @param scheduleShare 序时进度 as a ratio (planned to date / annual plan), drawn as the rate strip's reference line.
 */
export function domainOption(groups: readonly GroupFigures[], scheduleShare: number): WallChartOption {
  const names = groups.map((g) => g.name);
  const plan = groups.map((g) => toYi(g.annualPlan));
  const completed = groups.map((g) => toYi(g.completed));
  const rate = groups.map((g) => percent(g.completionRate));
  const target = groups.map((g) => (g.target === null ? null : toYi(g.target)));
  const hasTarget = target.some((t) => t !== null);
  const schedule = percent(scheduleShare);
  // Head room above the tallest bar for its label.
  const amounts = niceAxis(Math.max(...plan, ...completed, ...target.map((t) => t ?? 0)) * 1.2, 4);
  // Outlined so a target marker passing behind stays out of the way of the figures.
  const barLabel = {
    show: true,
    position: 'top' as const,
    fontSize: FONT_SIZE.label,
    textBorderColor: COLORS.ground,
    textBorderWidth: 3,
    formatter: (p: { value?: unknown }) => yiLabel(p.value),
  };

  return {
    legend: {
      data: [
        DOMAIN_SERIES.plan,
        DOMAIN_SERIES.completed,
        DOMAIN_SERIES.rate,
        ...(hasTarget ? [{ name: DOMAIN_SERIES.target, icon: 'rect', itemStyle: { color: COLORS.red } }] : []),
      ],
    },
    tooltip: { trigger: 'axis' },
    // Two strips over one category axis: the rate line never collides with the bars' labels.
    grid: [
      { left: GRID_LEFT, right: 24, top: 52, height: 36 },
      { left: GRID_LEFT, right: 24, top: 116, bottom: hasTarget ? 52 : 30 },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: names, axisLabel: { show: false }, axisLine: { show: false } },
      {
        type: 'category',
        gridIndex: 1,
        data: names,
        // The target, where there is one, reads under the domain's name (a label on the marker would hit the bars').
        axisLabel: {
          interval: 0,
          formatter: (name: string, index: number) => (target[index] === null ? name : `${name}\n{target|目标${target[index]}}`),
          rich: { target: { color: COLORS.red, fontSize: FONT_SIZE.label, padding: [4, 0, 0, 0] } },
        },
      },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: Math.max(100, ...rate),
        axisLabel: { show: false },
        splitLine: { show: false },
      },
      { type: 'value', gridIndex: 1, name: '亿元', nameGap: 10, ...amounts },
    ],
    series: [
      {
        name: DOMAIN_SERIES.rate,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: rate,
        symbol: 'circle',
        symbolSize: 10,
        lineStyle: { width: 3, color: COLORS.amber },
        itemStyle: { color: COLORS.amber },
        label: { show: true, position: 'top', color: COLORS.amber, fontSize: FONT_SIZE.label, formatter: (p: { value?: unknown }) => `${Number(p.value).toFixed(1)}%` },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLORS.teal, type: 'dashed', width: 2 },
          label: { position: 'start', color: COLORS.teal, fontSize: FONT_SIZE.label, formatter: `序时进度\n${schedule.toFixed(1)}%` },
          data: [{ yAxis: schedule }],
        },
      },
      {
        name: DOMAIN_SERIES.plan,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: plan,
        barWidth: 34,
        barGap: '40%',
        itemStyle: { color: verticalGradient(COLORS.plan, COLORS.planSoft), borderRadius: [3, 3, 0, 0] },
        label: { ...barLabel, color: COLORS.textDim },
      },
      {
        name: DOMAIN_SERIES.completed,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: completed,
        barWidth: 34,
        itemStyle: { color: verticalGradient(COLORS.accent, 'rgba(45, 212, 191, 0.35)'), borderRadius: [3, 3, 0, 0] },
        label: { ...barLabel, color: COLORS.accent },
      },
      {
        // A wide tick across both bars at the year's target, behind the bars and their labels;
        // no line between categories.
        name: DOMAIN_SERIES.target,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: target,
        symbol: 'rect',
        symbolSize: [92, 3],
        lineStyle: { opacity: 0 },
        itemStyle: { color: COLORS.red },
        z: 1,
      },
    ],
  };
}
