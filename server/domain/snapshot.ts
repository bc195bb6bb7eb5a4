// The summary shaped for clients: the full snapshot and the patch a single change pushes.
import type { CampaignPeriod, PriorYear } from '../../shared/yearTurn.js';
import type { ProblemSummary } from '../../shared/problems.js';
import { countAlerts, SNAPSHOT_ALERT_LIMIT, TICKER_LIMIT, type Snapshot, type TickerEvent } from '../../shared/snapshot.js';
import { diffFigures, type Figures, type SummaryDelta } from '../../shared/summaryDelta.js';
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
  const open = meta.alerts.filter((a) => a.state !== 'cleared');
  const figures = summaryFigures(summary);
  return {
    version: meta.version,
    generatedAt: meta.generatedAt,
    campaign: { id, county, year, title },
    ...figures,
    alerts: snapshotAlerts(open, figures.lagging),
    alertCounts: countAlerts(open),
    problems: meta.problems,
    events: [...meta.events].sort((a, b) => compareDesc(a.at, b.at)).slice(0, TICKER_LIMIT),
    priorYear: meta.priorYear ?? null,
    period: meta.period ?? null,
  };
}

export function summaryFigures(summary: Summary): Figures {
  const { today, reportingMonth, scheduleRatio, totals, byDomain, byLevel, byLeader, trend, lagging, ranking, rankingWeights, openMonth } = summary;
  return { today, reportingMonth, scheduleRatio, totals, byDomain, byLevel, byLeader, trend, lagging, ranking, rankingWeights, openMonth };
}

/** The figures whole, as a delta any client can apply; announce() narrows it to what moved. */
export function summaryDelta(summary: Summary): SummaryDelta {
  return diffFigures(null, summaryFigures(summary));
}

/**
 * The alerts a snapshot carries: the most severe SNAPSHOT_ALERT_LIMIT, and those of the lagging
 * projects it lists (their stage shows beside them); a province's thousands stay behind GET /api/alerts.
 */
function snapshotAlerts(open: Alert[], lagging: readonly { projectId: number }[]): Alert[] {
  const sorted = sortAlerts(open);
  if (sorted.length <= SNAPSHOT_ALERT_LIMIT) return sorted;
  const listed = new Set(lagging.map((p) => p.projectId));
  return sorted.filter((a, i) => i < SNAPSHOT_ALERT_LIMIT || listed.has(a.projectId));
}

/** Most severe first, then newest. */
function sortAlerts(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareDesc(a.raisedAt, b.raisedAt));
}

// ISO timestamps of one format compare correctly as strings.
function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
