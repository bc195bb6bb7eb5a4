// The summary shaped for clients: the full snapshot and the patch a single change pushes.
import type { CampaignPeriod, PriorYear } from '../../shared/yearTurn.js';
import type { SummaryPatch } from '../../shared/events.js';
import type { ProblemSummary } from '../../shared/problems.js';
import { TICKER_LIMIT, type Snapshot, type TickerEvent } from '../../shared/snapshot.js';
import type { Alert } from '../../shared/types.js';
import type { Summary } from './aggregates.js';
import { SEVERITY_RANK } from './lagRules.js';

export interface SnapshotMeta {
  version: number;
  generatedAt: string;
  campaign: Snapshot['campaign'];
  alerts: Alert[];
  /** 问题台账 at a glance (domain/problemSummary.ts). */
  problems: ProblemSummary;
  events: TickerEvent[];
  priorYear?: PriorYear | null;
  period?: CampaignPeriod | null;
}

export function buildSnapshot(summary: Summary, meta: SnapshotMeta): Snapshot {
  const { id, county, year, title } = meta.campaign;
  return {
    version: meta.version,
    generatedAt: meta.generatedAt,
    campaign: { id, county, year, title },
    ...summaryPatch(summary),
    alerts: sortAlerts(meta.alerts.filter((a) => a.state !== 'cleared')),
    problems: meta.problems,
    events: [...meta.events].sort((a, b) => compareDesc(a.at, b.at)).slice(0, TICKER_LIMIT),
    priorYear: meta.priorYear ?? null,
    period: meta.period ?? null,
  };
}

export function summaryPatch(summary: Summary): SummaryPatch {
  const { today, reportingMonth, scheduleRatio, totals, byDomain, byLevel, byLeader, trend, lagging, ranking, rankingWeights, openMonth } = summary;
  return { today, reportingMonth, scheduleRatio, totals, byDomain, byLevel, byLeader, trend, lagging, ranking, rankingWeights, openMonth };
}

/** Most severe first, then newest. */
function sortAlerts(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareDesc(a.raisedAt, b.raisedAt));
}

// ISO timestamps of one format compare correctly as strings.
function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
