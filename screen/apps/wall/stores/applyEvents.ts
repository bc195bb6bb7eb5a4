// The wall's state transitions, pure: state + server event → next state and what to do.
// The wall store feeds socket events through these; tests call them directly.
//
// Version rule (shared/events.ts): the several events of one change share its version.
// Holding `cur`, an event with version v is
//   v > cur + 1  a gap: we missed a change, ask for the snapshot and drop the event;
//   v < cur      stale: its effect is already in what we show; only its ticker line may be new;
//   otherwise    applied, and the version becomes max(cur, v).
// A full snapshot is always taken as it is: it is the server's word on the present.
import type { AlertCleared, AlertRaised, AlertUpdated, InvestmentUpdate, ProblemUpdate, ProjectMilestone, ReportSubmitted, SummaryUpdate } from '../../../../shared/events.js';
import { applyFigures, type SummaryDelta } from '../../../../shared/summaryDelta.js';
import { countAlerts, TICKER_LIMIT, type Snapshot, type TickerEvent } from '../../../../shared/snapshot.js';
import type { Alert } from '../../../../shared/types.js';
import { SEVERITY_RANK } from '../../../features/alerts/alertLabels.js';

export interface WallData {
  snapshot: Snapshot | null;
  /** Live events, newest first, at most TICKER_LIMIT. Seeded from snapshot.events. */
  ticker: TickerEvent[];
}

export type VersionDecision = 'apply' | 'stale' | 'gap';

export interface Outcome {
  data: WallData;
  decision: VersionDecision;
}

/** Open alerts kept on the wall (a part of them: the counts are the server's alertCounts); a backstop bound. */
export const ALERT_LIMIT = 500;

export function decideVersion(current: number | null, incoming: number): VersionDecision {
  // Without a snapshot there is nothing to apply a delta to.
  if (current === null || incoming > current + 1) return 'gap';
  if (incoming < current) return 'stale';
  return 'apply';
}

const newestFirst = (a: TickerEvent, b: TickerEvent) => Date.parse(b.at) - Date.parse(a.at);

/** Deduplicated by id, newest first, bounded. */
export function boundTicker(events: readonly TickerEvent[], limit = TICKER_LIMIT): TickerEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

/** Adds one event; the same list back when it is already there (idempotent). */
export function addTicker(list: TickerEvent[], event: TickerEvent, limit = TICKER_LIMIT): TickerEvent[] {
  if (list.some((e) => e.id === event.id)) return list;
  const next = [event, ...list].sort(newestFirst).slice(0, limit);
  return next.includes(event) ? next : list;
}

export function applySnapshot(snapshot: Snapshot): WallData {
  // A process of the previous release (a rolling restart) sends no counts: its list is then whole.
  const counted = snapshot.alertCounts ? snapshot : { ...snapshot, alertCounts: countAlerts(snapshot.alerts) };
  return { snapshot: counted, ticker: boundTicker(snapshot.events) };
}

/** `patch` returns null when the change cannot apply to what the wall holds: then it is a gap. */
function applyVersioned(
  data: WallData,
  version: number,
  event: TickerEvent | null,
  patch: (s: Snapshot) => Partial<Snapshot> | null,
): Outcome {
  const current = data.snapshot?.version ?? null;
  const decision = decideVersion(current, version);
  if (decision === 'gap' || data.snapshot === null) return { data, decision };
  const ticker = event ? addTicker(data.ticker, event) : data.ticker;
  if (decision === 'stale') return { data: ticker === data.ticker ? data : { ...data, ticker }, decision };
  const changed = patch(data.snapshot);
  if (changed === null) return { data, decision: 'gap' };
  const snapshot: Snapshot = { ...data.snapshot, ...changed, version: Math.max(data.snapshot.version, version) };
  return { data: { snapshot, ticker }, decision };
}

export function applyInvestmentUpdate(data: WallData, u: InvestmentUpdate): Outcome {
  return applyVersioned(data, u.version, u.event, (snap) => summaryFields(snap, u.summary));
}

/** The figures after a summary delta (the rows that moved); the problem counts only when it carries them. */
function summaryFields(snap: Snapshot, delta: SummaryDelta): Partial<Snapshot> | null {
  const next = applyFigures(snap, delta);
  return next && { ...next, problems: delta.problems ?? snap.problems };
}

/** The figures recomputed without a report (plan edits, the date moving on). */
export function applySummaryUpdate(data: WallData, u: SummaryUpdate): Outcome {
  return applyVersioned(data, u.version, null, (snap) => summaryFields(snap, u.summary));
}

/** project:started / project:completed and report:submitted carry no figures, only a ticker line. */
export function applyMilestone(data: WallData, m: ProjectMilestone | ReportSubmitted): Outcome {
  return applyVersioned(data, m.version, m.event, () => ({}));
}

export function applyAlertRaised(data: WallData, a: AlertRaised): Outcome {
  return applyVersioned(data, a.version, a.event, (s) => ({ alerts: upsertAlert(s.alerts, a.alert), alertCounts: a.counts ?? s.alertCounts }));
}

export function applyAlertCleared(data: WallData, a: AlertCleared): Outcome {
  return applyVersioned(data, a.version, a.event, (s) => ({ alerts: s.alerts.filter((x) => x.id !== a.alertId), alertCounts: a.counts ?? s.alertCounts }));
}

/** A problem raised or moved on: the ledger's counts replaced whole, and its ticker line. */
/** An open alert changed quietly (eased, explained, written to, escalated): no ticker line. */
export function applyAlertUpdated(data: WallData, a: AlertUpdated): Outcome {
  return applyVersioned(data, a.version, null, (s) => ({ alerts: upsertAlert(s.alerts, a.alert), alertCounts: a.counts ?? s.alertCounts }));
}

export function applyProblemUpdate(data: WallData, p: ProblemUpdate): Outcome {
  return applyVersioned(data, p.version, p.event, () => ({ problems: p.problems }));
}

/** Replaces or inserts by id; most severe, then newest, first; bounded. */
export function upsertAlert(alerts: readonly Alert[], alert: Alert): Alert[] {
  const others = alerts.filter((x) => x.id !== alert.id);
  if (alert.state === 'cleared') return others;
  return [alert, ...others]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(b.raisedAt) - Date.parse(a.raisedAt))
    .slice(0, ALERT_LIMIT);
}
