// Which of 销号式管理's actions a user may take on a problem, to show only the buttons that will
// work. Mirrors the server's rules (server/domain/problemFlow.ts); the server still decides.
import { problemActionInput, type ProblemAction, type ProblemActionInput, type ProblemDetail } from '../../../shared/problems.js';
import { fieldErrors } from '../../../shared/schemas.js';
import type { ProblemState, Role } from '../../../shared/types.js';

export interface ProblemActor {
  role: Role;
  unitId: number | null;
}

/** The button order: move it forward first, the ways out last. */
export const ACTION_ORDER: readonly ProblemAction[] = ['accept', 'resolve', 'confirm', 'reopen', 'escalate', 'return'];

export const ACTION_BUTTONS: Record<ProblemAction, 'primary' | 'success' | 'warning' | 'danger'> = {
  accept: 'primary',
  resolve: 'success',
  confirm: 'success',
  reopen: 'warning',
  escalate: 'warning',
  return: 'danger',
};

/** The states each action may be taken from. */
const FROM: Record<ProblemAction, readonly ProblemState[]> = {
  accept: ['pending'],
  return: ['pending'],
  resolve: ['pending', 'coordinating'],
  confirm: ['resolved'],
  reopen: ['resolved'],
  escalate: ['pending', 'coordinating'],
};

/** What each role may do at all: staff everything, a leader all but 退回, a unit only 报告已解决. */
const BY_ROLE: Record<Role, readonly ProblemAction[]> = {
  admin: ACTION_ORDER,
  leader: ['accept', 'resolve', 'confirm', 'reopen', 'escalate'],
  unit: ['resolve'],
};

export function canAct(actor: ProblemActor, p: Pick<ProblemDetail, 'state' | 'level' | 'unitId'>, action: ProblemAction): boolean {
  if (!BY_ROLE[actor.role].includes(action) || !FROM[action].includes(p.state)) return false;
  if (actor.role === 'unit' && (actor.unitId === null || actor.unitId !== p.unitId)) return false;
  return action !== 'escalate' || p.level < 3;
}

/** The actions to offer, in button order; none without a user. */
export function legalActions(actor: ProblemActor | null, p: Pick<ProblemDetail, 'state' | 'level' | 'unitId'>): ProblemAction[] {
  return actor ? ACTION_ORDER.filter((a) => canAct(actor, p, a)) : [];
}

/** Everything any action's dialog may ask for. */
export interface ActionForm {
  coordinatingUnit: string;
  dueOn: string;
  reason: string;
  resolution: string;
}

export const emptyActionForm = (p?: Pick<ProblemDetail, 'coordinatingUnit' | 'dueOn' | 'askedOf'>): ActionForm => ({
  coordinatingUnit: p?.coordinatingUnit ?? '',
  dueOn: p?.dueOn ?? '',
  reason: '',
  resolution: '',
});

/** The fields an action's dialog shows. */
export const ACTION_FIELDS: Record<ProblemAction, readonly (keyof ActionForm)[]> = {
  accept: ['coordinatingUnit', 'dueOn'],
  return: ['reason'],
  resolve: ['resolution'],
  confirm: [],
  reopen: ['reason'],
  escalate: ['reason'],
};

/** The request body for an action, checked by the shared schema: the body or the field messages. */
export function actionBody(action: ProblemAction, form: ActionForm): { body: ProblemActionInput } | { errors: Record<string, string> } {
  const raw: Record<string, unknown> = { action };
  for (const field of ACTION_FIELDS[action]) raw[field] = form[field];
  const parsed = problemActionInput.safeParse(raw);
  return parsed.success ? { body: parsed.data } : { errors: fieldErrors(parsed.error) };
}
