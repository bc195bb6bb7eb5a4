// 领域 chart: one bullet bar per domain on a percent axis of its own. The track is the annual plan
// (100 %), the fill the completion rate in the domain's status colour, the tick its own 序时进度; the
// figures (rate, completed / plan in 亿元, the target where there is one) read at the row's end, clear
// of the ticks. A 38.9 % against 54.9 % is then a sixth of the axis apart, not a few pixels.
import { toYi } from '../../shared/money.js';
import type { GroupFigures } from '../../shared/snapshot.js';
import { percent, type WallChartOption } from './option.js';
import { scheduleShare } from './progressTone.js';
import { figuresStatus, STATUS_COLORS, STATUSES, type Status } from './status.js';
import { COLORS, FONT_SIZE } from './theme.js';

export const DOMAIN_SERIES = { plan: '年度计划', rate: '完成率', schedule: '序时进度', figures: 'figures' } as const;

/** The rate axis: 0–100 %, further in steps of 50 when a domain is past its plan. */
export function rateAxis(values: readonly number[]): { min: 0; max: number; interval: number } {
  const top = Math.max(100, ...values);
  return { min: 0, max: Math.ceil(top / 50) * 50, interval: top > 100 ? 50 : 25 };
}

/** The row's end: the rate in its status colour, then completed / plan in 亿元 and the target. */
export function domainFigures(g: GroupFigures, status: Status): string {
  const target = g.target === null ? '' : ` {dim|目标${toYi(g.target).toFixed(1)}}`;
  return `{${status}|${percent(g.completionRate).toFixed(1)}%} {dim|${toYi(g.completed).toFixed(2)}/${toYi(g.annualPlan).toFixed(2)}亿}${target}`;
}

export function domainOption(groups: readonly GroupFigures[]): WallChartOption {
  // Horizontal category axes run bottom-up: reverse so the domains read top-down in their order.
  const rows = [...groups].reverse();
  const names = rows.map((g) => g.name);
  const rate = rows.map((g) => percent(g.completionRate));
  const schedule = rows.map((g) => (g.projects ? percent(scheduleShare(g)) : null));
  const status: Status[] = rows.map((g) => (g.projects ? figuresStatus(g) : 'onPlan'));
  const axis = rateAxis([...rate, ...schedule.map((s) => s ?? 0)]);
  const barWidth = Math.max(14, Math.min(24, Math.floor(150 / Math.max(1, rows.length))));
  const hasTarget = groups.some((g) => g.target !== null);
  const common = { type: 'bar' as const, barWidth, barGap: '-100%' };

  return {
    legend: {
      data: [
        { name: DOMAIN_SERIES.rate, icon: 'rect', itemStyle: { color: COLORS.textDim } },
        { name: DOMAIN_SERIES.schedule, icon: 'rect', itemStyle: { color: COLORS.teal } },
        { name: DOMAIN_SERIES.plan, icon: 'rect', itemStyle: { color: 'rgba(59, 130, 246, 0.45)' } },
      ],
      left: 8,
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 128, right: hasTarget ? 290 : 210, top: 40, bottom: 28 },
    xAxis: { type: 'value', ...axis, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, axisLabel: { fontSize: FONT_SIZE.label, color: COLORS.text, width: 116, overflow: 'truncate' } },
    series: [
      {
        // The track: the whole annual plan.
        ...common,
        name: DOMAIN_SERIES.plan,
        data: rows.map(() => 100),
        itemStyle: { color: 'rgba(59, 130, 246, 0.22)', borderColor: 'rgba(59, 130, 246, 0.45)', borderRadius: 3 },
        z: 1,
      },
      {
        ...common,
        name: DOMAIN_SERIES.rate,
        data: rate.map((value, i) => ({ value, itemStyle: { color: STATUS_COLORS[status[i]].wall, borderRadius: 3 } })),
        z: 2,
      },
      {
        // A tick across the bar at the domain's own 序时进度; no line between domains.
        name: DOMAIN_SERIES.schedule,
        type: 'scatter',
        data: schedule.flatMap((s, i) => (s === null ? [] : [[s, i]])),
        symbol: 'rect',
        symbolSize: [4, barWidth + 14],
        itemStyle: { color: COLORS.teal, borderColor: COLORS.ground, borderWidth: 1 },
        z: 3,
      },
      {
        // The figures at the row's end, past the track, the fill and the tick: never on a marker.
        name: DOMAIN_SERIES.figures,
        type: 'scatter',
        silent: true,
        symbolSize: 0,
        data: rows.map((g, i) => [Math.max(axis.max, rate[i]), i]),
        label: {
          show: true,
          position: 'right',
          distance: 10,
          fontSize: FONT_SIZE.label,
          formatter: (p: { dataIndex?: number }) => domainFigures(rows[p.dataIndex ?? 0], status[p.dataIndex ?? 0]),
          rich: {
            ...Object.fromEntries(STATUSES.map((s) => [s, { fontSize: FONT_SIZE.label, fontWeight: 700, color: STATUS_COLORS[s].wall }])),
            dim: { fontSize: FONT_SIZE.label, color: COLORS.textDim },
          },
        },
        tooltip: { show: false },
        z: 4,
      },
    ],
  };
}
