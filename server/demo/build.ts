// Exact money splitting for the demo: every amount is whole 万元 (a multiple of 10,000 yuan).
import { YUAN_PER_WAN, type Yuan } from '../../shared/money.js';
import { splitInteger, type Rng } from './random.js';
import type { TimelineKind } from './timeline.js';

export const wan = (n: number): Yuan => n * YUAN_PER_WAN;
export const yi = (n: number): Yuan => Math.round(n * 10_000) * YUAN_PER_WAN;

/** Monthly weights of a year's works, Jan … Dec. */
export const SEASONS = {
  // Spring Festival and the epidemic shut sites in Jan–Feb 2020; works peak through Q2–Q3.
  epidemic: [3, 2, 6, 8, 10, 11, 11, 11, 10, 10, 9, 9],
  normal: [4, 3, 7, 8, 9, 10, 10, 10, 10, 10, 10, 9],
} as const;

/** Splits an amount of whole 万元 by weights into whole-万元 parts that sum to it exactly. */
export function splitWan(total: Yuan, weights: readonly number[]): Yuan[] {
  if (total % YUAN_PER_WAN !== 0) throw new Error(`${total} is not whole 万元`);
  return splitInteger(total / YUAN_PER_WAN, weights).map(wan);
}

/** Rounds yuan to whole 万元, as units report. */
export function roundWan(yuan: number): Yuan {
  return Math.max(0, Math.round(yuan / YUAN_PER_WAN)) * YUAN_PER_WAN;
}

/** The months (1..12) of `year` in which a project planned from start to completion works. */
export function activeSpan(year: number, plannedStart: string | null, plannedCompletion: string | null): [number, number] {
  const from = monthIn(year, plannedStart, 1);
  return [from, Math.max(from, monthIn(year, plannedCompletion, 12))];
}

function monthIn(year: number, date: string | null, fallback: number): number {
  if (!date) return fallback;
  const y = Number(date.slice(0, 4));
  return y < year ? 1 : y > year ? 12 : Number(date.slice(5, 7));
}

/**
 * Twelve monthly amounts summing exactly to `annual`: seasonal while the project works this year, zero
 * outside, and only the rest of the month in the month it is due to start.
 */
export function monthlyAmounts(
  annual: Yuan,
  year: number,
  planned: { plannedStart: string | null; plannedCompletion: string | null },
  season: readonly number[],
  rng: Rng,
): Yuan[] {
  const [from, to] = activeSpan(year, planned.plannedStart, planned.plannedCompletion);
  const startsThisYear = planned.plannedStart !== null && planned.plannedStart.startsWith(String(year));
  const weights: number[] = [];
  for (let m = 1; m <= 12; m++) {
    const w = m >= from && m <= to ? season[m - 1] * rng.float(0.8, 1.2) : 0;
    weights.push(m === from && startsThisYear ? w * restOfMonth(planned.plannedStart!) : w);
  }
  return splitWan(annual, weights);
}

/** The share of its month left from a date on (0.15 … 1), for works starting part way through. */
export function restOfMonth(date: string): number {
  return Math.min(1, Math.max(0.15, (31 - Number(date.slice(8, 10))) / 30));
}

// Total investment as a multiple of the year's plan: what earlier years spent plus what later years will.
const TOTAL_FACTOR: Record<TimelineKind, [number, number]> = {
  cont: [2, 4.5],
  finish: [1.4, 2.6],
  slip: [1.5, 2.5],
  new: [2, 4],
  quick: [1, 1.25],
  late: [2, 4],
  future: [3, 8],
};

/**
 * Total investment per project, each at least its annual plan. With `grandTotal` the totals sum to it
 * exactly (the extra over the annual plans is split by each project's weight).
 */
export function totalInvestments(
  items: { annualPlan: Yuan; timeline: TimelineKind }[],
  rng: Rng,
  grandTotal?: Yuan,
): Yuan[] {
  const factors = items.map(({ timeline }) => rng.float(...TOTAL_FACTOR[timeline]));
  if (grandTotal === undefined) return items.map((it, i) => Math.max(it.annualPlan, roundWan(it.annualPlan * factors[i])));
  const annualSum = items.reduce((s, it) => s + it.annualPlan, 0);
  if (grandTotal < annualSum) throw new Error('total investment below the annual plans');
  const extra = splitWan(grandTotal - annualSum, items.map((it, i) => it.annualPlan * (factors[i] - 1)));
  return items.map((it, i) => it.annualPlan + extra[i]);
}

export const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
