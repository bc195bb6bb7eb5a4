// How a problem reads wherever it is shown (console, leader's tablet, unit's phone, wall).
import { PROBLEM_CATEGORIES } from '../../../shared/api.js';
import type { MeetingKind, ProblemDetail } from '../../../shared/problems.js';
import type { DispatchLevel, ProblemState } from '../../../shared/types.js';
import { formatDateTime } from '../../ui/format.js';

export type TagType = 'danger' | 'warning' | 'primary' | 'success' | 'info';

/** Every state, in the order a problem moves through them. */
export const PROBLEM_STATES: readonly ProblemState[] = ['pending', 'coordinating', 'resolved', 'closed', 'returned'];

export const PROBLEM_STATE_TAGS: Record<ProblemState, TagType> = {
  pending: 'danger',
  coordinating: 'warning',
  resolved: 'primary',
  closed: 'success',
  returned: 'info',
};

export const DISPATCH_LEVELS: readonly DispatchLevel[] = [1, 2, 3];

/** Short level names for tables: who dispatches it. */
export const LEVEL_SHORT: Record<DispatchLevel, string> = { 1: '挂点领导', 2: '常务副县长', 3: '县长专题会' };

export const MEETING_KIND_TAGS: Record<MeetingKind, TagType> = { dispatch: 'danger', domain_group: 'primary', joint: 'success' };

/** Not yet 销号 (nor returned): still the office's business. */
export const isUnclosed = (p: Pick<ProblemDetail, 'state'>) => p.state !== 'closed' && p.state !== 'returned';

/** Pending or coordinating: the county still has to act. */
export const isOpenProblem = (p: Pick<ProblemDetail, 'state'>) => p.state === 'pending' || p.state === 'coordinating';

/** The configured categories (设置), or the four groups of the plans where none are set. */
export function problemCategories(settings: { problemCategories?: readonly string[] } | null | undefined): string[] {
  const configured = settings?.problemCategories?.filter((c) => c.trim());
  return configured?.length ? configured : [...PROBLEM_CATEGORIES];
}

/** "12天", "今天" */
export function ageText(days: number): string {
  return days <= 0 ? '今天' : `${days}天`;
}

/** "王强 · 2020-11-20 10:41", or just the time when nobody is named (imported history). */
export function byAt(who: string | null, at: string): string {
  return who ? `${who} · ${formatDateTime(at)}` : formatDateTime(at);
}

/** Why a problem stands out on an agenda or in the ledger, most serious first. */
export function problemFlags(p: Pick<ProblemDetail, 'flagged' | 'overdue' | 'meetings'>): { label: string; type: TagType }[] {
  const flags: { label: string; type: TagType }[] = [];
  if (p.flagged) flags.push({ label: '通报批评', type: 'danger' });
  if (p.overdue) flags.push({ label: '逾期', type: 'danger' });
  if (!p.flagged && p.meetings > 0) flags.push({ label: `已上会${p.meetings}次`, type: 'warning' });
  return flags;
}

export const minutesUrl = (meetingId: number) => `/api/meetings/${meetingId}/minutes.docx`;

/** The level a problem is escalated to, or null at 县长专题会 (the top). */
export function nextLevel(level: DispatchLevel): DispatchLevel | null {
  return level < 3 ? ((level + 1) as DispatchLevel) : null;
}
