// Reading and recomputing the campaign snapshot.
import { addMonths, chinaDate, yearOf } from '../../shared/dates.js';
import type { CampaignPeriod, PriorYear } from '../../shared/yearTurn.js';
import type { Snapshot } from '../../shared/snapshot.js';
import type { Alert, Campaign } from '../../shared/types.js';
import type { ProblemSummary } from '../../shared/problems.js';
import type { Summary } from '../domain/aggregates.js';
import { liveAsOf, monthEndAsOf, type AsOf } from '../domain/asOf.js';
import type { LedgerInput } from '../domain/ledger.js';
import { summarizeProblems } from '../domain/problemSummary.js';
import { alertsAsOf, campaignAsOf, endOfChinaDay, eventsAsOf, ledgerAsOf, problemsAsOf } from '../domain/monthEnd.js';
import { buildSnapshot } from '../domain/snapshot.js';
import { listAlerts, listOpenAlerts } from '../store/alerts.js';
import { campaignOfYear, currentVersion, getCampaign, lockVersion } from '../store/campaigns.js';
import { listDomains, listLevels } from '../store/reference.js';
import { requireCampaign } from './campaignScope.js';
import type { Queryable } from '../store/db.js';
import { recentEvents } from '../store/events.js';
import { loadLedger } from '../store/ledger.js';
import { listProblemDetails } from '../store/problems.js';
import { eventsUntil } from '../store/presentation.js';
import { TICKER_LIMIT } from '../../shared/snapshot.js';
import type { Deps } from './deps.js';
import type { LocalSnapshots } from './local.js';

/** The product's "today" for a campaign: the date in China of the product clock (which `TODAY` fixes). */
export function todayFor(_campaign: Campaign, now: Date): string {
  return chinaDate(now);
}

export { requireCampaign } from './campaignScope.js';

export async function summarize(q: Queryable, campaign: Campaign, now: Date): Promise<Summary> {
  return (await figuresAsOf(q, campaign, liveAsOf(todayFor(campaign, now)))).summary;
}

/**
 * The campaign's figures as of `asOf` (口径说明): the ledger as it stood then and its summary, through
 * the one function every figure goes through (domain campaignAsOf).
 */
export async function figuresAsOf(q: Queryable, campaign: Campaign, asOf: AsOf): Promise<{ input: LedgerInput; summary: Summary }> {
  const ledger = await loadLedger(q, campaign, asOf.day);
  return { input: ledgerAsOf(ledger, asOf), summary: campaignAsOf(ledger, asOf) };
}

/**
 * The figures across years a snapshot carries: the county's previous year as of the same month end
 * (同比), and a multi-year campaign's period targets with what its earlier years completed.
 */
export async function yearContext(q: Queryable, campaign: Campaign, month: string, local?: LocalSnapshots): Promise<{ priorYear: PriorYear | null; period: CampaignPeriod | null }> {
  const yearEnd = async (year: number, at: string) => {
    const id = await campaignOfYear(q, campaign.county, year);
    if (id === null) return null;
    // An earlier year changes rarely: its figures are remembered by its version.
    const compute = async () => {
      const c = await getCampaign(q, id);
      return c && (await figuresAsOf(q, c, monthEndAsOf(at))).summary;
    };
    return local ? local.remember(`year-end:${id}:${await currentVersion(q, id)}:${at}`, compute) : compute();
  };
  const prevMonth = addMonths(month, -12);
  const prior = yearOf(month) === campaign.year ? await yearEnd(campaign.year - 1, prevMonth) : null;
  const priorYear = prior && {
    year: campaign.year - 1, month: prevMonth,
    completed: prior.totals.completed, started: prior.totals.started, completedProjects: prior.totals.completedProjects,
  };
  if (campaign.firstYear === campaign.lastYear) return { priorYear, period: null };

  const earlier: (Summary | null)[] = [];
  for (let y = campaign.firstYear; y < campaign.year; y++) earlier.push(await yearEnd(y, `${y}-12`));
  const before = (pick: (s: Summary) => readonly { name: string; completed: number }[], name: string) =>
    earlier.reduce((sum, s) => sum + (s ? pick(s).find((g) => g.name === name)?.completed ?? 0 : 0), 0);
  const [domains, levels] = await Promise.all([listDomains(q, campaign.id), listLevels(q, campaign.id)]);
  const byDomain = domains.map((d) => ({ name: d.name, target: d.periodTarget ?? null, before: before((s) => s.byDomain, d.name) }));
  const byLevel = levels.map((l) => ({ name: l.name, target: l.periodTarget ?? null, before: before((s) => s.byLevel, l.name) }));
  const targets = (byDomain.some((g) => g.target !== null) ? byDomain : byLevel).map((g) => g.target ?? 0);
  return {
    priorYear,
    period: {
      firstYear: campaign.firstYear, lastYear: campaign.lastYear,
      target: targets.some((t) => t > 0) ? targets.reduce((a, b) => a + b, 0) : null,
      before: earlier.reduce((sum, s) => sum + (s?.totals.completed ?? 0), 0),
      byDomain, byLevel,
    },
  };
}

/** Recomputes the snapshot from the store as of `version` (the caller holds it steady). */
export async function snapshotFromStore(
  q: Queryable, campaign: Campaign, version: number, now: Date, summary?: Summary, local?: LocalSnapshots, openAlerts?: Alert[],
  problemSummary?: ProblemSummary,
): Promise<Snapshot> {
  const today = todayFor(campaign, now);
  const [s, alerts, events, problems] = await Promise.all([
    summary ?? summarize(q, campaign, now),
    openAlerts ?? listOpenAlerts(q, campaign.id),
    recentEvents(q, campaign.id),
    problemSummary ?? listProblemDetails(q, campaign.id, today).then((details) => summarizeProblems(details, today, campaign.settings.problemCategories)),
  ]);
  return buildSnapshot(s, {
    ...(await yearContext(q, campaign, s.reportingMonth, local)),
    version,
    generatedAt: now.toISOString(),
    campaign: { id: campaign.id, county: campaign.county, year: campaign.year, title: campaign.title },
    alerts,
    problems,
    events,
  });
}

/**
 * The current snapshot: this process's copy or the cache's when it is current, else recomputed (by
 * one caller at a time) and cached.
 */
export async function currentSnapshot(deps: Deps): Promise<Snapshot> {
  await deps.local.warming;
  const campaign = await requireCampaign(deps.db);
  const version = await currentVersion(deps.db, campaign.id);
  const held = deps.local.latest(campaign.id);
  if (held?.version === version) return held;
  return deps.local.once(`snapshot:${campaign.id}:${version}`, async () => {
    const cached = await deps.cache.get(campaign.id);
    if (cached?.version === version) {
      deps.local.keep(cached);
      return cached;
    }
    // FOR SHARE holds writers (who bump the version first) off until the recompute has read everything.
    const snapshot = await deps.db.tx(async (q) => {
      const v = await lockVersion(q, campaign.id);
      return snapshotFromStore(q, campaign, v, deps.clock(), undefined, deps.local);
    });
    deps.local.keep(snapshot);
    await deps.cache.set(snapshot);
    return snapshot;
  });
}

/**
 * The snapshot as it stood at the end of `month` (会议模式's frozen figures; the 月通报 of that month
 * reads the same figures): reports of later months, events, problems and starts after it left out,
 * that day as `today` and the month as reportingMonth. Carries the current version.
 */
export async function monthEndSnapshot(q: Queryable, campaign: Campaign, month: string, version: number, now: Date): Promise<Snapshot> {
  const { day: asOf } = monthEndAsOf(month);
  const until = endOfChinaDay(asOf);
  const [{ input, summary }, known, events, problems] = await Promise.all([
    figuresAsOf(q, campaign, monthEndAsOf(month)),
    listAlerts(q, campaign.id, { includeCleared: true }),
    eventsUntil(q, campaign.id, until, TICKER_LIMIT),
    listProblemDetails(q, campaign.id, asOf),
  ]);
  return buildSnapshot(summary, {
    ...(await yearContext(q, campaign, month)),
    version,
    generatedAt: now.toISOString(),
    campaign: { id: campaign.id, county: campaign.county, year: campaign.year, title: campaign.title },
    alerts: alertsAsOf(summary.hits, input.projects, known, asOf),
    problems: summarizeProblems(problemsAsOf(problems, asOf, input.problems), asOf, campaign.settings.problemCategories),
    events: eventsAsOf(events, asOf),
  });
}
