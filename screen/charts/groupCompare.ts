// 领域 page: the groups side by side in 亿元 — annual plan, planned to date (序时) and completed,
// drawn over one another as bullet bars, first group on top.
import { formatPercent, toYi } from '../../shared/money.js';
import type { GroupFigures } from '../../shared/snapshot.js';
import { niceAxis, type WallChartOption } from './option.js';
import { COLORS, FONT_SIZE } from './theme.js';

export const GROUP_COMPARE_SERIES = { plan: '年度计划', schedule: '序时计划', completed: '累计完成' } as const;

export function groupCompareOption(groups: readonly GroupFigures[]): WallChartOption {
  // Horizontal category axes run bottom-up: reverse so the list reads top-down like the cards.
  const rows = [...groups].reverse();
  const names = rows.map((g) => g.name);
  const plan = rows.map((g) => toYi(g.annualPlan));
  const schedule = rows.map((g) => toYi(g.schedulePlan));
  const completed = rows.map((g) => toYi(g.completed));
  const axis = niceAxis(Math.max(0, ...plan, ...completed) * 1.28, 4);
  const barWidth = Math.max(14, Math.min(30, Math.floor(220 / Math.max(1, rows.length))));
  const common = { type: 'bar' as const, barWidth, barGap: '-100%' };

  return {
    legend: {
      data: [GROUP_COMPARE_SERIES.plan, GROUP_COMPARE_SERIES.schedule, GROUP_COMPARE_SERIES.completed],
      right: 8,
      left: 'auto',
    },
    grid: { left: 150, right: 24, top: 40, bottom: 28 },
    xAxis: { type: 'value', ...axis },
    yAxis: {
      type: 'category',
      data: names,
      axisLabel: { fontSize: FONT_SIZE.value, color: COLORS.text, width: 136, overflow: 'truncate' },
    },
    series: [
      {
        ...common,
        name: GROUP_COMPARE_SERIES.plan,
        data: plan,
        itemStyle: { color: 'rgba(59, 130, 246, 0.28)', borderRadius: 3 },
        // The row's summary at the end of the plan bar: completed of plan and the rate.
        label: {
          show: true,
          position: 'right',
          fontSize: FONT_SIZE.value,
          color: COLORS.textDim,
          formatter: (p: { dataIndex?: number }) => {
            const g = rows[p.dataIndex ?? 0];
            return `${toYi(g.completed).toFixed(2)} / ${toYi(g.annualPlan).toFixed(2)}  ${formatPercent(g.completionRate)}`;
          },
        },
        z: 1,
      },
      {
        ...common,
        name: GROUP_COMPARE_SERIES.schedule,
        data: schedule,
        itemStyle: { color: 'rgba(45, 212, 191, 0.08)', borderColor: COLORS.teal, borderWidth: 2, borderType: 'dashed' },
        z: 3,
      },
      {
        ...common,
        name: GROUP_COMPARE_SERIES.completed,
        data: completed,
        itemStyle: { color: COLORS.accent, borderRadius: 2 },
        z: 2,
      },
    ],
  };
}
