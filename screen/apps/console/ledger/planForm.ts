// The investment plan tab: the annual plan and, optionally, twelve monthly plans that must add up.
import type { z } from 'zod';
import type { planInput } from '../../../../shared/api.js';
import { parseWan, YUAN_PER_WAN, type Yuan } from '../../../../shared/money.js';
import { wanInput } from '../../../features/reports/reportForm.js';

export interface PlanView {
  annualPlan: Yuan;
  monthly: Yuan[] | null;
  rowVersion: number;
}

export interface PlanForm {
  /** 万元 */
  annual: string;
  /** Whether the year is broken down by month. */
  byMonth: boolean;
  monthly: string[];
}

export function planForm(v: PlanView): PlanForm {
  return {
    annual: wanInput(v.annualPlan),
    byMonth: v.monthly !== null,
    monthly: (v.monthly ?? Array<Yuan>(12).fill(0)).map(wanInput),
  };
}

export interface PlanCheck {
  annual: Yuan | null;
  /** Sum of the monthly plans; null while one of them is not a number. */
  sum: Yuan | null;
  /** sum − annual, when both are known. */
  difference: Yuan | null;
  /** Months (0-based) whose value is not a non-negative amount. */
  badMonths: number[];
}

export function checkPlan(f: PlanForm): PlanCheck {
  const annual = parseWan(f.annual);
  const values = f.monthly.map((m) => parseWan(m.trim() === '' ? '0' : m));
  const badMonths = values.flatMap((v, i) => (v === null || v < 0 ? [i] : []));
  const sum = badMonths.length ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);
  return { annual, sum, difference: sum !== null && annual !== null ? sum - annual : null, badMonths };
}

/** Spreads the annual plan over the twelve months in whole 万元, the remainder in December. */
export function spreadEvenly(annual: Yuan): Yuan[] {
  const each = Math.floor(annual / 12 / YUAN_PER_WAN) * YUAN_PER_WAN;
  return Array.from({ length: 12 }, (_, i) => (i === 11 ? annual - each * 11 : each));
}

export function toPlanPayload(f: PlanForm, rowVersion: number): z.input<typeof planInput> {
  return {
    rowVersion,
    annualPlan: f.annual.trim(),
    monthly: f.byMonth ? f.monthly.map((m) => (m.trim() === '' ? '0' : m.trim())) : null,
  };
}
