// Across campaign years: 同比 (against the same month of the year before) and a multi-year campaign's
// progress against its whole-period targets (上犹 2021-2023). The server sends the earlier years'
// figures once; these functions combine them with the live ones wherever they are shown.
import { ratio, type Yuan } from './money.js';
import type { CampaignPeriod, GroupFigures, PeriodGroup, PriorYear, Totals } from './snapshot.js';

export type { CampaignPeriod, PeriodGroup, PriorYear };

/** Growth against the previous figure, null when there is nothing to compare with. */
export function growth(current: number, previous: number): number | null {
  return previous > 0 ? current / previous - 1 : null;
}

/** 「同比增长11.5%」/「同比下降3.2%」/「同比持平」, or '' without a previous figure. */
export function growthText(current: number, previous: number): string {
  const g = growth(current, previous);
  if (g === null) return '';
  const pct = Math.abs(g * 100).toFixed(1);
  if (pct === '0.0') return '同比持平';
  return g > 0 ? `同比增长${pct}%` : `同比下降${pct}%`;
}

/** Which way a 同比 went, for colouring (the same 0.1% rounding as growthText); null without a previous figure. */
export type GrowthTone = 'up' | 'down' | 'flat';
export function growthTone(current: number, previous: number): GrowthTone | null {
  const text = growthText(current, previous);
  return text === '' ? null : text === '同比持平' ? 'flat' : current > previous ? 'up' : 'down';
}

/** 「同比增加3个」/「同比减少2个」/「同比持平」 for counts. */
export function countChangeText(current: number, previous: number): string {
  const d = current - previous;
  return d === 0 ? '同比持平' : d > 0 ? `同比增加${d}个` : `同比减少${-d}个`;
}

export interface PeriodProgress {
  name: string;
  target: Yuan | null;
  completed: Yuan;
  /** completed / target, null without a target */
  rate: number | null;
}

/** The period's progress per group: earlier years plus this year's live figures. */
export function periodProgress(groups: readonly PeriodGroup[], current: readonly GroupFigures[]): PeriodProgress[] {
  return groups.map((g) => {
    const completed = g.before + (current.find((c) => c.name === g.name)?.completed ?? 0);
    return { name: g.name, target: g.target, completed, rate: g.target ? ratio(completed, g.target) : null };
  });
}

export function periodTotal(period: CampaignPeriod, totals: Totals): PeriodProgress {
  const completed = period.before + totals.completed;
  return { name: '合计', target: period.target, completed, rate: period.target ? ratio(completed, period.target) : null };
}

/** The headline 同比 lines of the wall's overview and the leader desk, one definition for both. */
export interface YearOnYear {
  /** Completed investment, e.g. 「同比增长11.5%」; '' when the previous year had completed nothing. */
  completed: string;
  tone: GrowthTone | null;
  /** 已开工 / 已竣工 project counts, e.g. 「同比增加3个」. */
  started: string;
  completedProjects: string;
}

export function yearOnYear(totals: Pick<Totals, 'completed' | 'started' | 'completedProjects'>, prior: PriorYear): YearOnYear {
  return {
    completed: growthText(totals.completed, prior.completed),
    tone: growthTone(totals.completed, prior.completed),
    started: countChangeText(totals.started, prior.started),
    completedProjects: countChangeText(totals.completedProjects, prior.completedProjects),
  };
}

const YEAR_COUNTS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 「2021–2023年」: the years a multi-year campaign runs. */
export function periodYears(period: Pick<CampaignPeriod, 'firstYear' | 'lastYear'>): string {
  return `${period.firstYear}–${period.lastYear}年`;
}

/** 「三年」 for 2021-2023: the period's length as plans say it (三年目标, 五年目标). */
export function periodLength(period: Pick<CampaignPeriod, 'firstYear' | 'lastYear'>): string {
  const n = period.lastYear - period.firstYear + 1;
  return `${YEAR_COUNTS[n] ?? n}年`;
}
