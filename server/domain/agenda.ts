// What a coordination meeting takes up (上犹 附件2): problems reported by the 3rd or the 18th go on
// the next meeting's agenda, each meeting kind within its own scope.
import type { MeetingKind, ProblemDetail } from '../../shared/problems.js';
import { addMonths, chinaDate, isValidDate, monthOf } from '../../shared/dates.js';
import { dayOf } from './problemSummary.js';
import { DEFAULT_SETTINGS, OPEN_PROBLEM_STATES } from '../../shared/types.js';

/**
 * The latest cut-off date on or before the meeting day: a date whose day of the month is one of
 * `cutoffDays`, possibly in an earlier month or year. Days a month lacks (31 in April) are skipped.
 * With no usable days, the meeting day itself.
 */
export function agendaCutoff(heldOn: string, cutoffDays: readonly number[] = DEFAULT_SETTINGS.problemDeadlineDays): string {
  const days = [...new Set(cutoffDays)].sort((a, b) => b - a);
  // A day that exists at all appears within two months; a year is a generous bound.
  for (let back = 0; back <= 12; back++) {
    const month = addMonths(monthOf(heldOn), -back);
    const hit = days.map((d) => `${month}-${String(d).padStart(2, '0')}`).find((date) => isValidDate(date) && date <= heldOn);
    if (hit) return hit;
  }
  return heldOn;
}


function inScope(meeting: { kind: MeetingKind; domainId: number | null }, p: ProblemDetail): boolean {
  switch (meeting.kind) {
    case 'joint':
      return p.level === 1;
    case 'domain_group':
      return p.domainId === meeting.domainId && p.level <= 2;
    case 'dispatch':
      return true;
  }
}

/** Higher levels first (县长专题会 matters lead), then 通报批评 items, overdue ones, the oldest. */
function agendaOrder(a: ProblemDetail, b: ProblemDetail): number {
  return (
    b.level - a.level ||
    Number(b.flagged) - Number(a.flagged) ||
    Number(b.overdue) - Number(a.overdue) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    a.id - b.id
  );
}

/**
 * The proposed agenda: open problems raised (China date) by the cut-off and within the meeting's
 * scope — 部门联席会 level 1, 领导小组会 its domain at levels 1–2, 调度推进会 everything.
 */
export function proposeAgenda(
  meeting: { kind: MeetingKind; domainId: number | null; heldOn: string },
  problems: readonly ProblemDetail[],
  cutoffDays: readonly number[] = DEFAULT_SETTINGS.problemDeadlineDays,
  /** The campaign's today: a problem stamped later (a frozen demo year) counts as raised today. */
  today?: string,
): ProblemDetail[] {
  const raisedOn = (p: ProblemDetail) => (today ? dayOf(p.createdAt, today) : chinaDate(new Date(p.createdAt)));
  const cutoff = agendaCutoff(meeting.heldOn, cutoffDays);
  return problems
    .filter((p) => OPEN_PROBLEM_STATES.includes(p.state) && raisedOn(p) <= cutoff && inScope(meeting, p))
    .sort(agendaOrder);
}
