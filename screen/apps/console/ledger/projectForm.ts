// The project edit form: built from a project, and turned back into a patch of only what changed
// (so the audit trail shows exactly what staff edited).
import type { z } from 'zod';
import type { projectPatchInput } from '../../../../shared/api.js';
import { parseWan } from '../../../../shared/money.js';
import type { Project, Stage } from '../../../../shared/types.js';
import { wanInput } from '../../../features/reports/reportForm.js';

export interface ProjectForm {
  name: string;
  domainId: number | null;
  levels: string[];
  unitId: number;
  leadUnit: string;
  leaderId: number | null;
  chargeLeaderId: number | null;
  commissioner: string;
  /** 万元 */
  totalInvestment: string;
  plannedStart: string | null;
  plannedCompletion: string | null;
  stage: Stage;
  township: string;
  content: string;
}

export type ProjectPatch = z.input<typeof projectPatchInput>;

export function projectForm(p: Project): ProjectForm {
  return {
    name: p.name,
    domainId: p.domainId,
    levels: [...p.levels],
    unitId: p.unitId,
    leadUnit: p.leadUnit ?? '',
    leaderId: p.leaderId,
    chargeLeaderId: p.chargeLeaderId,
    commissioner: p.commissioner ?? '',
    totalInvestment: wanInput(p.totalInvestment),
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    stage: p.stage,
    township: p.township ?? '',
    content: p.content,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function projectPatch(p: Project, f: ProjectForm): ProjectPatch {
  const patch: ProjectPatch = { rowVersion: p.rowVersion };
  if (f.name.trim() !== p.name) patch.name = f.name.trim();
  if (f.domainId !== p.domainId && f.domainId !== null) patch.domainId = f.domainId;
  if (!sameSet(f.levels, p.levels)) patch.levels = f.levels;
  if (f.unitId !== p.unitId) patch.unitId = f.unitId;
  if (orNull(f.leadUnit) !== p.leadUnit) patch.leadUnit = orNull(f.leadUnit);
  if ((f.leaderId ?? null) !== p.leaderId) patch.leaderId = f.leaderId ?? null;
  if ((f.chargeLeaderId ?? null) !== p.chargeLeaderId) patch.chargeLeaderId = f.chargeLeaderId ?? null;
  if (orNull(f.commissioner) !== p.commissioner) patch.commissioner = orNull(f.commissioner);
  if (parseWan(f.totalInvestment) !== p.totalInvestment) patch.totalInvestment = f.totalInvestment.trim();
  if ((f.plannedStart || null) !== p.plannedStart) patch.plannedStart = f.plannedStart || null;
  if ((f.plannedCompletion || null) !== p.plannedCompletion) patch.plannedCompletion = f.plannedCompletion || null;
  if (f.stage !== p.stage) patch.stage = f.stage;
  if (orNull(f.township) !== p.township) patch.township = orNull(f.township);
  if (f.content.trim() !== p.content) patch.content = f.content.trim();
  return patch;
}

/** True when the patch carries nothing but the version. */
export const isEmptyPatch = (patch: ProjectPatch) => Object.keys(patch).length === 1;
