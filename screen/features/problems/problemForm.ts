// A unit raising a problem for county coordination from its 问题 tab: the form, its checks, the body.
import { problemInputFor } from '../../../shared/api.js';
import { fieldErrors } from '../../../shared/schemas.js';

export interface RaiseForm {
  projectId: number | null;
  category: string;
  description: string;
  askedOf: string;
  dueOn: string;
}

export const emptyRaiseForm = (): RaiseForm => ({ projectId: null, category: '', description: '', askedOf: '', dueOn: '' });

/** The body of POST /api/projects/:id/problems. */
export function raiseBody(f: RaiseForm) {
  return { category: f.category, description: f.description.trim(), askedOf: f.askedOf.trim(), dueOn: f.dueOn || null };
}

/** Field messages in Chinese, as the server would give them; empty when the form may be sent. */
export function validateRaise(f: RaiseForm, today: string, categories: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.projectId === null) errors.projectId = '请选择项目';
  const parsed = problemInputFor(categories).safeParse(raiseBody(f));
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (f.dueOn && f.dueOn < today) errors.dueOn ??= '期望解决日期不能早于今天';
  return errors;
}
