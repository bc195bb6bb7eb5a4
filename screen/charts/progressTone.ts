// How a group of projects stands against 序时进度, in the words and colours the wall pages share.
import { ratio, type Yuan } from '../../shared/money.js';

/** ahead: on or ahead of 序时进度; near: within 10% of it; behind: further back. */
export type ProgressTone = 'ahead' | 'near' | 'behind';

export interface ProgressFigures {
  annualPlan: Yuan;
  completed: Yuan;
  schedulePlan: Yuan;
  completionRate: number;
  scheduleRate: number;
}

export function progressTone(scheduleRate: number): ProgressTone {
  return scheduleRate >= 1 ? 'ahead' : scheduleRate >= 0.9 ? 'near' : 'behind';
}

/** The group's own 序时进度: planned to date over the annual plan (monthly plans make it differ by group). */
export function scheduleShare(f: Pick<ProgressFigures, 'schedulePlan' | 'annualPlan'>): number {
  return ratio(f.schedulePlan, f.annualPlan);
}

/** A ratio as a CSS width, clamped to the bar. */
export function barWidth(r: number): string {
  return `${Math.max(0, Math.min(1, r)) * 100}%`;
}
