// The aggregate picture of a campaign year that the wall, tablets and API clients read.
// Amounts are integer yuan; ratios are 0..1 numbers (display rounds them).
import type { Yuan } from './money.js';
import type { ProblemSummary } from './problems.js';
import type { Alert, AlertState, DispatchLevel, LagRule, LeaderRank, RankingWeights, Severity } from './types.js';

export interface Snapshot {
  /** Increases by one with every committed change to the campaign. */
  version: number;
  generatedAt: string;
  campaign: { id: number; county: string; year: number; title: string };
  /** The date the figures are as of (YYYY-MM-DD). */
  today: string;
  /**
   * 数据统计至 (YYYY-MM): completed investment, plans and 序时进度 count through this month. Live: the month
   * before today's; a month-end snapshot (会议模式 定格, 月通报) of M: M.
   */
  reportingMonth: string;
  /** The year's share of months through reportingMonth (months / 12); 序时进度 itself is totals.schedulePlan / annualPlan. */
  scheduleRatio: number;
  /**
   * 本月已报: accepted reports of the month still open (after reportingMonth), shown apart and not in any
   * figure until that month is the reporting month. Null in a month-end snapshot.
   */
  openMonth: OpenMonth | null;
  totals: Totals;
  byDomain: GroupFigures[];
  byLevel: GroupFigures[];
  /** 挂点领导: each county leader linked to projects of the year (一对一挂点 and 分管包干), by rank. */
  byLeader: LeaderFigures[];
  trend: TrendPoint[];
  lagging: LaggingProject[];
  /**
   * Open alerts, most severe and newest first: the first SNAPSHOT_ALERT_LIMIT and every alert of a
   * project in `lagging` (GET /api/alerts has them all). Counts come from `alertCounts`, never from this list.
   */
  alerts: Alert[];
  /** The open alerts counted, all of them. */
  alertCounts: AlertCounts;
  /** 比赶超: responsible units ranked by their score, best first. */
  ranking: UnitRank[];
  /** The campaign's weights of the ranking's components (settings), for showing how the score is made. */
  rankingWeights: RankingWeights;
  /** 问题台账 at a glance: open, in progress, closed this month, overdue, by group, the oldest. */
  problems: ProblemSummary;
  /** Latest ticker events, newest first, at most TICKER_LIMIT. */
  events: TickerEvent[];
  /** 同比: the county's previous year as of the same month end, when it is in the store. */
  priorYear?: PriorYear | null;
  /** A multi-year campaign's period targets and its earlier years' figures (上犹 2021-2023). */
  period?: CampaignPeriod | null;
}

/** 本月已报: what units have reported, and staff accepted, for the month still open. */
export interface OpenMonth {
  month: string;
  /** Sum of the accepted reports' amounts of that month. */
  investment: Yuan;
  /** Projects with an accepted report of that month. */
  projects: number;
}

export const TICKER_LIMIT = 30;
/** The snapshot carries this many of the most severe open alerts (besides those of lagging projects). */
export const SNAPSHOT_ALERT_LIMIT = 50;

/** The open alerts counted by severity, rule, state and dispatch level (0 where none). */
export interface AlertCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  byRule: Partial<Record<LagRule, number>>;
  byState: Partial<Record<AlertState, number>>;
  byLevel: Partial<Record<DispatchLevel, number>>;
}

/** The one count of open alerts every surface shows. */
export function countAlerts(alerts: readonly Pick<Alert, 'state' | 'severity' | 'rule' | 'level'>[]): AlertCounts {
  const counts: AlertCounts = { total: 0, bySeverity: { red: 0, orange: 0, yellow: 0 }, byRule: {}, byState: {}, byLevel: {} };
  for (const a of alerts) {
    if (a.state === 'cleared') continue;
    counts.total++;
    counts.bySeverity[a.severity]++;
    counts.byRule[a.rule] = (counts.byRule[a.rule] ?? 0) + 1;
    counts.byState[a.state] = (counts.byState[a.state] ?? 0) + 1;
    counts.byLevel[a.level] = (counts.byLevel[a.level] ?? 0) + 1;
  }
  return counts;
}
/** The lagging list carries at most this many projects (worst first); laggingCount has them all. */
export const LAGGING_LIMIT = 50;

export interface Totals {
  projects: number;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  /** Completed this year from accepted reports. */
  completed: Yuan;
  /** completed / annualPlan */
  completionRate: number;
  /** Planned to date: monthly plans through reportingMonth, or annualPlan × scheduleRatio where none is set. */
  schedulePlan: Yuan;
  /** completed / schedulePlan (≥ 1 means on or ahead of 序时进度) */
  scheduleRate: number;
  /** Projects due to start this year (planned start within the year, or already started this year). */
  startPlanned: number;
  started: number;
  startRate: number;
  /** Projects due to complete this year. */
  completionPlanned: number;
  completedProjects: number;
  completionProjectRate: number;
  laggingCount: number;
}

/** Figures for one domain (领域) or level (级别). */
export interface GroupFigures {
  key: string;
  name: string;
  projects: number;
  /** The year's target where the plan gives one (上犹's six domains; 弋阳's level totals). */
  target: Yuan | null;
  annualPlan: Yuan;
  completed: Yuan;
  completionRate: number;
  schedulePlan: Yuan;
  scheduleRate: number;
  laggingCount: number;
}

/**
 * Figures for one county leader over the projects linked to them, as 一对一挂点 or 分管包干 leader.
 * A project with two leaders counts in full for each (once for a leader who holds both roles), so
 * the leaders' figures add up to more than the totals. key is the leader id as a string; target is null.
 */
export interface LeaderFigures extends GroupFigures {
  leaderId: number;
  title: string;
  rank: LeaderRank;
  /** Of `projects`: those the leader is the 一对一挂点 leader of, and the 分管包干 leader of. */
  pointProjects: number;
  chargeProjects: number;
  /** Problems on the leader's projects not yet closed (待协调, 协调中, 已解决 awaiting 销号). */
  openProblems: number;
}

export interface TrendPoint {
  month: string;
  plan: Yuan;
  actual: Yuan;
  planCum: Yuan;
  actualCum: Yuan;
}

export interface LagReason {
  rule: LagRule;
  severity: Severity;
  /** Plain Chinese with the figures, e.g. "累计完成投资1,200.00万元，完成年度计划40.0%，低于序时进度83.3%达43.3个百分点". */
  text: string;
}

export interface LaggingProject {
  projectId: number;
  code: string;
  name: string;
  unit: string;
  domain: string;
  leader: string | null;
  annualPlan: Yuan;
  completed: Yuan;
  completionRate: number;
  /** The project's own 序时进度: planned to date / annual plan. */
  scheduleShare: number;
  /** completed / planned to date */
  scheduleRate: number;
  severity: Severity;
  reasons: LagReason[];
}

export type TickerKind = 'report' | 'report_submitted' | 'started' | 'completed' | 'alert_raised' | 'alert_cleared' | 'problem';

export interface TickerEvent {
  /** Unique and stable: `${version}-${kind}-${projectId}`. */
  id: string;
  at: string;
  kind: TickerKind;
  projectId: number;
  text: string;
}

/** One component of a unit's 比赶超 score, 0..100. */
export interface RankComponents {
  /** Completed vs planned to date (序时进度), capped at 100%. */
  investment: number;
  /** Projects due to start that have started. */
  start: number;
  /** Projects due to complete that have completed. */
  completion: number;
  /** Monthly reports filed by the deadline, through the reporting month. */
  timeliness: number;
  /** Problems raised that are resolved or closed (销号). */
  problems: number;
}

export interface UnitRank {
  rank: number;
  unitId: number;
  unit: string;
  projects: number;
  annualPlan: Yuan;
  completed: Yuan;
  schedulePlan: Yuan;
  completionRate: number;
  scheduleRate: number;
  laggingCount: number;
  components: RankComponents;
  /** Weighted mean of the components with the campaign's weights, 0..100. */
  score: number;
}

/** The same county's previous year as of the same month end (口径: its month-end figures). */
export interface PriorYear {
  year: number;
  /** The previous year's month the figures are as of (the current reportingMonth less a year). */
  month: string;
  completed: Yuan;
  /** 今年新开工 and 竣工 of that year through that month. */
  started: number;
  completedProjects: number;
}

export interface PeriodGroup {
  name: string;
  target: Yuan | null;
  /** Completed in the campaign's earlier years (their year-end figures). */
  before: Yuan;
}

/** A multi-year campaign: the whole period's targets and what earlier years completed, per group name. */
export interface CampaignPeriod {
  firstYear: number;
  lastYear: number;
  /** Sum of the groups' period targets (the domains', else the levels'). */
  target: Yuan | null;
  before: Yuan;
  byDomain: PeriodGroup[];
  byLevel: PeriodGroup[];
}
