// Display strings for the documents. Amounts go through shared/money.ts, rounded from integer yuan
// with integer arithmetic, so a figure never shows float drift and reads as on the screen.
import { monthIndex } from '../../shared/dates.js';
import { formatWan, formatYi, ratio, YUAN_PER_WAN, type Yuan } from '../../shared/money.js';
import type { RankingWeights } from '../../shared/types.js';

/** "2020-06-03" → "2020年6月3日" */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A date within `year` without it, "2020-03-02" → "3月2日"; any other in full. */
export function chineseDateIn(date: string, year: number): string {
  return date.startsWith(`${year}-`) ? chineseDate(date).slice(5) : chineseDate(date);
}

/** "2020-05" → "5月" */
export function chineseMonth(month: string): string {
  return `${monthIndex(month)}月`;
}

/** The months a year-to-date figure covers: "2020-05" → "1—5月", "2020-01" → "1月". */
export function monthsToDate(month: string): string {
  const m = monthIndex(month);
  return m === 1 ? '1月' : `1—${m}月`;
}

/** Yuan → 万元 with two decimals and thousands separators: the screen's formatter, so a document and a page agree. */
export const wanText = (yuan: Yuan): string => formatWan(yuan);

/** Yuan → 亿元 with two decimals, for county totals. */
export const yiText = (yuan: Yuan): string => formatYi(yuan);

/** Yuan → 万元 as a cell value; the sheet's number format does the rounding on display. */
export function wanValue(yuan: Yuan): number {
  return yuan / YUAN_PER_WAN;
}

/** A ratio as a percent with one decimal: 0.453 → "45.3%". */
export function percentText(r: number): string {
  return `${(r * 100).toFixed(1)}%`;
}

/** The gap between two ratios in percentage points, unsigned: (0.453, 0.5) → "4.7". */
export function pointsText(a: number, b: number): string {
  return Math.abs((a - b) * 100).toFixed(1);
}

/** A 0..100 score with one decimal. */
export function scoreText(score: number): string {
  return score.toFixed(1);
}

/** The 比赶超 components in the order the documents list them, with their Chinese names. */
export const RANK_COMPONENTS = [
  { key: 'investment', label: '投资进度' },
  { key: 'start', label: '项目开工' },
  { key: 'completion', label: '项目竣工' },
  { key: 'timeliness', label: '按时报送' },
  { key: 'problems', label: '问题解决' },
] as const satisfies readonly { key: keyof RankingWeights; label: string }[];

/** Each component's weight as a share of the sum, "40" or "33.3" (percent, at most one decimal). */
export function weightShares(weights: RankingWeights): { label: string; share: string }[] {
  const sum = RANK_COMPONENTS.reduce((s, c) => s + weights[c.key], 0);
  return RANK_COMPONENTS.map((c) => ({ label: c.label, share: String(Math.round((ratio(weights[c.key], sum) * 1000)) / 10) }));
}
