// The ledger table's search and filters, and what each row shows beside the project: its open alerts and 序时.
import { ratio } from '../../../../shared/money.js';
import type { Alert, Project, Severity, Stage } from '../../../../shared/types.js';
import { SEVERITY_RANK } from '../../../features/alerts/alertLabels.js';

/** 全部, 滞后 (any open alert), or projects with an open alert of one colour. */
export type AlertChoice = 'all' | 'lagging' | Severity;

export interface LedgerFilter {
  /** Part of the name or the code. */
  text: string;
  domainId: number | null;
  unitId: number | null;
  stage: Stage | null;
  /** A level code. */
  level: string | null;
  alert: AlertChoice;
}

export const emptyFilter = (): LedgerFilter => ({ text: '', domainId: null, unitId: null, stage: null, level: null, alert: 'all' });

/** Each project's open alerts, most severe first. */
export type AlertsByProject = ReadonlyMap<number, readonly Alert[]>;

export function alertsByProject(alerts: readonly Alert[]): AlertsByProject {
  const byProject = new Map<number, Alert[]>();
  for (const a of alerts) {
    if (a.state === 'cleared') continue;
    byProject.set(a.projectId, [...(byProject.get(a.projectId) ?? []), a]);
  }
  for (const list of byProject.values()) list.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id - b.id);
  return byProject;
}

function matchesAlert(open: readonly Alert[] | undefined, choice: AlertChoice): boolean {
  if (choice === 'all') return true;
  if (choice === 'lagging') return !!open?.length;
  return !!open?.some((a) => a.severity === choice);
}

/** How many projects each alert choice would show, for the filter's options. */
export function alertChoiceCounts(projects: readonly Project[], alerts: AlertsByProject): Record<AlertChoice, number> {
  const counts: Record<AlertChoice, number> = { all: projects.length, lagging: 0, red: 0, orange: 0, yellow: 0 };
  for (const p of projects) {
    const open = alerts.get(p.id);
    if (!open?.length) continue;
    counts.lagging++;
    for (const s of new Set(open.map((a) => a.severity))) counts[s]++;
  }
  return counts;
}

/** A cleared select leaves undefined rather than null: both mean "any". */
export function filterProjects(projects: Project[], f: LedgerFilter, alerts: AlertsByProject = new Map()): Project[] {
  const text = f.text.trim().toLowerCase();
  return projects.filter(
    (p) =>
      (!text || p.name.toLowerCase().includes(text) || p.code.toLowerCase().includes(text)) &&
      (f.domainId == null || p.domainId === f.domainId) &&
      (f.unitId == null || p.unitId === f.unitId) &&
      (f.stage == null || p.stage === f.stage) &&
      (f.level == null || p.levels.includes(f.level)) &&
      matchesAlert(alerts.get(p.id), f.alert ?? 'all'),
  );
}

/** This year's completion against the annual plan, 0..1 (more when ahead). */
export const completionOf = (p: Pick<Project, 'completedToDate' | 'annualPlan'>) => ratio(p.completedToDate, p.annualPlan);

/** How the completion bar reads against 序时进度 (null where the schedule is not known). */
export type BarTone = 'ahead' | 'behind' | 'unknown';

export function barTone(completion: number, schedule: number | null | undefined): BarTone {
  if (schedule == null) return 'unknown';
  return completion >= schedule ? 'ahead' : 'behind';
}
