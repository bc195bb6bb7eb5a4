// Writes notices to the outbox inside the transaction of the change causing them, so a notice exists
// exactly when its event does. Each helper reads the channels first and stops there when none takes it.
import type { OutboxKind } from '../../shared/notify.js';
import type { Alert, Campaign, DispatchLevel, Project, Report } from '../../shared/types.js';
import { daysBetween } from '../../shared/dates.js';
import { routeNotices, type AddressedNotice, type ChannelTarget } from '../domain/notify.js';
import {
  alertEscalatedNotice, alertRedNotice, letterNotice, problemAssignedNotice, problemFlaggedNotice, problemOverdueNotice, reportReturnedNotice, type ProblemFacts,
} from '../domain/notifyMessages.js';
import { getAlerts } from '../store/alerts.js';
import type { Queryable } from '../store/db.js';
import type { LetterRow } from '../store/letters.js';
import { insertNotices, levelLeaders, problemAudiences, routableChannels } from '../store/notify.js';
import { getProblemDetail, lastStepId, listProblemDetails } from '../store/problems.js';
import type { ProblemDetail } from '../../shared/problems.js';

const takesAny = (channels: ChannelTarget[], kinds: OutboxKind[]) =>
  channels.filter((c) => !c.events.length || kinds.some((k) => c.events.includes(k as never)));

/** Routes the notices `build` makes to the channels that take them; `build` runs only when some channel might. */
export async function enqueue(q: Queryable, kinds: OutboxKind[], at: Date, build: () => Promise<AddressedNotice[]>, all?: ChannelTarget[]): Promise<number> {
  const channels = takesAny(all ?? (await routableChannels(q)), kinds);
  if (!channels.length) return 0;
  return insertNotices(q, routeNotices(channels, await build()), at.toISOString());
}

/**
 * After the rules ran in a change (report, edit, import, the day turning): new red alerts (and
 * those worsened to red), problems newly overdue and problems flagged for 通报批评. Keys make each
 * notice once, however often the rules re-run.
 */
export async function enqueueRecomputed(q: Queryable, campaign: Campaign, today: string, at: Date, redAlertIds: number[]): Promise<number> {
  const channels = await routableChannels(q);
  if (!channels.length) return 0;
  let n = 0;
  if (redAlertIds.length) {
    n += await enqueue(q, ['alert.red'], at, async () => (await getAlerts(q, redAlertIds)).map(alertRedNotice), channels);
  }
  n += await enqueue(q, ['problem.overdue', 'problem.flagged'], at, async () => {
    const hit = (await listProblemDetails(q, campaign.id, today)).filter((p) => p.overdue || p.flagged);
    const facts = await problemFacts(q, hit);
    return hit.flatMap((p, i) => [
      ...(p.overdue && p.dueOn ? [problemOverdueNotice(facts[i], daysBetween(p.dueOn, today))] : []),
      ...(p.flagged ? [problemFlaggedNotice(facts[i])] : []),
    ]);
  }, channels);
  return n;
}

async function problemFacts(q: Queryable, problems: ProblemDetail[]): Promise<ProblemFacts[]> {
  const audiences = await problemAudiences(q, problems.map((p) => p.id));
  return problems.map((p) => {
    const a = audiences.get(p.id);
    return {
      id: p.id, project: p.project, category: p.category, description: p.description, coordinatingUnit: p.coordinatingUnit, dueOn: p.dueOn,
      unitId: p.unitId, leadUnitId: a?.leadUnitId ?? null, leaderIds: a?.leaderIds ?? [],
    };
  });
}

/** 分级调度: the alert now at `level`. */
export async function enqueueEscalated(q: Queryable, alert: Alert, level: DispatchLevel, reason: string, at: Date): Promise<number> {
  return enqueue(q, ['alert.escalated'], at, async () => [alertEscalatedNotice(alert, level, reason, await levelLeaders(q, alert.projectId, level))]);
}

export async function enqueueLetter(q: Queryable, letter: LetterRow, at: Date): Promise<number> {
  return enqueue(q, ['letter.issued'], at, async () => [
    letterNotice({ id: letter.id, kind: letter.kind, docNumber: letter.docNumber, title: letter.title, unitId: letter.unitId, deadline: letter.deadline, projects: letter.projectIds.length }),
  ]);
}

export async function enqueueReturned(q: Queryable, report: Report, project: Project, reason: string, at: Date): Promise<number> {
  return enqueue(q, ['report.returned'], at, async () => [
    reportReturnedNotice({ reportId: report.id, projectId: project.id, project: project.name, unitId: project.unitId, month: report.month, reason }),
  ]);
}

/** A problem given a lead unit and a deadline (受理, or a meeting's decision), after its step is recorded. */
export async function enqueueAssigned(q: Queryable, problemId: number, today: string, at: Date): Promise<number> {
  return enqueue(q, ['problem.assigned'], at, async () => {
    const problem = await getProblemDetail(q, problemId, today);
    if (!problem) return [];
    const [facts] = await problemFacts(q, [problem]);
    // Keyed by the step that assigned it (recorded just before): each assignment once.
    return [problemAssignedNotice(facts, String(await lastStepId(q, problemId)))];
  });
}
