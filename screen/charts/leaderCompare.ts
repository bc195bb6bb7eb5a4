// 挂点领导 page: each leader's completion rate as a bar, their own 序时进度 as a tick across it.
import { ratio } from '../../shared/money.js';
import { progressTone, type ProgressTone } from './progressTone.js';
import type { LeaderFigures } from '../../shared/snapshot.js';
import { percent, type WallChartOption } from './option.js';
import { COLORS, FONT_SIZE, verticalGradient } from './theme.js';

export const LEADER_SERIES = { rate: '完成率', schedule: '序时进度' } as const;

const TONE_FILL: Record<ProgressTone, [string, string]> = {
  ahead: [COLORS.green, 'rgba(52, 211, 153, 0.3)'],
  near: [COLORS.amber, 'rgba(251, 191, 36, 0.3)'],
  behind: [COLORS.red, 'rgba(244, 63, 94, 0.3)'],
};

export function leaderCompareOption(leaders: readonly LeaderFigures[]): WallChartOption {
  const names = leaders.map((l) => l.name);
  const rate = leaders.map((l) => percent(l.completionRate));
  const schedule = leaders.map((l) => (l.projects ? percent(ratio(l.schedulePlan, l.annualPlan)) : null));
  const max = Math.max(100, ...rate, ...schedule.map((s) => s ?? 0));
  return {
    legend: {
      // The bars take their colour from their pace, so only the tick needs a key.
      data: [{ name: LEADER_SERIES.schedule, icon: 'rect', itemStyle: { color: COLORS.teal } }],
      right: 8,
      left: 'auto',
    },
    grid: { left: 60, right: 24, top: 44, bottom: 36 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, fontSize: FONT_SIZE.value, color: COLORS.text } },
    yAxis: { type: 'value', min: 0, max: Math.ceil(max / 20) * 20, interval: 20, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: LEADER_SERIES.rate,
        type: 'bar',
        barWidth: Math.max(18, Math.min(48, Math.floor(480 / Math.max(1, leaders.length)))),
        data: rate.map((value, i) => ({
          value,
          itemStyle: {
            color: verticalGradient(...TONE_FILL[leaders[i].projects ? progressTone(leaders[i].scheduleRate) : 'ahead']),
            borderRadius: [3, 3, 0, 0],
          },
        })),
        label: {
          show: true,
          // Inside the bar's top, clear of the 序时 tick just above or across it.
          position: 'insideTop',
          distance: 8,
          fontSize: FONT_SIZE.value,
          fontWeight: 700,
          color: COLORS.text,
          textBorderColor: COLORS.ground,
          textBorderWidth: 3,
          formatter: (p: { value?: unknown }) => `${Number(p.value).toFixed(1)}%`,
        },
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
    ],
  };
}
