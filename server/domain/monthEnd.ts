// The campaign as it stood at a month's end (会议模式 "数据截至…"): the inputs of the snapshot with
// everything later left out. Pure; the service loads today's store and passes it through here.
import { chinaDate, monthOf } from '../../shared/dates.js';
import type { ProblemDetail } from '../../shared/problems.js';
import type { TickerEvent } from '../../shared/snapshot.js';
import type { Alert, Project, Stage } from '../../shared/types.js';
import type { LagHit, LedgerInput } from './ledger.js';

/** The last instant of a China day, as an ISO timestamp (events and alerts up to it count). */
export const endOfChinaDay = (date: string) => new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();

const after = (date: string | null, asOf: string) => date !== null && date > asOf;

/**
 * A project at `asOf`: a start or completion dated after it undone, and its stage with it — the lag
 * rules take stage 'completed' as finished, so a project completed later was still being built (or,
 * not started by then, prepared) at the month end. A 'reserve' project stays one.
 */
export function projectAsOf(p: Project, asOf: string): Project {
  const unstarted = after(p.startedOn, asOf);
  const uncompleted = after(p.completedOn, asOf);
  if (!unstarted && !uncompleted) return p;
  const startedOn = unstarted ? null : p.startedOn;
  const completedOn = uncompleted ? null : p.completedOn;
  let stage: Stage = p.stage;
  if (stage !== 'reserve') {
    if (startedOn === null) stage = 'preparing';
    else if (uncompleted) stage = 'construction';
  }
  return { ...p, startedOn, completedOn, stage };
}

/**
 * The ledger at `asOf` (a month end): reports of later months out, starts and completions after it
 * undone (stage too), problems raised after it out and those closed after it still open then.
 */
export function ledgerAsOf(input: LedgerInput, asOf: string, raisedBy: ReadonlySet<number>): LedgerInput {
  const month = monthOf(asOf);
  return {
    ...input,
    today: asOf,
    projects: input.projects.map((p) => projectAsOf(p, asOf)),
    monthly: input.monthly.filter((f) => f.month <= month),
    // An opening counts from the month it runs through.
    openings: input.openings?.filter((o) => o.throughMonth <= month),
    problems: input.problems
      .filter((p) => raisedBy.has(p.id))
      .map((p) => (after(p.closedOn, asOf) ? { ...p, state: 'coordinating' as const, closedOn: null } : p)),
  };
}

/**
 * The problem ledger at `asOf`: those raised by then, a problem resolved or closed later still being
 * coordinated then (the store keeps no earlier state, and 销号 is what the panel counts).
 */
export function problemsAsOf(problems: readonly ProblemDetail[], asOf: string): ProblemDetail[] {
  return problems
    .filter((p) => chinaDate(new Date(p.createdAt)) <= asOf)
    .map((p) =>
      p.closedAt !== null && chinaDate(new Date(p.closedAt)) > asOf
        ? { ...p, state: 'coordinating' as const, closedAt: null, confirmedBy: null, resolution: null, resolvedBy: null }
        : p,
    );
}

/**
 * The alerts open at `asOf`: the rule hits of the month-end ledger, each as the stored alert of that
 * project and rule raised by then where there is one (its id, level, letter), else as raised that day.
 */
export function alertsAsOf(hits: readonly LagHit[], projects: readonly Project[], known: readonly Alert[], asOf: string): Alert[] {
  const end = endOfChinaDay(asOf);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const stored = new Map<string, Alert>();
  for (const a of known) {
    const key = `${a.projectId}:${a.rule}`;
    const seen = stored.get(key);
    // The latest one raised by then.
    if (a.raisedAt <= end && (!seen || seen.raisedAt < a.raisedAt)) stored.set(key, a);
  }
  return hits.flatMap((hit, i) => {
    const project = byId.get(hit.projectId);
    if (!project) return [];
    const was = stored.get(`${hit.projectId}:${hit.rule}`);
    const base: Alert = was ?? {
      // Never stored: a negative id no stored alert has.
      id: -(i + 1), projectId: project.id, project: project.name, unit: project.unit, unitId: project.unitId, leader: project.leader,
      rule: hit.rule, severity: hit.severity, text: hit.text, state: 'raised', level: 1, raisedAt: end, clearedAt: null,
      acknowledgement: null, acknowledgedBy: null, acknowledgedAt: null, letterId: null, letterNumber: null,
    };
    return [{ ...base, severity: hit.severity, text: hit.text, state: base.state === 'cleared' ? 'raised' : base.state, clearedAt: null }];
  });
}

/** Ticker events up to the end of `asOf`. */
export function eventsAsOf(events: readonly TickerEvent[], asOf: string): TickerEvent[] {
  const end = endOfChinaDay(asOf);
  return events.filter((e) => e.at <= end);
}
