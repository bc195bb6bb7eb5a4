// 挂点领导 page: each leader's completion rate as a bar, their own 序时进度 as a tick across it.
import { ratio } from '../../shared/money.js';
import { progressTone } from './progressTone.js';
import type { LeaderFigures } from '../../shared/snapshot.js';
import { percent, type WallChartOption } from './option.js';
import { STATUS_COLORS } from './status.js';
import { COLORS, FONT_SIZE, verticalGradient } from './theme.js';

export const LEADER_SERIES = { rate: '完成率', schedule: '序时进度' } as const;

export function leaderCompareOption(leaders: readonly LeaderFigures[]): WallChartOption {
  const names = leaders.map((l) => l.name);
  const rate = leaders.map((l) => percent(l.completionRate));
  const schedule = leaders.map((l) => (l.projects ? percent(ratio(l.schedulePlan, l.annualPlan)) : null));
  const status = leaders.map((l) => progressTone(l));
  // Head room above the highest bar or tick for its figure.
  const max = Math.max(100, ...rate.map((r) => r * 1.1), ...schedule.map((s) => (s ?? 0) * 1.1));
  return {
    legend: {
      // The bars take their colour from their pace, so only the tick needs a key.
      data: [{ name: LEADER_SERIES.schedule, icon: 'rect', itemStyle: { color: COLORS.teal } }],
      right: 8,
      left: 'auto',
    },
    grid: { left: 72, right: 16, top: 44, bottom: 36 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, fontSize: FONT_SIZE.value, color: COLORS.text } },
    yAxis: { type: 'value', min: 0, max: Math.ceil(max / 50) * 50, interval: 50, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: LEADER_SERIES.rate,
        type: 'bar',
        barWidth: Math.max(18, Math.min(48, Math.floor(480 / Math.max(1, leaders.length)))),
        data: rate.map((value, i) => ({
          value,
          itemStyle: { color: verticalGradient(STATUS_COLORS[status[i]].wall, STATUS_COLORS[status[i]].wallSoft), borderRadius: [3, 3, 0, 0] },
        })),
      },
      {
        // A wide tick at each leader's own 序时进度; no line between leaders.
        name: LEADER_SERIES.schedule,
        type: 'line',
        data: schedule,
        symbol: 'rect',
        symbolSize: [64, 4],
        lineStyle: { opacity: 0 },
        itemStyle: { color: COLORS.teal },
        z: 3,
      },
      {
        // The rate's figure above both the bar and the tick, never on the tick (an unseen point at the higher of the two).
        name: 'rateLabel',
        type: 'scatter',
        silent: true,
        symbolSize: 0,
        data: rate.map((value, i) => ({ value: Math.max(value, schedule[i] ?? 0), label: { color: STATUS_COLORS[status[i]].wall } })),
        label: {
          show: true,
          position: 'top',
          distance: 10,
          fontSize: FONT_SIZE.value,
          fontWeight: 700,
          textBorderColor: COLORS.ground,
          textBorderWidth: 3,
          formatter: (p: { dataIndex?: number }) => `${rate[p.dataIndex ?? 0].toFixed(1)}%`,
        },
        tooltip: { show: false },
        z: 4,
      },
    ],
  };
}
