// 领域 chart: per domain, the completion rate against the domain's own 序时进度 on a percent axis of its
// own (top strip, bars coloured by status), and annual plan vs completed in 亿元 below.
import { toYi } from '../../shared/money.js';
import type { GroupFigures } from '../../shared/snapshot.js';
import { niceAxis, percent, yiLabel, type WallChartOption } from './option.js';
import { scheduleShare } from './progressTone.js';
import { figuresStatus, STATUS_COLORS } from './status.js';
import { COLORS, FONT_SIZE, verticalGradient } from './theme.js';

export const DOMAIN_SERIES = { rate: '完成率', schedule: '序时进度', plan: '年度计划', completed: '累计完成', target: '目标任务' } as const;

/** Left margin of both strips: room for the axis labels and their names. */
const GRID_LEFT = 84;

/** The rate axis: from 0, in steps of 20 or 25, with head room above the highest rate or 序时 for the labels. */
export function rateAxis(values: readonly number[]): { min: 0; max: number; interval: number } {
  const top = Math.max(0, ...values) * 1.3;
  if (top <= 60) return { min: 0, max: 60, interval: 20 };
  if (top <= 100) return { min: 0, max: 100, interval: 50 };
  return { min: 0, max: Math.ceil(top / 50) * 50, interval: 50 };
}

export function domainOption(groups: readonly GroupFigures[]): WallChartOption {
  const names = groups.map((g) => g.name);
  const plan = groups.map((g) => toYi(g.annualPlan));
  const completed = groups.map((g) => toYi(g.completed));
  const rate = groups.map((g) => percent(g.completionRate));
  const schedule = groups.map((g) => (g.projects ? percent(scheduleShare(g)) : null));
  const status = groups.map((g) => (g.projects ? figuresStatus(g) : 'onPlan'));
  const target = groups.map((g) => (g.target === null ? null : toYi(g.target)));
  const hasTarget = target.some((t) => t !== null);
  // Head room above the tallest bar for its label.
  const amounts = niceAxis(Math.max(...plan, ...completed, ...target.map((t) => t ?? 0)) * 1.25, 3);
  const rates = rateAxis([...rate, ...schedule.map((s) => s ?? 0)]);
  const slot = 1 / Math.max(1, groups.length);
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
        { name: DOMAIN_SERIES.rate, icon: 'rect', itemStyle: { color: COLORS.textDim } },
        { name: DOMAIN_SERIES.schedule, icon: 'rect', itemStyle: { color: COLORS.teal } },
        DOMAIN_SERIES.plan,
        DOMAIN_SERIES.completed,
        ...(hasTarget ? [{ name: DOMAIN_SERIES.target, icon: 'rect', itemStyle: { color: COLORS.target } }] : []),
      ],
    },
    tooltip: { trigger: 'axis' },
    // Two strips over one category axis: rates on their own percent axis, amounts below.
    grid: [
      { left: GRID_LEFT, right: 16, top: 48, height: '34%' },
      { left: GRID_LEFT, right: 16, top: '58%', bottom: hasTarget ? 58 : 34 },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: names, axisLabel: { show: false }, axisLine: { show: true } },
      {
        type: 'category',
        gridIndex: 1,
        data: names,
        // The target, where there is one, reads under the domain's name (a label on the marker would hit the bars').
        axisLabel: {
          interval: 0,
          formatter: (name: string, index: number) => (target[index] === null ? name : `${name}\n{target|目标${target[index]}}`),
          rich: { target: { color: COLORS.target, fontSize: FONT_SIZE.label, padding: [4, 0, 0, 0] } },
        },
      },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, ...rates, axisLabel: { formatter: '{value}%' } },
      { type: 'value', gridIndex: 1, name: '亿元', nameLocation: 'middle', nameGap: 58, nameRotate: 90, ...amounts },
    ],
    series: [
      {
        name: DOMAIN_SERIES.rate,
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barWidth: '42%',
        data: rate.map((value, i) => ({
          value,
          itemStyle: { color: verticalGradient(STATUS_COLORS[status[i]].wall, STATUS_COLORS[status[i]].wallSoft), borderRadius: [3, 3, 0, 0] },
        })),
        z: 2,
      },
      {
        // A wide tick at each domain's own 序时进度; no line between domains.
        name: DOMAIN_SERIES.schedule,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: schedule,
        symbol: 'rect',
        symbolSize: [Math.round(600 * slot), 4],
        lineStyle: { opacity: 0 },
        itemStyle: { color: COLORS.teal },
        z: 3,
      },
      {
        // The rate's figure above both the bar and the tick, never on the tick: placed at the higher of the two.
        name: 'rateLabel',
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        silent: true,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: rate.map((value, i) => ({ value: Math.max(value, schedule[i] ?? 0), label: { color: STATUS_COLORS[status[i]].wall } })),
        label: {
          show: true,
          position: 'top',
          distance: 6,
          fontSize: FONT_SIZE.value,
          fontWeight: 700,
          textBorderColor: COLORS.ground,
          textBorderWidth: 3,
          formatter: (p: { dataIndex?: number }) => `${rate[p.dataIndex ?? 0].toFixed(1)}%`,
        },
        labelLayout: { hideOverlap: true },
        tooltip: { show: false },
        z: 4,
      },
      {
        name: DOMAIN_SERIES.plan,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: plan,
        barWidth: '30%',
        barGap: '20%',
        itemStyle: { color: verticalGradient(COLORS.plan, COLORS.planSoft), borderRadius: [3, 3, 0, 0] },
        label: { ...barLabel, color: COLORS.textDim },
        labelLayout: { hideOverlap: true },
      },
      {
        name: DOMAIN_SERIES.completed,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: completed,
        barWidth: '30%',
        itemStyle: { color: verticalGradient(COLORS.accent, 'rgba(34, 211, 238, 0.3)'), borderRadius: [3, 3, 0, 0] },
        label: { ...barLabel, color: COLORS.accent },
        labelLayout: { hideOverlap: true },
      },
      {
        // A wide dashed-looking tick across both bars at the year's target (neutral: a target is not a warning).
        name: DOMAIN_SERIES.target,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: target,
        symbol: 'rect',
        symbolSize: [Math.round(640 * slot), 4],
        lineStyle: { opacity: 0 },
        itemStyle: { color: COLORS.target },
        z: 1,
      },
    ],
  };
}
