// The tail every write shares inside its transaction: recompute the aggregates, raise and clear
// alerts, write the ticker events, and build the new snapshot with the pushes that announce it.
import type { Snapshot, TickerEvent, TickerKind } from '../../shared/snapshot.js';
import { LAG_RULE_LABELS, SEVERITY_LABELS, type Campaign } from '../../shared/types.js';
import { diffAlerts } from '../domain/alerts.js';
import type { Summary } from '../domain/aggregates.js';
import { SEVERITY_RANK } from '../domain/lagRules.js';
import { summaryPatch } from '../domain/snapshot.js';
import { clearAlert, listOpenAlerts, raiseAlert, updateAlert } from '../store/alerts.js';
import type { Queryable } from '../store/db.js';
import { insertEvent } from '../store/events.js';
import type { Deps, Push } from './deps.js';
import { bumpVersion } from '../store/campaigns.js';
import { requireCampaign, snapshotFromStore, summarize } from './snapshot.js';

export type EventWriter = (kind: TickerKind, projectId: number, text: string) => Promise<TickerEvent>;

export interface ChangeResult {
  snapshot: Snapshot;
  pushes: Push[];
}

export async function finishChange(
  q: Queryable,
  campaign: Campaign,
  version: number,
  now: Date,
  lead: (summary: Summary, writeEvent: EventWriter) => Promise<Push[]>,
): Promise<ChangeResult> {
  const at = now.toISOString();
  const writeEvent: EventWriter = (kind, projectId, text) => insertEvent(q, campaign.id, { version, kind, projectId, text, at });
  const summary = await summarize(q, campaign, now);
  const pushes = await lead(summary, writeEvent);
  pushes.push(...(await syncAlerts(q, campaign.id, version, summary, writeEvent, at)));
  const snapshot = await snapshotFromStore(q, campaign, version, now, summary);
  // The problem counts ride on every summary push: they move with the date too (ages, overdue).
  for (const push of pushes) {
    if (push.name === 'summary:update' || push.name === 'investment:update') push.payload.summary = { ...push.payload.summary, problems: snapshot.problems };
  }
  return { snapshot, pushes };
}

/** Makes the stored open alerts match the rule hits, returning the pushes for what changed. */
async function syncAlerts(q: Queryable, campaignId: number, version: number, summary: Summary, writeEvent: EventWriter, at: string) {
  const pushes: Push[] = [];
  const diff = diffAlerts(await listOpenAlerts(q, campaignId), summary.hits);
  for (const alert of diff.clear) {
    await clearAlert(q, alert.id, at);
    const event = await writeEvent('alert_cleared', alert.projectId, `${alert.project}：${LAG_RULE_LABELS[alert.rule]}预警已解除`);
    pushes.push({ name: 'alert:cleared', payload: { version, alertId: alert.id, projectId: alert.projectId, rule: alert.rule, event } });
  }
  for (const hit of diff.raise) {
    const alert = await raiseAlert(q, campaignId, hit, at);
    const event = await writeEvent('alert_raised', alert.projectId, `${alert.project}：${LAG_RULE_LABELS[alert.rule]}（${SEVERITY_LABELS[alert.severity]}预警）`);
    pushes.push({ name: 'alert:raised', payload: { version, alert, event } });
  }
  for (const { alert: old, hit } of diff.update) {
    const alert = await updateAlert(q, old.id, hit, at);
    // A worsening alert is announced again; an easing one or new figures update it quietly.
    if (SEVERITY_RANK[alert.severity] > SEVERITY_RANK[old.severity]) {
      const event = await writeEvent('alert_raised', alert.projectId, `${alert.project}：${LAG_RULE_LABELS[alert.rule]}升级为${SEVERITY_LABELS[alert.severity]}预警`);
      pushes.push({ name: 'alert:raised', payload: { version, alert, event } });
    } else {
      pushes.push({ name: 'alert:updated', payload: { version, alert } });
    }
  }
  return pushes;
}

/** After commit: cache the snapshot, then announce the change to every client. */
export async function announce(deps: Deps, result: ChangeResult): Promise<void> {
  await deps.cache.set(result.snapshot);
  deps.notifier.publish(result.snapshot.campaign.id, result.pushes);
}

/**
 * Re-runs the rules with no write behind them: at start-up (a seeded or restored ledger) and when
 * the date moves on, since lateness depends on the calendar as much as on the reports.
 */
export async function refreshCampaign(deps: Deps): Promise<void> {
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    const version = await bumpVersion(q, campaign.id);
    return finishChange(q, campaign, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryPatch(summary) } },
    ]);
  });
  await announce(deps, result);
}
