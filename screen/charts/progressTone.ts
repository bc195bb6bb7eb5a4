// How a group of projects stands against 序时进度, as the wall pages show it (the status and its
// colours are status.ts's), and the bullet bar's geometry.
import { ratio, type Yuan } from '../../shared/money.js';
import { figuresStatus, type Status } from './status.js';

export type ProgressTone = Status;

export interface ProgressFigures {
  annualPlan: Yuan;
  completed: Yuan;
  schedulePlan: Yuan;
  completionRate: number;
  scheduleRate: number;
}

/** The group's status: a group with no projects is on plan. */
export function progressTone(f: Pick<ProgressFigures, 'completionRate' | 'annualPlan' | 'schedulePlan'> & { projects?: number }): ProgressTone {
  return f.projects === 0 ? 'onPlan' : figuresStatus(f);
}

/** The group's own 序时进度: planned to date over the annual plan (monthly plans make it differ by group). */
export function scheduleShare(f: Pick<ProgressFigures, 'schedulePlan' | 'annualPlan'>): number {
  return ratio(f.schedulePlan, f.annualPlan);
}

/** A ratio as a CSS width, clamped to the bar. */
export function barWidth(r: number): string {
  return `${Math.max(0, Math.min(1, r)) * 100}%`;
}
