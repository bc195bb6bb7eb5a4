import { describe, expect, it } from 'vitest';
import { toYi } from '../../../shared/money.js';
import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption } from 'echarts/charts';
import { DOMAIN_SERIES, domainOption } from '../../../screen/charts/domain.js';
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
  const share = s.totals.schedulePlan / s.totals.annualPlan;

  it('draws every domain on the category axis in order', () => {
    const option = domainOption(s.byDomain);
    for (const axis of axes(option.xAxis)) {
      expect(axis.data).toEqual(['工业', '农业', '现代服务业', '基础设施', '社会民生', '节能环保']);
    }
  });

  it('gives plan and completed in 亿元 from the yuan figures', () => {
    const option = domainOption(s.byDomain);
    expect(series(option, DOMAIN_SERIES.plan).data).toEqual(s.byDomain.map((d) => toYi(d.annualPlan)));
    expect(series(option, DOMAIN_SERIES.completed).data).toEqual(s.byDomain.map((d) => toYi(d.completed)));
    // 30.6亿 of industry's annual plan is 3,060,000,000 yuan.
    expect(series(option, DOMAIN_SERIES.plan).data?.[0]).toBe(30.6);
    const planTotal = (series(option, DOMAIN_SERIES.plan).data as number[]).reduce((a, b) => a + b, 0);
    expect(planTotal).toBeCloseTo(84.9, 6);
  });

  it('plots completion rates on a percent axis of their own, with each domain\'s 序时进度 as a tick', () => {
    const option = domainOption(s.byDomain);
    const rate = series(option, DOMAIN_SERIES.rate) as BarSeriesOption;
    expect((rate.data as { value: number }[]).map((d) => d.value)).toEqual(s.byDomain.map((d) => Math.round(d.completionRate * 1000) / 10));
    expect(series(option, DOMAIN_SERIES.schedule).data).toEqual(s.byDomain.map((d) => Math.round((d.schedulePlan / d.annualPlan) * 1000) / 10));
    const rateAxis = axes(option.yAxis)[0];
    expect(rate.yAxisIndex).toBe(0);
    expect(rateAxis.min).toBe(0);
    expect(rateAxis.max).toBeGreaterThanOrEqual(Math.max(...s.byDomain.map((d) => d.completionRate * 100)));
    // The rate strip is a third of the chart, not a thin band.
    expect((option.grid as { height: string }[])[0].height).toBe('34%');
  });

  it('colours each rate by its status and never draws the target red', () => {
    const groups = s.byDomain.slice(0, 3).map((d, i) => ({
      ...d, projects: 3, target: i === 0 ? 5_000_000_000 : null, annualPlan: 1000, schedulePlan: 549, completed: [389, 520, 600][i], completionRate: [0.389, 0.52, 0.6][i],
    }));
    const option = domainOption(groups);
    const colours = (series(option, DOMAIN_SERIES.rate).data as { itemStyle: { color: { colorStops: { color: string }[] } } }[]).map((d) => d.itemStyle.color.colorStops[0].color);
    expect(colours).toEqual([STATUS_COLORS.lagging.wall, STATUS_COLORS.behind.wall, STATUS_COLORS.onPlan.wall]);
    expect(JSON.stringify(series(option, DOMAIN_SERIES.target))).not.toContain(STATUS_COLORS.lagging.wall);
    expect(JSON.stringify(option.legend)).not.toContain(STATUS_COLORS.lagging.wall);
  });

  it('puts each rate\'s figure above the higher of its bar and its 序时 tick, never on the tick', () => {
    const option = domainOption(s.byDomain);
    const labels = (option.series as Series[]).find((x) => x.name === 'rateLabel')!.data as { value: number }[];
    const schedule = series(option, DOMAIN_SERIES.schedule).data as number[];
    const rates = (series(option, DOMAIN_SERIES.rate).data as { value: number }[]).map((d) => d.value);
    labels.forEach((l, i) => expect(l.value).toBe(Math.max(rates[i], schedule[i])));
  });

  it('marks targets only where a domain has one, and lists the marker in the legend then', () => {
    const without = domainOption(s.byDomain);
    expect(series(without, DOMAIN_SERIES.target).data).toEqual([null, null, null, null, null, null]);
    const legendNames = (o: WallChartOption) => (o.legend as { data: (string | { name: string })[] }).data.map((d) => (typeof d === 'string' ? d : d.name));
    expect(legendNames(without)).not.toContain(DOMAIN_SERIES.target);

    const groups = s.byDomain.map((d, i) => ({ ...d, target: i === 0 ? 5_000_000_000 : null }));
    const withTarget = domainOption(groups);
    expect(series(withTarget, DOMAIN_SERIES.target).data).toEqual([50, null, null, null, null, null]);
    expect(legendNames(withTarget)).toContain(DOMAIN_SERIES.target);
    const label = axes(withTarget.xAxis)[1].axisLabel as { formatter: (name: string, i: number) => string };
    expect(label.formatter('工业', 0)).toBe('工业\n{target|目标50}');
    expect(label.formatter('农业', 1)).toBe('农业');
  });

  it('keeps the target series present when targets disappear, so a merging setOption clears the markers', () => {
    const option = domainOption(s.byDomain);
    expect((option.series as Series[]).map((x) => x.name)).toEqual([
      DOMAIN_SERIES.rate,
      DOMAIN_SERIES.schedule,
      'rateLabel',
      DOMAIN_SERIES.plan,
      DOMAIN_SERIES.completed,
      DOMAIN_SERIES.target,
    ]);
  });

  it('sizes the amount axis above the tallest bar or target', () => {
    const groups = s.byDomain.map((d, i) => ({ ...d, target: i === 0 ? 9_000_000_000 : null }));
    const amountAxis = axes(domainOption(groups).yAxis)[1];
    expect(amountAxis.max).toBeGreaterThanOrEqual(90);
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
