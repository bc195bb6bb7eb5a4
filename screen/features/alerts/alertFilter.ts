// The alert table's filters, its order, and the units a letter can be issued to.
import type { Alert, AlertState, DispatchLevel, Severity } from '../../../shared/types.js';
import { awaitsExplanation, isOpen, SEVERITIES } from './alertLabels.js';

export interface AlertFilter {
  /** Part of the project's name or of the reason. */
  text: string;
  severity: Severity | null;
  state: AlertState | null;
  level: DispatchLevel | null;
  unitId: number | null;
  /** Also show alerts already 整改销号 (asked of the server with includeCleared=1). */
  includeCleared: boolean;
}

export const emptyAlertFilter = (): AlertFilter => ({ text: '', severity: null, state: null, level: null, unitId: null, includeCleared: false });

/** The query string of GET /api/alerts for a filter; the rest is filtered here. */
export function alertQuery(f: Pick<AlertFilter, 'includeCleared'>): string {
  return f.includeCleared ? '?includeCleared=1' : '';
}

/** A cleared select leaves undefined rather than null: both mean "any". */
export function filterAlerts(alerts: Alert[], f: AlertFilter): Alert[] {
  const text = f.text.trim();
  return alerts.filter(
    (a) =>
      (f.includeCleared || isOpen(a)) &&
      (!text || a.project.includes(text) || a.text.includes(text)) &&
      (f.severity == null || a.severity === f.severity) &&
      (f.state == null || a.state === f.state) &&
      (f.level == null || a.level === f.level) &&
      (f.unitId == null || a.unitId === f.unitId),
  );
}

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

/** Open before cleared, then the higher level, the more severe, the newer. */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      Number(!isOpen(a)) - Number(!isOpen(b)) ||
      b.level - a.level ||
      severityRank(a.severity) - severityRank(b.severity) ||
      b.raisedAt.localeCompare(a.raisedAt) ||
      b.id - a.id,
  );
}

export interface UnitWithAlerts {
  unitId: number;
  unit: string;
  open: number;
}

/** Units a letter can go to: those with open alerts, most alerts first. */
export function unitsWithOpenAlerts(alerts: Alert[]): UnitWithAlerts[] {
  const byUnit = new Map<number, UnitWithAlerts>();
  for (const a of alerts) {
    if (!isOpen(a)) continue;
    const u = byUnit.get(a.unitId) ?? { unitId: a.unitId, unit: a.unit, open: 0 };
    u.open++;
    byUnit.set(a.unitId, u);
  }
  return [...byUnit.values()].sort((a, b) => b.open - a.open || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** Every unit that appears in the list, for the unit filter. */
export function unitsOf(alerts: Alert[]): { unitId: number; unit: string }[] {
  const seen = new Map<number, string>();
  for (const a of alerts) seen.set(a.unitId, a.unit);
  return [...seen].map(([unitId, unit]) => ({ unitId, unit })).sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** Counts by severity of the open alerts, for the toolbar. */
export function severityCounts(alerts: Alert[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { red: 0, orange: 0, yellow: 0 };
  for (const a of alerts) if (isOpen(a)) counts[a.severity]++;
  return counts;
}

/** A unit's open alerts, as a letter to it lists them. */
export function openAlertsOf(alerts: Alert[], unitId: number | null): Alert[] {
  return unitId == null ? [] : sortAlerts(alerts.filter((a) => a.unitId === unitId && isOpen(a)));
}

/** The unit's order: what still needs its 情况说明 first, then the more severe, then the newer. */
export function sortForUnit(alerts: Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      Number(!awaitsExplanation(a)) - Number(!awaitsExplanation(b)) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      b.raisedAt.localeCompare(a.raisedAt) ||
      b.id - a.id,
  );
}
