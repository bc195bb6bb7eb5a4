// The tail every write shares inside its transaction: recompute the aggregates, raise and clear
// alerts, write the ticker events, and build the new snapshot with the pushes that announce it.
import { TICKER_LIMIT, type Snapshot, type TickerEvent, type TickerKind } from '../../shared/snapshot.js';
import { LAG_RULE_LABELS, SEVERITY_LABELS, type Alert, type Campaign, type Severity } from '../../shared/types.js';
import { diffAlerts } from '../domain/alerts.js';
import type { Summary } from '../domain/aggregates.js';
import { SEVERITY_RANK } from '../domain/lagRules.js';
import { summaryDelta } from '../domain/snapshot.js';
import { diffFigures } from '../../shared/summaryDelta.js';
import { clearAlerts, getAlerts, insertAlerts, listOpenAlerts, updateAlerts } from '../store/alerts.js';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { yielding } from '../store/bulk.js';
import type { Queryable } from '../store/db.js';
import { insertEvents, type NewEvent } from '../store/events.js';
import { claimDailyRefresh } from '../store/locks.js';
import type { Deps, Push } from './deps.js';
import type { HeldLedger } from './local.js';
import { bumpVersion, getActiveCampaign } from '../store/campaigns.js';
import { enqueueRecomputed } from './notifyEnqueue.js';
import { requireCampaign, snapshotFromStore, todayFor } from './snapshot.js';
import { liveAsOf } from '../domain/asOf.js';
import { recomputeCampaignAsOf } from '../domain/monthEnd.js';
import { loadLedger, reloadLedger } from '../store/ledger.js';

export type EventWriter = (kind: TickerKind, projectId: number, text: string) => Promise<TickerEvent>;

export interface ChangeResult {
  snapshot: Snapshot;
  pushes: Push[];
  /** The ledger and open alerts as the change left them, kept (after commit) for the next change to read only what it touches. */
  held: HeldLedger;
}

export interface FinishOptions {
  /**
   * The change skipped a version, so every wall fetches the whole snapshot (alerts and ticker with
   * it): pushing each alert as well would only be dropped on arrival. Set by the bulk imports.
   */
  wallsRefetch?: boolean;
  /**
   * The change wrote rows of these projects only (their reports, plans, problems): the recompute reads
   * them again and takes the rest from the ledger the previous version left, when this process holds it.
   */
  touched?: readonly number[];
  /**
   * The change wrote no problem rows and renamed nothing (a report, its review): on the day of the
   * previous version, whose snapshot this process holds, the problem counts are that version's.
   */
  problemsUntouched?: boolean;
}

/**
 * A change announcing more alerts than this (raised, worsened, cleared) is a bulk change: its alerts
 * get one summary ticker line per kind instead of a line each, which would flood the ticker
 * (it shows TICKER_LIMIT lines) and the events table. A single report stays far below it.
 */
export const ANNOUNCE_LIMIT = TICKER_LIMIT;

export async function finishChange(
  deps: Pick<Deps, 'local'>,
  q: Queryable,
  campaign: Campaign,
  version: number,
  now: Date,
  lead: (summary: Summary, writeEvent: EventWriter) => Promise<Push[]>,
  opts: FinishOptions = {},
): Promise<ChangeResult> {
  // Large changes (imports) run many statements here; let other requests in between them.
  q = yielding(q);
  const at = now.toISOString();
  // The lead's ticker events are queued and written together once it returns (same transaction).
  const queued: NewEvent[] = [];
  const writeEvent: EventWriter = async (kind, projectId, text) => {
    const e = { version, kind, projectId, text, at };
    queued.push(e);
    return { id: `${version}-${kind}-${projectId}`, at, kind, projectId, text };
  };
  const today = todayFor(campaign, now);
  const held = opts.touched ? deps.local.ledger(campaign.id, version - 1) : null;
  const reloaded = held && (await reloadLedger(q, held.ledger, campaign, today, opts.touched!, { problems: !opts.problemsUntouched }));
  const ledger = reloaded || (await loadLedger(q, campaign, today));
  // Reloaded, the ledger differs from the held one in the touched projects only: the others' facts are reused.
  const reuse = reloaded ? { memo: held!.memo, changed: new Set(opts.touched) } : null;
  const { summary, memo } = recomputeCampaignAsOf(ledger, liveAsOf(today), reuse);
  await yieldToLoop(); // the recompute is pure CPU: one turn before and after it
  const pushes = await lead(summary, writeEvent);
  await insertEvents(q, campaign.id, queued);
  const red: number[] = [];
  // The facts of the projects not touched were reused, so their hits are the held version's, which its open alerts match.
  const only = reuse && held!.openAlerts && memo.summary.key === held!.memo.summary.key ? reuse.changed : null;
  const synced = await syncAlerts(q, campaign.id, version, summary, at, opts, red, held?.openAlerts ?? null, only);
  pushes.push(...synced.pushes);
  // Work-chat notices of what the rules found, in this same transaction (the outbox).
  await enqueueRecomputed(q, campaign, todayFor(campaign, now), now, red);
  const prev = opts.problemsUntouched ? deps.local.latest(campaign.id) : null;
  const problems = prev?.version === version - 1 && prev.today === today ? prev.problems : undefined;
  const snapshot = await snapshotFromStore(q, campaign, version, now, summary, deps.local, synced.open ?? undefined, problems);
  await yieldToLoop(); // reading a large snapshot is one long step: a turn before the commit's
  // The problem counts ride on every summary push: they move with the date too (ages, overdue);
  // the alert counts on every alert push: the wall's list is a part, its counts are the whole.
  for (const push of pushes) {
    if (push.name === 'summary:update' || push.name === 'investment:update') push.payload.summary = { ...push.payload.summary, problems: snapshot.problems };
    if (push.name === 'alert:raised' || push.name === 'alert:updated' || push.name === 'alert:cleared') push.payload.counts = snapshot.alertCounts;
  }
  return { snapshot, pushes, held: { ledger, openAlerts: synced.open, memo } };
}

const count = (n: number) => n.toLocaleString('zh-CN');

/** The one ticker line of a bulk change's new and worsened alerts, e.g. 新增预警1,200条（红色3条、黄色1,197条），详见预警列表. */
export function raisedSummaryText(raised: { severity: Severity }[], worsened: { severity: Severity }[]): string {
  const all = [...raised, ...worsened];
  const bySeverity = (['red', 'orange', 'yellow'] as const)
    .map((s) => [s, all.filter((a) => a.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${SEVERITY_LABELS[s]}${count(n)}条`);
  const what = [raised.length ? `新增预警${count(raised.length)}条` : '', worsened.length ? `${count(worsened.length)}条预警升级` : ''].filter(Boolean);
  return `${what.join('，')}（${bySeverity.join('、')}），详见预警列表`;
}

/**
 * Makes the stored open alerts match the rule hits, in a few bulk statements whatever their number,
 * and returns the pushes for what changed, with the open alerts as now stored when it read them all.
 * With `only`, the hits and open alerts of other projects are known to match: they are not compared.
 */
async function syncAlerts(
  q: Queryable, campaignId: number, version: number, summary: Summary, at: string, opts: FinishOptions, red: number[],
  held: Alert[] | null, only: ReadonlySet<number> | null,
): Promise<{ pushes: Push[]; open: Alert[] | null }> {
  // The open alerts the previous version left (only writes that bump the version change them).
  const before = held ?? (await listOpenAlerts(q, campaignId));
  const diff = only
    ? diffAlerts(before.filter((a) => only.has(a.projectId)), summary.hits.filter((h) => only.has(h.projectId)))
    : diffAlerts(before, summary.hits);
  // A worsening alert is announced again; an easing one or new figures update it quietly.
  const worse = diff.update.map(({ alert, hit }) => SEVERITY_RANK[hit.severity] > SEVERITY_RANK[alert.severity]);
  const worsenedHits = diff.update.filter((_, i) => worse[i]).map((u) => u.hit);
  await clearAlerts(q, diff.clear.map((a) => a.id), at);
  const raisedIds = await insertAlerts(q, campaignId, diff.raise, at);
  await updateAlerts(q, diff.update.map(({ alert, hit }) => ({ id: alert.id, hit })), at);
  // New red alerts and those worsened to red, for the robots.
  red.push(...raisedIds.filter((_, i) => diff.raise[i].severity === 'red'), ...diff.update.filter((u, i) => worse[i] && u.hit.severity === 'red').map((u) => u.alert.id));

  const bulk = diff.clear.length + diff.raise.length + worsenedHits.length > ANNOUNCE_LIMIT;
  const pushing = !opts.wallsRefetch;
  // The alerts as stored (with project, unit and leader names), for the pushes and the lines naming them.
  const raised = pushing || !bulk ? await getAlerts(q, raisedIds) : [];
  const updated = pushing || !bulk ? await getAlerts(q, diff.update.map((u) => u.alert.id)) : [];
  const worsened = updated.filter((_, i) => worse[i]);

  const event = (kind: TickerKind, projectId: number, text: string): NewEvent => ({ version, kind, projectId, text, at });
  let clearedEvents: TickerEvent[];
  let raisedEvents: TickerEvent[];
  let worsenedEvents: TickerEvent[];
  if (bulk) {
    // One line per kind, pointing at the project of the most severe (else first) alert of it.
    const top = [...diff.raise, ...worsenedHits].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])[0];
    const lines: NewEvent[] = [];
    if (diff.clear.length) lines.push(event('alert_cleared', diff.clear[0].projectId, `${count(diff.clear.length)}条预警已解除`));
    if (top) lines.push(event('alert_raised', top.projectId, raisedSummaryText(diff.raise, worsenedHits)));
    const written = await insertEvents(q, campaignId, lines);
    const raisedLine = written[written.length - 1];
    clearedEvents = diff.clear.map(() => written[0]);
    raisedEvents = raised.map(() => raisedLine);
    worsenedEvents = worsened.map(() => raisedLine);
  } else {
    const written = await insertEvents(q, campaignId, [
      ...diff.clear.map((a) => event('alert_cleared', a.projectId, `${a.project}：${LAG_RULE_LABELS[a.rule]}预警已解除`)),
      ...raised.map((a) => event('alert_raised', a.projectId, `${a.project}：${LAG_RULE_LABELS[a.rule]}（${SEVERITY_LABELS[a.severity]}预警）`)),
      ...worsened.map((a) => event('alert_raised', a.projectId, `${a.project}：${LAG_RULE_LABELS[a.rule]}升级为${SEVERITY_LABELS[a.severity]}预警`)),
    ]);
    clearedEvents = written.slice(0, diff.clear.length);
    raisedEvents = written.slice(diff.clear.length, diff.clear.length + raised.length);
    worsenedEvents = written.slice(diff.clear.length + raised.length);
  }
  // The open alerts now: those before, less the cleared, with the updated and raised as read back.
  const fresh = new Map([...updated, ...raised].map((a) => [a.id, a]));
  const gone = new Set(diff.clear.map((a) => a.id));
  const open = raised.length === raisedIds.length && updated.length === diff.update.length
    ? [...before.filter((a) => !gone.has(a.id)).map((a) => fresh.get(a.id) ?? a), ...raised]
    : null;
  if (!pushing) return { pushes: [], open };

  // In a bulk change every push of a kind carries the same summary line (walls list an event once).
  const pushes: Push[] = [];
  diff.clear.forEach((alert, i) => {
    pushes.push({ name: 'alert:cleared', payload: { version, alertId: alert.id, projectId: alert.projectId, rule: alert.rule, event: clearedEvents[i] } });
  });
  raised.forEach((alert, i) => pushes.push({ name: 'alert:raised', payload: { version, alert, event: raisedEvents[i] } }));
  let w = 0;
  updated.forEach((alert, i) => {
    pushes.push(worse[i] ? { name: 'alert:raised', payload: { version, alert, event: worsenedEvents[w++] } } : { name: 'alert:updated', payload: { version, alert } });
  });
  return { pushes, open };
}

/**
 * After commit: cache the snapshot, then announce the change to every client. Walls hold the version
 * before it, so a summary push carries only what moved since that version (whole when it is not known).
 */
export async function announce(deps: Deps, result: ChangeResult): Promise<void> {
  const { snapshot } = result;
  deps.local.keepLedger(snapshot.campaign.id, snapshot.version, result.held);
  let before = deps.local.latest(snapshot.campaign.id);
  if (before?.version !== snapshot.version - 1) before = await deps.cache.get(snapshot.campaign.id);
  deps.local.keep(snapshot);
  await deps.cache.set(snapshot);
  // The walls show the active year: a late report of the year that ended changes only its own figures.
  if ((await getActiveCampaign(deps.db))?.id !== snapshot.campaign.id) return;
  const prev = before?.version === snapshot.version - 1 ? before : null;
  const pushes = prev ? result.pushes.map((push) => narrowed(push, prev, snapshot)) : result.pushes;
  deps.notifier.publish(snapshot.campaign.id, pushes);
}

function narrowed(push: Push, prev: Snapshot, next: Snapshot): Push {
  if (push.name !== 'summary:update' && push.name !== 'investment:update') return push;
  // The problem counts travel only when they moved (they are the biggest part of a county's push).
  const problems = JSON.stringify(prev.problems) === JSON.stringify(next.problems) ? undefined : next.problems;
  return { ...push, payload: { ...push.payload, summary: diffFigures(prev, next, problems) } } as Push;
}

/**
 * Re-runs the rules with no write behind them: at start-up (a seeded or restored ledger) and when
 * the date moves on, since lateness depends on the calendar as much as on the reports.
 */
export async function refreshCampaign(deps: Deps, opts: { onceForDay?: string } = {}): Promise<void> {
  const result = await deps.db.tx(async (q) => {
    // The day's refresh, asked by every process when the date moves on, is run by the first alone.
    if (opts.onceForDay && !(await claimDailyRefresh(q, opts.onceForDay))) return null;
    const campaign = await requireCampaign(q);
    const version = await bumpVersion(q, campaign.id);
    return finishChange(deps, q, campaign, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
    ]);
  });
  if (result) await announce(deps, result);
}
