// The overview's and the leader desk's 同比 line and a multi-year campaign's period line, in the
// screen's words. The figures themselves are shared/yearTurn.ts's (one definition each). Pure.
import { monthIndex } from '../../../shared/dates.js';
import { formatPercent, formatYi, type Yuan } from '../../../shared/money.js';
import type { Totals } from '../../../shared/snapshot.js';
import { periodTotal, periodYears, yearOnYear, type CampaignPeriod, type PriorYear, type YearOnYear } from '../../../shared/yearTurn.js';

export interface YearOnYearLines extends YearOnYear {
  /** ▲ up, ▼ down, nothing when flat or without a figure to compare. */
  arrow: string;
  /** Counts in one line, e.g. 「已开工同比增加3个 · 已竣工同比持平」. */
  counts: string;
  /** What the comparison is against, for a tooltip. */
  title: string;
}

/** The 同比 lines, or null when the store has no previous year for the county (nothing is shown then). */
export function yearOnYearLines(totals: Totals, prior: PriorYear | null | undefined): YearOnYearLines | null {
  if (!prior) return null;
  const y = yearOnYear(totals, prior);
  return {
    ...y,
    arrow: y.tone === 'up' ? '▲' : y.tone === 'down' ? '▼' : '',
    counts: `已开工${y.started} · 已竣工${y.completedProjects}`,
    title:
      `上年同期（截至${prior.year}年${monthIndex(prior.month)}月底）累计完成投资${formatYi(prior.completed)}亿元，` +
      `已开工${prior.started}个，已竣工${prior.completedProjects}个`,
  };
}

/** 亿元 without trailing zeros for compact lines: 50.00 → 「50」, 12.50 → 「12.5」. */
export function yiShort(yuan: Yuan): string {
  return formatYi(yuan).replace(/\.?0+$/, '');
}

/** 「2021–2023年目标 150亿 · 已完成 62.35亿（41.6%）」, or null for a one-year campaign. */
export function periodLine(period: CampaignPeriod | null | undefined, totals: Totals): { text: string; title: string } | null {
  if (!period) return null;
  const p = periodTotal(period, totals);
  const years = periodYears(period);
  const done = `已完成 ${yiShort(p.completed)}亿`;
  return {
    text: p.target && p.rate !== null ? `${years}目标 ${yiShort(p.target)}亿 · ${done}（${formatPercent(p.rate)}）` : `${years}${done}`,
    title: `${years}累计完成投资${formatYi(p.completed)}亿元，其中往年${formatYi(period.before)}亿元、本年${formatYi(totals.completed)}亿元`,
  };
}
