// 预警 rules on the problems a project has raised (问题台账).
import { daysBetween } from '../../shared/dates.js';
import type { AgendaEntry } from '../../shared/problems.js';
import { UNCLOSED_PROBLEM_STATES, type ProblemState, type Project, type Severity } from '../../shared/types.js';
import type { LagHit, LedgerProblem } from './ledger.js';

/** Still the county's to close: a unit's 已解决 stands only once staff or a leader confirm it (销号). */
const isOpen = (p: { state: ProblemState }) => UNCLOSED_PROBLEM_STATES.includes(p.state);

/**
 * 通报批评 (上犹 附件2 四(三) 「经过两次会议仍未落实的」) on `day`: on the agenda of two or more meetings
 * held by then, not 销号, and the deadline set by its latest decision (the latest of those meetings
 * that set one; else its own due date) has passed. Without any deadline it is flagged at the second meeting.
 */
export function isStalled(p: { state: ProblemState; dueOn: string | null; agenda: readonly AgendaEntry[] }, day: string): boolean {
  if (!isOpen(p)) return false;
  let held = 0;
  let deadline: string | null = null;
  for (const a of p.agenda) {
    if (a.heldOn > day) continue;
    held++;
    if (a.deadline !== null) deadline = a.deadline;
  }
  deadline ??= p.dueOn;
  return held >= 2 && (deadline === null || deadline < day);
}

/** 问题逾期: open problems past their due date; severity by the longest overdue. */
export function problemOverdue(project: Pick<Project, 'id'>, problems: readonly LedgerProblem[], today: string): LagHit | null {
  const overdue = problems.filter((p) => isOpen(p) && p.dueOn !== null && p.dueOn < today);
  if (!overdue.length) return null;
  const days = Math.max(...overdue.map((p) => daysBetween(p.dueOn!, today)));
  const severity: Severity = days < 15 ? 'yellow' : days < 30 ? 'orange' : 'red';
  return { projectId: project.id, rule: 'problem_overdue', severity, text: `${overdue.length}个协调问题超过期限未解决，最长逾期${days}天` };
}

/** 上犹 附件2 四(三): an item still open after two meetings is reported for criticism (通报批评). */
export function problemStalled(project: Pick<Project, 'id'>, problems: readonly LedgerProblem[], today: string): LagHit | null {
  const stalled = problems.filter((p) => isStalled(p, today));
  if (!stalled.length) return null;
  return { projectId: project.id, rule: 'problem_stalled', severity: 'red', text: `${stalled.length}个问题经两次会议协调仍未落实，予以通报批评` };
}
