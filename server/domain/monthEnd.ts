// The campaign as it stood on a day and through a month (口径, asOf.ts): the inputs of the snapshot with
// everything later left out, and campaignAsOf, which every figure goes through. Pure; the service
// loads today's store and passes it through here.
import { chinaDate } from '../../shared/dates.js';
import type { ProblemDetail } from '../../shared/problems.js';
import type { ProblemState } from '../../shared/types.js';
import { recomputeSummary, type Summary, type SummaryMemo } from './aggregates.js';
import { countsIn, monthEndAsOf, type AsOf } from './asOf.js';
import { problemFacts } from './problemSummary.js';
import type { TickerEvent } from '../../shared/snapshot.js';
import type { Alert, Project, Stage } from '../../shared/types.js';
import type { LagHit, LedgerInput, LedgerProblem } from './ledger.js';

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
 * The ledger as of `asOf`: starts and completions after its day undone (stage too), problems raised
 * after it out and the others in the state they were in that day. Reports are all kept: the summary
 * counts those of months through asOf.month and shows the open month's apart (live only).
 */
export function ledgerAsOf(input: LedgerInput, asOf: AsOf): LedgerInput {
  const day = asOf.day;
  return {
    ...input,
    today: day,
    asOf,
    projects: input.projects.map((p) => projectAsOf(p, day)),
    monthly: asOf.monthEnd ? input.monthly.filter((f) => countsIn(f.month, asOf)) : input.monthly,
    problems: input.problems.flatMap((p) => {
      const state = problemStateOn(p, day);
      if (state === null) return [];
      const closedOn = p.closedOn !== null && p.closedOn <= day && (state === 'closed' || state === 'resolved') ? p.closedOn : null;
      return [{ ...p, state, closedOn, dueOn: problemDueOn(p, day) }];
    }),
  };
}

/** A problem's state at the end of `day`, null when it was not raised yet. */
export function problemStateOn(p: Pick<LedgerProblem, 'state' | 'raisedOn' | 'history' | 'closedOn'>, day: string): ProblemState | null {
  if (p.raisedOn !== undefined && p.raisedOn > day) return null;
  if (!p.history?.length) return after(p.closedOn, day) ? 'coordinating' : p.state;
  // No step after the day: it stands as it does now.
  if (p.history[p.history.length - 1].on <= day) return p.state;
  let state: ProblemState = p.history[0].state;
  for (const step of p.history) if (step.on <= day) state = step.state;
  return state;
}

/**
 * A problem's due date at the end of `day`: as now unless a step after the day set it, else the one
 * the latest step by then set (none: it had none).
 */
export function problemDueOn(p: Pick<LedgerProblem, 'dueOn' | 'history'>, day: string): string | null {
  const set = (p.history ?? []).filter((h) => h.dueOn);
  if (!set.some((h) => h.on > day)) return p.dueOn;
  return set.filter((h) => h.on <= day).at(-1)?.dueOn ?? null;
}

/**
 * The campaign's figures as of `asOf` (口径说明), from the ledger as loaded today: the one function the
 * live wall, a frozen meeting, the 月通报 of any month, letters and the drill-down compute through. On
 * the live wall the 比赶超 ranking is the month-end one of its 数据统计至 month — the ranking of that
 * month's 月通报 — while the other figures take day facts as of today.
 */
export function campaignAsOf(input: LedgerInput, asOf: AsOf): Summary {
  return recomputeCampaignAsOf(input, asOf, null).summary;
}

/** What campaignAsOf leaves for the next call: the memo of each summary it computed. */
export interface CampaignMemo {
  summary: SummaryMemo;
  /** The month end the live ranking is taken from (none at a month end). */
  closed: SummaryMemo | null;
}

export interface CampaignReuse {
  memo: CampaignMemo | null;
  /** The projects whose row or rows differ from the ledger the memo was computed from. */
  changed: ReadonlySet<number>;
}

/**
 * campaignAsOf, and the memo for the next call: with `reuse`, only the changed projects' facts are
 * computed again where the memo's context still holds (recomputeSummary). The figures are the same.
 */
export function recomputeCampaignAsOf(input: LedgerInput, asOf: AsOf, reuse: CampaignReuse | null): { summary: Summary; memo: CampaignMemo } {
  const reusing = (memo: SummaryMemo | null | undefined) => reuse && { memo: memo ?? null, changed: reuse.changed };
  const live = recomputeSummary(ledgerAsOf(input, asOf), reusing(reuse?.memo?.summary));
  if (asOf.monthEnd) return { summary: live.summary, memo: { summary: live.memo, closed: null } };
  const closed = recomputeSummary(ledgerAsOf(input, monthEndAsOf(asOf.month)), reusing(reuse?.memo?.closed));
  return { summary: { ...live.summary, ranking: closed.summary.ranking }, memo: { summary: live.memo, closed: closed.memo } };
}

/**
 * The problem ledger at `asOf`: those raised by then, each in the state it was in that day (from the
 * ledger's history of states, by id); one closed later loses its closing facts.
 */
export function problemsAsOf(problems: readonly ProblemDetail[], asOf: string, ledger: readonly LedgerProblem[] = []): ProblemDetail[] {
  const byId = new Map(ledger.map((p) => [p.id, p]));
  return problems.flatMap((p) => {
    if (chinaDate(new Date(p.createdAt)) > asOf) return [];
    const known = byId.get(p.id);
    const closedLater = p.closedAt !== null && chinaDate(new Date(p.closedAt)) > asOf;
    const state = known ? problemStateOn(known, asOf) ?? p.state : closedLater ? 'coordinating' : p.state;
    const dueOn = known ? problemDueOn(known, asOf) : p.dueOn;
    const agenda = p.agenda.filter((a) => a.heldOn <= asOf);
    const base = { ...p, state, dueOn, agenda, meetings: agenda.length, ...problemFacts({ ...p, state, dueOn, agenda }, asOf) };
    if (!closedLater) return [base];
    return [{ ...base, closedAt: null, confirmedBy: null, ...(state === 'resolved' ? {} : { resolution: null, resolvedBy: null }) }];
  });
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
