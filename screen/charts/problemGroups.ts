// 问题台账 page: the four coordination groups (资金筹措, 用地保障 …), open and closed stacked per group.
import type { ProblemSummary } from '../../shared/problems.js';
import { niceAxis, type WallChartOption } from './option.js';
import { COLORS, FONT_SIZE } from './theme.js';

export const PROBLEM_GROUP_SERIES = { open: '未销号', closed: '已销号' } as const;

export function problemGroupsOption(byCategory: ProblemSummary['byCategory']): WallChartOption {
  // Horizontal category axes run bottom-up: reverse so the configured order reads top-down.
  const rows = [...byCategory].reverse();
  const axis = niceAxis(Math.max(4, ...rows.map((c) => c.open + c.closed)) * 1.15, 4);
  const barWidth = Math.max(18, Math.min(40, Math.floor(260 / Math.max(1, rows.length))));
  const label = (color: string) => ({
    show: true,
    position: 'inside' as const,
    fontSize: FONT_SIZE.value,
    fontWeight: 700 as const,
    color,
    formatter: (p: { value?: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
  });
  return {
    legend: { data: [PROBLEM_GROUP_SERIES.open, PROBLEM_GROUP_SERIES.closed], right: 8, left: 'auto' },
    grid: { left: 112, right: 28, top: 40, bottom: 28 },
    xAxis: { type: 'value', minInterval: 1, ...axis },
    yAxis: { type: 'category', data: rows.map((c) => c.category), axisLabel: { fontSize: FONT_SIZE.value, color: COLORS.text } },
    series: [
      {
        name: PROBLEM_GROUP_SERIES.open,
        type: 'bar',
        stack: 'problems',
        barWidth,
        data: rows.map((c) => c.open),
        // Neutral: an open problem is work in hand, not a status (red, amber and green are status.ts's).
        itemStyle: { color: COLORS.accent },
        label: label('#03202a'),
      },
      {
        name: PROBLEM_GROUP_SERIES.closed,
        type: 'bar',
        stack: 'problems',
        barWidth,
        data: rows.map((c) => c.closed),
        itemStyle: { color: 'rgba(96, 165, 250, 0.45)', borderRadius: [0, 3, 3, 0] },
        label: label(COLORS.text),
      },
    ],
  };
}
