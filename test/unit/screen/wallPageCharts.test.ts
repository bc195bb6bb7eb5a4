// Option builders of the wall pages' charts: 领域 compared, the four problem groups, the leaders.
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GROUP_COMPARE_SERIES, groupCompareOption } from '../../../screen/charts/groupCompare.js';
import { LEADER_SERIES, leaderCompareOption } from '../../../screen/charts/leaderCompare.js';
import type { WallChartOption } from '../../../screen/charts/option.js';
import { PROBLEM_GROUP_SERIES, problemGroupsOption } from '../../../screen/charts/problemGroups.js';
import { toYi } from '../../../shared/money.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

type Series = BarSeriesOption | LineSeriesOption;

function series(option: WallChartOption, name: string): Series {
  const found = (option.series as Series[]).find((s) => s.name === name);
  if (!found) throw new Error(`no series ${name}`);
  return found;
}
const axis = (a: unknown) => a as { data?: unknown[]; max?: number; interval?: number };
type Formatter = (p: { dataIndex?: number; value?: unknown }) => string;
const labelOf = (s: Series) => (s.label as { formatter: Formatter }).formatter;

describe('groupCompareOption', () => {
  const s = makeSnapshot();
  const option = groupCompareOption(s.byDomain);

  it('lists the domains top-down on a horizontal category axis', () => {
    expect(axis(option.yAxis).data).toEqual(['节能环保', '社会民生', '基础设施', '现代服务业', '农业', '工业']);
  });

  it('overlays plan, 序时 plan and completed in 亿元 from the yuan figures', () => {
    const reversed = [...s.byDomain].reverse();
    expect(series(option, GROUP_COMPARE_SERIES.plan).data).toEqual(reversed.map((g) => toYi(g.annualPlan)));
    expect(series(option, GROUP_COMPARE_SERIES.schedule).data).toEqual(reversed.map((g) => toYi(g.schedulePlan)));
    expect(series(option, GROUP_COMPARE_SERIES.completed).data).toEqual(reversed.map((g) => toYi(g.completed)));
    for (const name of Object.values(GROUP_COMPARE_SERIES)) expect((series(option, name) as BarSeriesOption).barGap).toBe('-100%');
  });

  it('labels each row with completed of plan and the rate, with room on the axis for it', () => {
    expect(labelOf(series(option, GROUP_COMPARE_SERIES.plan))({ dataIndex: 5 })).toBe('21.35 / 30.60  69.8%');
    expect(axis(option.xAxis).max).toBeGreaterThanOrEqual(30.6 * 1.28);
  });
});

describe('problemGroupsOption', () => {
  const byCategory = makeSnapshot().problems.byCategory;
  const option = problemGroupsOption(byCategory);

  it('stacks open and closed per group, in the configured order top-down', () => {
    expect(axis(option.yAxis).data).toEqual(['工程建设', '审批协调', '用地保障', '资金筹措']);
    expect(series(option, PROBLEM_GROUP_SERIES.open).data).toEqual([2, 2, 4, 3]);
    expect(series(option, PROBLEM_GROUP_SERIES.closed).data).toEqual([4, 6, 3, 5]);
    expect((series(option, PROBLEM_GROUP_SERIES.open) as BarSeriesOption).stack).toBe('problems');
  });

  it('keeps whole-number steps and hides zero labels', () => {
    const empty = problemGroupsOption([{ category: '资金筹措', open: 0, closed: 0 }]);
    expect(Number.isInteger(axis(empty.xAxis).interval)).toBe(true);
    expect(labelOf(series(empty, PROBLEM_GROUP_SERIES.open))({ value: 0 })).toBe('');
    expect(labelOf(series(option, PROBLEM_GROUP_SERIES.open))({ value: 4 })).toBe('4');
  });
});

describe('leaderCompareOption', () => {
  const leaders = makeSnapshot().byLeader;
  const option = leaderCompareOption(leaders);

  it('draws every leader\'s completion rate in percent with their own 序时进度 as a tick', () => {
    expect(axis(option.xAxis).data).toEqual(leaders.map((l) => l.name));
    const rates = (series(option, LEADER_SERIES.rate).data as { value: number }[]).map((d) => d.value);
    expect(rates[1]).toBe(66.1);
    expect(series(option, LEADER_SERIES.schedule).data).toEqual(leaders.map((l) => Math.round((l.schedulePlan / l.annualPlan) * 1000) / 10));
    expect(axis(option.yAxis).max).toBe(100);
  });

  it('leaves out the tick for a leader without projects and colours bars by pace', () => {
    const idle = leaderCompareOption([{ ...leaders[0], projects: 0, annualPlan: 0, completed: 0, schedulePlan: 0, completionRate: 0, scheduleRate: 0 }, leaders[1]]);
    expect(series(idle, LEADER_SERIES.schedule).data?.[0]).toBeNull();
    const colours = (series(idle, LEADER_SERIES.rate).data as { itemStyle: { color: { colorStops: { color: string }[] } } }[]).map((d) => d.itemStyle.color.colorStops[0].color);
    expect(colours[0]).toBe(colours[1]); // no projects reads as on pace, like a leader ahead of schedule
  });
});
