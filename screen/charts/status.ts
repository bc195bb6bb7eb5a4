// The one colour language of every screen (wall, desk, console): how a project or a group of projects
// (a domain, a leader's, a unit's, the county's) stands against 序时进度, and the colour that says so.
//   red    lagging (滞后): an alert is open on the project; a group as far behind as an alert would be
//   amber  behind (低于序时): under 序时进度, not (yet) an alert
//   green  on plan (达到序时): at or ahead of 序时进度
//   blue / cyan  neutral data: plans, targets, totals, amounts — never a judgement
// Red is kept for lagging only: a target, a rank or an honour board is never drawn red.
import { ratio, type Yuan } from '../../shared/money.js';
import { DEFAULT_SETTINGS } from '../../shared/types.js';

export type Status = 'lagging' | 'behind' | 'onPlan';

export const STATUSES: readonly Status[] = ['lagging', 'behind', 'onPlan'];

export const STATUS_LABELS: Record<Status, string> = { lagging: '滞后', behind: '低于序时', onPlan: '达到序时' };

/** Each status on the wall's dark ground (`wall`, `wallSoft` for fills) and on white (`paper`, desk and console). */
export const STATUS_COLORS: Record<Status, { wall: string; wallSoft: string; paper: string; paperSoft: string }> = {
  lagging: { wall: '#f43f5e', wallSoft: 'rgba(244, 63, 94, 0.3)', paper: '#d9363e', paperSoft: '#fdecec' },
  behind: { wall: '#fbbf24', wallSoft: 'rgba(251, 191, 36, 0.3)', paper: '#c27c0e', paperSoft: '#fff6e0' },
  onPlan: { wall: '#34d399', wallSoft: 'rgba(52, 211, 153, 0.3)', paper: '#2e9e5b', paperSoft: '#eaf7ef' },
};

/** Neutral data: plans and totals in blue, what is done in cyan, targets in a pale blue. */
export const NEUTRAL_COLORS = {
  plan: '#3b82f6',
  data: '#22d3ee',
  target: '#bfdbfe',
  paper: '#1d63c9',
} as const;

/** A group counts as lagging this many percentage points behind 序时进度: the first alert threshold by default. */
export const GROUP_LAG_POINTS = DEFAULT_SETTINGS.lagYellowPoints;

export interface StatusFigures {
  /** Completed / annual plan. */
  completionRate: number;
  /** 序时进度: planned to date / annual plan. */
  scheduleShare: number;
}

/**
 * A group's status from its figures: on plan at or above 序时进度; lagging when the gap is at least
 * `lagPoints` percentage points of the annual plan (the rule that raises a project's 投资滞后 alert);
 * behind in between.
 */
export function progressStatus(f: StatusFigures, lagPoints: number = GROUP_LAG_POINTS): Status {
  const gapPoints = (f.scheduleShare - f.completionRate) * 100;
  if (!(gapPoints > 1e-9)) return 'onPlan';
  return gapPoints >= lagPoints - 1e-9 ? 'lagging' : 'behind';
}

/** The same for figures in yuan (a domain, leader, unit or the totals). No plan to date is on plan. */
export function figuresStatus(f: { completionRate: number; annualPlan: Yuan; schedulePlan: Yuan }, lagPoints: number = GROUP_LAG_POINTS): Status {
  return progressStatus({ completionRate: f.completionRate, scheduleShare: ratio(f.schedulePlan, f.annualPlan) }, lagPoints);
}

/**
 * A project's status: lagging exactly when an alert is open on it (the wall's 滞后, the map's red point);
 * else behind when under its own 序时进度, else on plan.
 */
export function projectStatus(p: StatusFigures & { lagging: boolean | string | null | undefined }): Status {
  if (p.lagging) return 'lagging';
  return p.completionRate + 1e-9 < p.scheduleShare ? 'behind' : 'onPlan';
}

/** The status colours as CSS custom properties (--status-lagging …) on the dark ground or on white. */
export function statusCssVars(ground: 'wall' | 'paper'): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const s of STATUSES) {
    const name = s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    vars[`--status-${name}`] = STATUS_COLORS[s][ground];
    vars[`--status-${name}-soft`] = STATUS_COLORS[s][ground === 'wall' ? 'wallSoft' : 'paperSoft'];
  }
  return vars;
}
