// Reading and recomputing the campaign snapshot.
import { chinaDate } from '../../shared/dates.js';
import type { Snapshot } from '../../shared/snapshot.js';
import type { Campaign } from '../../shared/types.js';
import { computeSummary, type Summary } from '../domain/aggregates.js';
import { summarizeProblems } from '../domain/problemSummary.js';
import { alertsAsOf, endOfChinaDay, eventsAsOf, ledgerAsOf, problemsAsOf } from '../domain/monthEnd.js';
import { buildSnapshot } from '../domain/snapshot.js';
import { listAlerts, listOpenAlerts } from '../store/alerts.js';
import { currentVersion } from '../store/campaigns.js';
import { requireCampaign } from './campaignScope.js';
import type { Queryable } from '../store/db.js';
import { recentEvents } from '../store/events.js';
import { loadLedger } from '../store/ledger.js';
import { listProblemDetails } from '../store/problems.js';
import { eventsUntil, problemsRaisedBy } from '../store/presentation.js';
import { monthEnd } from '../../shared/presentation.js';
import { TICKER_LIMIT } from '../../shared/snapshot.js';
import type { Deps } from './deps.js';

/** The product's "today" for a campaign: the date in China of the product clock (which `TODAY` fixes). */
export function todayFor(_campaign: Campaign, now: Date): string {
  return chinaDate(now);
}

export { requireCampaign } from './campaignScope.js';

export async function summarize(q: Queryable, campaign: Campaign, now: Date): Promise<Summary> {
  return computeSummary(await loadLedger(q, campaign, todayFor(campaign, now)));
}

/** Recomputes the snapshot from the store as of `version` (the caller holds it steady). */
export async function snapshotFromStore(q: Queryable, campaign: Campaign, version: number, now: Date, summary?: Summary): Promise<Snapshot> {
  const today = todayFor(campaign, now);
  const [s, alerts, events, problems] = await Promise.all([
    summary ?? summarize(q, campaign, now),
    listOpenAlerts(q, campaign.id),
    recentEvents(q, campaign.id),
    listProblemDetails(q, campaign.id, today),
  ]);
  return buildSnapshot(s, {
    version,
    generatedAt: now.toISOString(),
    campaign: { id: campaign.id, county: campaign.county, year: campaign.year, title: campaign.title },
    alerts,
    problems: summarizeProblems(problems, today, campaign.settings.problemCategories),
    events,
  });
}

/** The current snapshot: from the cache when it is current, else recomputed and cached. */
export async function currentSnapshot(deps: Deps): Promise<Snapshot> {
  const campaign = await requireCampaign(deps.db);
  const version = await currentVersion(deps.db, campaign.id);
  const cached = await deps.cache.get(campaign.id);
  if (cached?.version === version) return cached;
  // FOR SHARE holds writers (who bump the version first) off until the recompute has read everything.
  const snapshot = await deps.db.tx(async (q) => {
    const [{ version: v }] = await q.query<{ version: number }>('SELECT version FROM campaigns WHERE id = $1 FOR SHARE', [campaign.id]);
    return snapshotFromStore(q, campaign, v, deps.clock());
  });
  await deps.cache.set(snapshot);
  return snapshot;
}

/**
 * The snapshot as it stood at the end of `month` (会议模式's frozen figures): reports of later months,
 * events, problems and starts after it left out, and that day as `today`. Carries the current version.
 */
export async function monthEndSnapshot(q: Queryable, campaign: Campaign, month: string, version: number, now: Date): Promise<Snapshot> {
  const asOf = monthEnd(month);
  const until = endOfChinaDay(asOf);
  const [ledger, raised, known, events, problems] = await Promise.all([
    loadLedger(q, campaign, asOf),
    problemsRaisedBy(q, campaign.id, until),
    listAlerts(q, campaign.id, { includeCleared: true }),
    eventsUntil(q, campaign.id, until, TICKER_LIMIT),
    listProblemDetails(q, campaign.id, asOf),
  ]);
  const input = ledgerAsOf(ledger, asOf, raised);
  const summary = computeSummary(input);
  return buildSnapshot(summary, {
    version,
    generatedAt: now.toISOString(),
    campaign: { id: campaign.id, county: campaign.county, year: campaign.year, title: campaign.title },
    alerts: alertsAsOf(summary.hits, input.projects, known, asOf),
    problems: summarizeProblems(problemsAsOf(problems, asOf), asOf, campaign.settings.problemCategories),
    events: eventsAsOf(events, asOf),
  });
}
