// What a leader's desk (县领导工作台) shows, worked out from GET /api/me/desk and the snapshot. Pure.
import { ratio } from '../../../../shared/money.js';
import type { ContactStatus, DutyStatus, LeaderDesk } from '../../../../shared/problems.js';
import type { Snapshot } from '../../../../shared/snapshot.js';
import { progressStatus, type Status } from '../../../charts/status.js';
import { SEVERITY_RANK } from '../../../features/alerts/alertLabels.js';
import { isUnclosed } from '../../../features/problems/problemLabels.js';

const QUARTERS = ['一', '二', '三', '四'];

/** "2020-09" → "2020年9月", "2020-Q3" → "2020年第三季度" */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${QUARTERS[Number(quarter[2]) - 1]}季度`;
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}

/** Duties not yet done, the overdue and the earliest due first. */
export function dutiesDue(duties: readonly DutyStatus[]): DutyStatus[] {
  return duties.filter((d) => !d.doneOn).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
}

/** The most recent duties done, newest first. */
export function dutiesDone(duties: readonly DutyStatus[], limit = 4): DutyStatus[] {
  return duties.filter((d) => d.doneOn).sort((a, b) => b.doneOn!.localeCompare(a.doneOn!)).slice(0, limit);
}

/** Projects whose service commissioner owes a call or a visit. */
export function contactsDue(contacts: readonly ContactStatus[]): ContactStatus[] {
  return contacts.filter((c) => c.callDue || c.visitDue);
}

/** "逾期未电话联系、本月未走访" style: what the commissioner owes. */
export function contactOwed(c: Pick<ContactStatus, 'callDue' | 'visitDue'>): string {
  return [c.callDue ? '本周未电话联系' : '', c.visitDue ? '本月未现场走访' : ''].filter(Boolean).join('、');
}

export interface Headline {
  annualPlan: number;
  completed: number;
  completionRate: number;
  /** 序时进度: planned to date over the annual plan. */
  scheduleShare: number;
  /** At or ahead of 序时进度. */
  onSchedule: boolean;
  /** The county's status in the screens' colour language (status.ts). */
  status: Status;
}

export function headline(s: Pick<Snapshot, 'totals'>): Headline {
  const { annualPlan, completed, completionRate, schedulePlan } = s.totals;
  const scheduleShare = ratio(schedulePlan, annualPlan);
  const status = progressStatus({ completionRate, scheduleShare });
  return { annualPlan, completed, completionRate, scheduleShare, onSchedule: status === 'onPlan', status };
}

/** The desk's problems: the unclosed first (those awaiting the leader's confirmation at the top), then the rest. */
export function deskProblems(desk: Pick<LeaderDesk, 'problems'>) {
  const rank = (state: string) => ({ resolved: 0, pending: 1, coordinating: 2 })[state] ?? 3;
  return [...desk.problems].sort(
    (a, b) => rank(a.state) - rank(b.state) || Number(b.flagged) - Number(a.flagged) || b.ageDays - a.ageDays || a.id - b.id,
  );
}

export const ROLE_TAGS = { linked: '挂点', charge: '包干' } as const;

/**
 * My alerts, most severe first: each as the live snapshot has it when it lists it (pushes keep those
 * current), else as the desk read it (the snapshot lists only a part of a large ledger's alerts).
 */
export function myAlerts(desk: Pick<LeaderDesk, 'openAlerts'>, snapshot: Pick<Snapshot, 'alerts'>): Snapshot['alerts'] {
  const live = new Map(snapshot.alerts.map((a) => [a.id, a]));
  return desk.openAlerts
    .map((a) => live.get(a.id) ?? a)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
}

export type DeskProject = LeaderDesk['projects'][number] & { alerts: number; problems: number };

/**
 * The leader's projects, those that need them first: an unclosed problem, then lagging, then open
 * alerts; within each, the furthest behind its 序时进度.
 */
export function deskProjects(desk: Pick<LeaderDesk, 'projects' | 'problems' | 'openAlerts'>): DeskProject[] {
  const count = (ids: number[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<number, number>());
  const alerts = count(desk.openAlerts.map((a) => a.projectId));
  const problems = count(desk.problems.filter(isUnclosed).map((p) => p.projectId));
  const gap = (p: LeaderDesk['projects'][number]) => p.completionRate - p.scheduleShare;
  return desk.projects
    .map((p) => ({ ...p, alerts: alerts.get(p.id) ?? 0, problems: problems.get(p.id) ?? 0 }))
    .sort(
      (a, b) =>
        Number(b.problems > 0) - Number(a.problems > 0) ||
        Number(b.lagging) - Number(a.lagging) ||
        Number(b.alerts > 0) - Number(a.alerts > 0) ||
        gap(a) - gap(b) ||
        a.code.localeCompare(b.code),
    );
}
