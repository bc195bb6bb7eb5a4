// The ledger table's search and filters.
import { ratio } from '../../../../shared/money.js';
import type { Project, Stage } from '../../../../shared/types.js';

export interface LedgerFilter {
  /** Part of the name or the code. */
  text: string;
  domainId: number | null;
  unitId: number | null;
  stage: Stage | null;
  /** A level code. */
  level: string | null;
}

export const emptyFilter = (): LedgerFilter => ({ text: '', domainId: null, unitId: null, stage: null, level: null });

/** A cleared select leaves undefined rather than null: both mean "any". */
export function filterProjects(projects: Project[], f: LedgerFilter): Project[] {
  const text = f.text.trim().toLowerCase();
  return projects.filter(
    (p) =>
      (!text || p.name.toLowerCase().includes(text) || p.code.toLowerCase().includes(text)) &&
      (f.domainId == null || p.domainId === f.domainId) &&
      (f.unitId == null || p.unitId === f.unitId) &&
      (f.stage == null || p.stage === f.stage) &&
      (f.level == null || p.levels.includes(f.level)),
  );
}

/** This year's completion against the annual plan, 0..1 (more when ahead). */
export const completionOf = (p: Pick<Project, 'completedToDate' | 'annualPlan'>) => ratio(p.completedToDate, p.annualPlan);
