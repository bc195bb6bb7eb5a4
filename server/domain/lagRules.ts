// 预警 rules: one pure check per rule, thresholds from the campaign settings.
import { addMonths, daysBetween, monthIndex, monthOf, reportingMonth, yearOf } from '../../shared/dates.js';
import { formatPercent, formatWan, type Yuan } from '../../shared/money.js';
import type { CampaignSettings, LagRule, Project, Severity } from '../../shared/types.js';
import type { LagHit, LedgerProblem } from './ledger.js';
import { problemOverdue, problemStalled } from './problemRules.js';

export interface LagContext {
  today: string;
  year: number;
  settings: CampaignSettings;
  /** The project's 序时进度 plan through the last month whose report deadline has passed. */
  schedulePlan: Yuan;
  /** Accepted investment this campaign year. */
  completed: Yuan;
  /** Months ("YYYY-MM") with a submitted or accepted report; a returned one does not count. */
  reportedMonths: { has(month: string): boolean };
  /** The project's problems, open and closed. */
  problems: readonly LedgerProblem[];
}

export type LagCheck = (project: Project, ctx: LagContext) => LagHit | null;

export const SEVERITY_RANK: Record<Severity, number> = { yellow: 1, orange: 2, red: 3 };

export function worstSeverity(severities: Severity[]): Severity {
  return severities.reduce((worst, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[worst] ? s : worst), 'yellow');
}

function isFinished(project: Project): boolean {
  return project.stage === 'completed' || project.stage === 'operating';
}

function hit(project: Project, rule: LagRule, severity: Severity, text: string): LagHit {
  return { projectId: project.id, rule, severity, text };
}

/** Overdue-day bands shared by the start and completion rules. */
function overdueSeverity(days: number): Severity {
  if (days < 30) return 'yellow';
  if (days < 90) return 'orange';
  return 'red';
}

function monthLabel(month: string): string {
  return `${yearOf(month)}年${monthIndex(month)}月`;
}

/** 投资滞后: share of the annual plan completed is behind the share due by 序时进度. */
export const investmentBehind: LagCheck = (project, ctx) => {
  const annual = project.annualPlan;
  if (isFinished(project) || ctx.schedulePlan <= 0 || annual <= 0) return null;
  const gap = ctx.schedulePlan - ctx.completed;
  const { lagYellowPoints, lagOrangePoints, lagRedPoints } = ctx.settings;
  // Compared as gap/annual*100 ≥ points, multiplied out so boundaries are exact.
  const behind = (points: number) => gap > 0 && gap * 100 >= points * annual;
  const severity: Severity | null = behind(lagRedPoints) ? 'red' : behind(lagOrangePoints) ? 'orange' : behind(lagYellowPoints) ? 'yellow' : null;
  if (!severity) return null;
  const text =
    `累计完成投资${formatWan(ctx.completed)}万元，完成年度计划${formatPercent(ctx.completed / annual)}，` +
    `低于序时进度${formatPercent(ctx.schedulePlan / annual)}达${((gap * 100) / annual).toFixed(1)}个百分点`;
  return hit(project, 'investment_behind', severity, text);
};

/** 开工逾期: a project being built (a 续建 project, started before the year, may have no date) never is. */
export const startOverdue: LagCheck = (project, ctx) => {
  const planned = project.plannedStart;
  if (!planned || planned >= ctx.today || project.startedOn || project.stage === 'construction' || isFinished(project)) return null;
  const days = daysBetween(planned, ctx.today);
  return hit(project, 'start_overdue', overdueSeverity(days), `计划${planned}开工，已逾期${days}天未开工`);
};

/** 竣工逾期 */
export const completionOverdue: LagCheck = (project, ctx) => {
  const planned = project.plannedCompletion;
  if (!planned || planned >= ctx.today || project.completedOn || isFinished(project)) return null;
  const days = daysBetween(planned, ctx.today);
  return hit(project, 'completion_overdue', overdueSeverity(days), `计划${planned}竣工，已逾期${days}天未竣工`);
};

/**
 * 未按时报送: a started project has no report for the latest month already due — last month once
 * the deadline day has passed, the month before until then (so an alert is not cleared on the 1st
 * only to be raised afresh on the 6th).
 */
export const reportMissing: LagCheck = (project, ctx) => {
  const deadline = ctx.settings.reportDeadlineDay;
  const current = reportingMonth(ctx.today);
  const month = Number(ctx.today.slice(8, 10)) > deadline ? current : addMonths(current, -1);
  const started = project.startedOn;
  if (yearOf(month) !== ctx.year) return null;
  // A project owes the reports of the months from its start on.
  if (!started || monthOf(started) > month || isFinished(project) || project.annualPlan <= 0) return null;
  if (ctx.reportedMonths.has(month)) return null;
  const previous = addMonths(month, -1);
  const previousMissing = yearOf(previous) === ctx.year && monthOf(started) < month && !ctx.reportedMonths.has(previous);
  const months = previousMissing ? `${monthLabel(previous)}、${monthIndex(month)}月` : monthLabel(month);
  return hit(project, 'report_missing', previousMissing ? 'orange' : 'yellow', `${months}月报未按时报送（截止每月${deadline}日）`);
};

export const LAG_CHECKS: readonly LagCheck[] = [
  investmentBehind,
  startOverdue,
  completionOverdue,
  reportMissing,
  (project, ctx) => problemOverdue(project, ctx.problems, ctx.today),
  (project, ctx) => problemStalled(project, ctx.problems, ctx.today),
];

export function evaluateLagRules(project: Project, ctx: LagContext): LagHit[] {
  const hits: LagHit[] = [];
  for (const check of LAG_CHECKS) {
    const h = check(project, ctx);
    if (h) hits.push(h);
  }
  return hits;
}
