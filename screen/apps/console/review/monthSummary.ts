// The month's reporting at a glance for staff: counts, and the units still owing reports.
import type { MonthReportRow } from '../../../../shared/api.js';

export interface MonthSummary {
  total: number;
  /** Sent to staff (awaiting review, accepted or returned). */
  filed: number;
  /** Nothing sent yet (a draft is not sent). */
  missing: number;
  pending: number;
  accepted: number;
  returned: number;
  late: number;
}

const isFiled = (r: MonthReportRow) => r.status === 'submitted' || r.status === 'accepted' || r.status === 'returned';

export function summarizeMonth(rows: MonthReportRow[]): MonthSummary {
  const s: MonthSummary = { total: rows.length, filed: 0, missing: 0, pending: 0, accepted: 0, returned: 0, late: 0 };
  for (const r of rows) {
    if (isFiled(r)) s.filed++;
    else s.missing++;
    if (r.status === 'submitted') s.pending++;
    if (r.status === 'accepted') s.accepted++;
    if (r.status === 'returned') s.returned++;
    if (r.late) s.late++;
  }
  return s;
}

export interface UnitGap {
  unitId: number;
  unit: string;
  /** Projects with nothing sent yet. */
  missing: string[];
  /** Projects sent after the deadline, or still missing after it. */
  late: string[];
}

/** Units with missing or late reports, the most missing first (the list staff chase by phone). */
export function unitsBehind(rows: MonthReportRow[]): UnitGap[] {
  const byUnit = new Map<number, UnitGap>();
  for (const r of rows) {
    const missing = !isFiled(r);
    if (!missing && !r.late) continue;
    let gap = byUnit.get(r.unitId);
    if (!gap) byUnit.set(r.unitId, (gap = { unitId: r.unitId, unit: r.unit, missing: [], late: [] }));
    if (missing) gap.missing.push(r.name);
    if (r.late) gap.late.push(r.name);
  }
  return [...byUnit.values()].sort((a, b) => b.missing.length - a.missing.length || b.late.length - a.late.length || a.unit.localeCompare(b.unit, 'zh-CN'));
}
