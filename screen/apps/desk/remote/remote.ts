// The meeting remote's view of a session (会议遥控). Pure, unit-tested.
import { asOfLabel, freezableMonths, type PresentationState } from '../../../../shared/presentation.js';
import { monthIndex } from '../../../../shared/dates.js';
import type { Snapshot } from '../../../../shared/snapshot.js';

/** none: no session; mine: I present; other: someone else does (I may take over). */
export type RemoteRole = 'none' | 'mine' | 'other';

export function remoteRole(state: PresentationState | null, userId: number | null | undefined): RemoteRole {
  if (!state) return 'none';
  return state.presenter.userId === userId ? 'mine' : 'other';
}

/** The month-end choices, newest first, as the select shows them. */
export function freezeOptions(s: Pick<Snapshot, 'campaign' | 'today'>): { value: string; label: string }[] {
  return freezableMonths(s.campaign.year, s.today).map((m) => ({ value: m, label: `${monthIndex(m)}月末（${m}）` }));
}

/** "第 3 / 12 个滞后项目"; without a step, whether a project was picked otherwise. */
export function stepLabel(step: PresentationState['step'], projectId: number | null = null): string {
  if (step) return `第 ${step.index + 1} / ${step.total} 个滞后项目`;
  return projectId === null ? '尚未开始逐个调度' : '当前选定项目';
}

/** What the walls show now, in one line. */
export function figuresLabel(state: Pick<PresentationState, 'frozen'>): string {
  return state.frozen ? `数据截至 ${asOfLabel(state.frozen.asOf)}` : '实时数据';
}
