import { describe, expect, it } from 'vitest';
import { toYi } from '../../../shared/money.js';
import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption } from 'echarts/charts';
import { DOMAIN_SERIES, domainFigures, domainOption, rateAxis } from '../../../screen/charts/domain.js';
import { niceAxis, percent, yiLabel, type WallChartOption } from '../../../screen/charts/option.js';
import { STATUS_COLORS } from '../../../screen/charts/status.js';
import { PROGRESS_RINGS, progressOption } from '../../../screen/charts/progress.js';
import { TREND_SERIES, trendOption } from '../../../screen/charts/trend.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

type Series = BarSeriesOption | LineSeriesOption | GaugeSeriesOption;

function series(option: WallChartOption, name: string): Series {
  const found = (option.series as Series[]).find((s) => s.name === name);
  if (!found) throw new Error(`no series ${name}`);
  return found;
}
const axes = (a: unknown) => (Array.isArray(a) ? a : [a]) as Record<string, unknown>[];

describe('domainOption', () => {
  const s = makeSnapshot();
  const bars = (o: WallChartOption, name: string) => (series(o, name).data as { value: number; itemStyle: { color: string } }[]);

  it('draws every domain as a row, in order from the top', () => {
    const option = domainOption(s.byDomain);
    expect(axes(option.yAxis)[0].data).toEqual(['工业', '农业', '现代服务业', '基础设施', '社会民生', '节能环保'].reverse());
  });

  it('plots completion rates on a percent axis of their own, each domain\'s 序时进度 as a tick across its bar', () => {
    const option = domainOption(s.byDomain);
    const rows = [...s.byDomain].reverse();
    expect(bars(option, DOMAIN_SERIES.rate).map((d) => d.value)).toEqual(rows.map((d) => Math.round(d.completionRate * 1000) / 10));
    expect(series(option, DOMAIN_SERIES.schedule).data).toEqual(rows.map((d, i) => [Math.round((d.schedulePlan / d.annualPlan) * 1000) / 10, i]));
    expect(series(option, DOMAIN_SERIES.plan).data).toEqual(rows.map(() => 100));
    expect(axes(option.xAxis)[0]).toMatchObject({ min: 0, max: 100 });
    expect(rateAxis([38.9, 130])).toMatchObject({ max: 150, interval: 50 });
  });

  it('colours each rate by its status and never draws a target red', () => {
    const groups = s.byDomain.slice(0, 3).map((d, i) => ({
      ...d, projects: 3, target: i === 0 ? 5_000_000_000 : null, annualPlan: 1000, schedulePlan: 549, completed: [389, 520, 600][i], completionRate: [0.389, 0.52, 0.6][i],
    }));
    const option = domainOption(groups);
    expect(bars(option, DOMAIN_SERIES.rate).map((d) => d.itemStyle.color)).toEqual([STATUS_COLORS.onPlan.wall, STATUS_COLORS.behind.wall, STATUS_COLORS.lagging.wall]);
    expect(domainFigures(groups[0], 'lagging')).toBe('{lagging|38.9%} {dim|0.00/0.00亿} {dim|目标50.0}');
    expect(domainFigures(groups[1], 'behind')).toBe('{behind|52.0%} {dim|0.00/0.00亿}');
  });

  it('puts the figures past the end of the track, never on a 序时 tick', () => {
    const option = domainOption(s.byDomain);
    const at = (series(option, DOMAIN_SERIES.figures).data as [number, number][]).map(([x]) => x);
    const ticks = (series(option, DOMAIN_SERIES.schedule).data as [number, number][]).map(([x]) => x);
    for (const x of at) expect(x).toBeGreaterThanOrEqual(Math.max(100, ...ticks));
  });
});

describe('trendOption', () => {
  const s = makeSnapshot();

  it('labels the months 1月 to 12月', () => {
    const option = trendOption(s.trend, s.reportingMonth);
    expect(axes(option.xAxis)[0].data).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
  });

  it('gives cumulative plan for the whole year and actual figures through the reporting month only', () => {
    const option = trendOption(s.trend, s.reportingMonth);
    expect(series(option, TREND_SERIES.planCum).data).toEqual(s.trend.map((p) => toYi(p.planCum)));
    const actual = series(option, TREND_SERIES.actualCum).data as (number | null)[];
    expect(actual.slice(0, 8)).toEqual(s.trend.slice(0, 8).map((p) => toYi(p.actualCum)));
    expect(actual.slice(8)).toEqual([null, null, null, null]);
    expect(actual[7]).toBeCloseTo(toYi(s.totals.completed), 6);
    const monthly = series(option, TREND_SERIES.monthly).data as (number | null)[];
    expect(monthly.slice(0, 8)).toEqual(s.trend.slice(0, 8).map((p) => toYi(p.actual)));
    expect(monthly[8]).toBeNull();
    expect(series(option, TREND_SERIES.planCum).data?.[11]).toBeCloseTo(84.9, 6);
  });

  it('draws the current month once its reports come in', () => {
    const trend = s.trend.map((p, i) => (i === 8 ? { ...p, actual: 50_000_000, actualCum: p.actualCum + 50_000_000 } : p));
    const monthly = series(trendOption(trend, s.reportingMonth), TREND_SERIES.monthly).data as (number | null)[];
    expect(monthly[8]).toBe(0.5);
    expect(monthly[9]).toBeNull();
  });

  it('aligns both value axes on five equal steps', () => {
    const [cumulative, monthly] = axes(trendOption(s.trend, s.reportingMonth).yAxis);
    expect(cumulative.max).toBe((cumulative.interval as number) * 5);
    expect(monthly.max).toBe((monthly.interval as number) * 5);
    expect(cumulative.max).toBeGreaterThanOrEqual(84.9);
  });
});

describe('progressOption', () => {
  it('shows the start and completion rates as percent rings', () => {
    const { totals } = makeSnapshot();
    const option = progressOption({ startRate: totals.startRate, completionRate: totals.completionProjectRate });
    expect(series(option, PROGRESS_RINGS.start).data).toEqual([{ name: '开工率', value: 80.5 }]);
    expect(series(option, PROGRESS_RINGS.completion).data).toEqual([{ name: '竣工率', value: 36.2 }]);
  });
});

describe('chart helpers', () => {
  it('rounds ratios to one-decimal percents', () => {
    expect(percent(0.64771)).toBe(64.8);
    expect(percent(0)).toBe(0);
  });

  it('picks round axis steps', () => {
    expect(niceAxis(93.4)).toEqual({ min: 0, max: 100, interval: 20 });
    expect(niceAxis(24.2)).toEqual({ min: 0, max: 25, interval: 5 });
    expect(niceAxis(0)).toEqual({ min: 0, max: 5, interval: 1 });
    expect(niceAxis(0.7)).toEqual({ min: 0, max: 1, interval: 0.2 });
  });

  it('labels amounts with two decimals', () => {
    expect(yiLabel(11.2064)).toBe('11.21');
    expect(yiLabel(30.6)).toBe('30.60');
    expect(yiLabel(null)).toBe('');
  });
});
