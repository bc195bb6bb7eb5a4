// What the simulator reports next, as a unit would: pure, no I/O, so it can be tested.
import { daysBetween, monthIndex } from '../shared/dates.js';
import { YUAN_PER_WAN, type Yuan } from '../shared/money.js';
import type { Snapshot } from '../shared/snapshot.js';
import type { Project } from '../shared/types.js';
import { SEASONS } from '../server/demo/build.js';
import { guessKind, progressText, startText } from '../server/demo/progress.js';
import type { Rng } from '../server/demo/random.js';
import { addDays } from '../server/demo/timeline.js';

/** The body of POST /api/projects/:id/reports. */
export interface ReportPayload {
  month: string;
  /** 万元 as a decimal string, e.g. "350" or "12.5". */
  investment: string;
  progress: string;
  startedOn?: string;
  completedOn?: string;
  remark?: string;
}

export type PlannedKind = 'report' | 'start' | 'complete';

export interface PlannedReport {
  projectId: number;
  kind: PlannedKind;
  payload: ReportPayload;
  /** One Chinese log line describing the report. */
  line: string;
}

export type SimProject = Pick<
  Project,
  'id' | 'name' | 'unit' | 'annualPlan' | 'completedToDate' | 'startedOn' | 'completedOn' | 'plannedStart' | 'plannedCompletion'
>;

export type SimSnapshot = Pick<Snapshot, 'reportingMonth' | 'today' | 'alerts'>;

const START_CHANCE = 0.08;
const COMPLETE_CHANCE = 0.05;
const LAGGING_CHANCE = 0.15;

/** Key of a project's report for a month, for the set of reports already sent in this run. */
export const sentKey = (projectId: number, month: string): string => `${projectId}@${month}`;

/**
 * Picks the next report: mostly a started, unfinished project not yet reported this month (those with a
 * missing-report alert first), occasionally a start of a project not yet started, or a completion.
 */
export function planNextReport(projects: readonly SimProject[], snapshot: SimSnapshot, rng: Rng, sent: ReadonlySet<string>): PlannedReport | null {
  const { reportingMonth: month, today } = snapshot;
  const open = (p: SimProject) => !sent.has(sentKey(p.id, month));
  const active = projects.filter((p) => p.startedOn !== null && p.startedOn <= today && p.completedOn === null && open(p));
  const notStarted = projects.filter((p) => p.startedOn === null && p.completedOn === null && open(p));
  const roll = rng.next();

  if (roll < START_CHANCE && notStarted.length > 0) {
    const overdue = notStarted.filter((p) => p.plannedStart !== null && p.plannedStart <= today);
    const p = rng.pick(overdue.length > 0 ? overdue : notStarted);
    const kind = guessKind(p.name);
    const investment = toWanString(monthlyShare(p, month) * rng.float(0.2, 0.5), rng);
    const progress = startText(kind, rng);
    return {
      projectId: p.id,
      kind: 'start',
      payload: { month, investment, progress, startedOn: today },
      line: `${p.unit}：「${p.name}」开工（${today}），${month}完成投资${investment}万元，${progress}`,
    };
  }

  const dueSoon = active.filter((p) => p.plannedCompletion !== null && p.plannedCompletion <= addDays(today, 45));
  if (roll < START_CHANCE + COMPLETE_CHANCE && dueSoon.length > 0) {
    const p = rng.pick(dueSoon);
    const remaining = Math.max(0, p.annualPlan - p.completedToDate);
    const investment = toWanString(Math.min(remaining, monthlyShare(p, month) * 1.5) * rng.float(0.5, 1), rng);
    return {
      projectId: p.id,
      kind: 'complete',
      payload: { month, investment, progress: '项目竣工验收', completedOn: today },
      line: `${p.unit}：「${p.name}」竣工（${today}），${month}完成投资${investment}万元`,
    };
  }

  if (active.length === 0) return null;
  const missing = new Set(snapshot.alerts.filter((a) => a.rule === 'report_missing' && a.state === 'raised').map((a) => a.projectId));
  const overdueReporters = active.filter((p) => missing.has(p.id));
  const p = rng.pick(overdueReporters.length > 0 && rng.chance(0.6) ? overdueReporters : active);
  const pace = rng.chance(LAGGING_CHANCE) ? rng.float(0.3, 0.7) : rng.float(0.85, 1.15);
  const headroom = Math.max(0, p.annualPlan * 1.2 - p.completedToDate);
  const investment = toWanString(Math.min(monthlyShare(p, month) * pace, Math.max(headroom, YUAN_PER_WAN)), rng);
  const progress = progressText(guessKind(p.name), elapsed(p, today), rng);
  return {
    projectId: p.id,
    kind: 'report',
    payload: { month, investment, progress },
    line: `${p.unit} 报送「${p.name}」${month}月报：完成投资${investment}万元，${progress}`,
  };
}

/** The project's seasonal share of its annual plan for the month. */
export function monthlyShare(p: Pick<SimProject, 'annualPlan'>, month: string): Yuan {
  const season = SEASONS.normal;
  return (p.annualPlan * season[monthIndex(month) - 1]) / season.reduce((a, b) => a + b, 0);
}

/** Yuan as 万元, never below 1万元: whole 万元 as most units report ("350"), some to one decimal ("12.5"). */
export function toWanString(yuan: number, rng?: Rng): string {
  if (!rng?.chance(0.25)) return String(Math.max(1, Math.round(yuan / YUAN_PER_WAN)));
  const tenths = Math.max(10, Math.round(yuan / 1_000));
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

function elapsed(p: SimProject, today: string): number {
  if (!p.startedOn || !p.plannedCompletion) return 0.5;
  return daysBetween(p.startedOn, today) / Math.max(30, daysBetween(p.startedOn, p.plannedCompletion));
}
