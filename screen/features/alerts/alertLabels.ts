// How an alert reads wherever it is shown: severity colours, 分级调度 levels, and where the unit stands.
import type { Alert, AlertState, DispatchLevel, Severity } from '../../../shared/types.js';

/** Most severe first, the order of every severity list. */
export const SEVERITIES: readonly Severity[] = ['red', 'orange', 'yellow'];

/** Sort key of a severity: red first (the wall's alert list, the desk's alert card). */
export const SEVERITY_RANK: Record<Severity, number> = { red: 0, orange: 1, yellow: 2 };

export const SEVERITY_SHORT: Record<Severity, string> = { red: '红', orange: '橙', yellow: '黄' };

/** Fill and text colours of a severity tag (yellow needs dark text to be read). */
export const SEVERITY_COLORS: Record<Severity, { fill: string; text: string }> = {
  red: { fill: '#d9363e', text: '#ffffff' },
  orange: { fill: '#ee7d2c', text: '#ffffff' },
  yellow: { fill: '#f2c230', text: '#4a3800' },
};

export const OPEN_STATES: readonly AlertState[] = ['raised', 'acknowledged', 'letter_issued'];

export const STATE_TAGS: Record<AlertState, 'danger' | 'warning' | 'primary' | 'success' | 'info'> = {
  raised: 'danger',
  acknowledged: 'warning',
  letter_issued: 'primary',
  cleared: 'success',
};

export const LEVELS: readonly DispatchLevel[] = [1, 2, 3];

/** Who handles an alert at each level of 分级调度 (弋阳): 挂点领导 → 常务副县长 → 县长. */
export const LEVEL_NAMES: Record<DispatchLevel, string> = { 1: '挂点领导', 2: '常务副县长', 3: '县长' };

/** The level an escalation moves to, or null at 县长 (the top). */
export function nextLevel(level: DispatchLevel): DispatchLevel | null {
  return level < 3 ? ((level + 1) as DispatchLevel) : null;
}

/** "挂点领导（李明）" at level 1 when the project has one; the office otherwise. */
export function handlerOf(alert: Pick<Alert, 'level' | 'leader'>): string {
  return alert.level === 1 && alert.leader ? `${LEVEL_NAMES[1]}（${alert.leader}）` : LEVEL_NAMES[alert.level];
}

export const isOpen = (alert: Pick<Alert, 'state'>) => alert.state !== 'cleared';

/** Open and not yet explained by the unit, whether or not a letter has gone out. */
export const awaitsExplanation = (alert: Pick<Alert, 'state' | 'acknowledgement'>) => isOpen(alert) && !alert.acknowledgement;

export interface UnitStatus {
  label: string;
  type: 'danger' | 'success' | 'info';
}

/** Where an alert stands for the unit: its 情况说明 is what it owes, a letter does not change that. */
export function unitStatus(alert: Pick<Alert, 'state' | 'acknowledgement'>): UnitStatus {
  if (!isOpen(alert)) return { label: '已整改', type: 'info' };
  return alert.acknowledgement ? { label: '已说明', type: 'success' } : { label: '待说明', type: 'danger' };
}

export const letterUrl = (letterId: number) => `/api/letters/${letterId}.docx`;
