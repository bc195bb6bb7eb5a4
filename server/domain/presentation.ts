// Meeting mode's rules: how a presenter's change moves the session's state. Pure; the service
// supplies the clock, the lagging list of the figures shown and the checked frozen month.
import type { FrozenAt, LaggingStep, PresentationPatch, PresentationState } from '../../shared/presentation.js';
import type { LaggingProject } from '../../shared/snapshot.js';
import type { WallPageKey } from '../../shared/wall.js';

export interface StartContext {
  id: number;
  campaignId: number;
  presenter: { userId: number; name: string };
  meetingId: number | null;
  page: WallPageKey;
  at: string;
  seq: number;
}

export function startState(c: StartContext): PresentationState {
  return {
    id: c.id, campaignId: c.campaignId, presenter: c.presenter, startedAt: c.at, meetingId: c.meetingId,
    page: c.page, projectId: null, frozen: null, step: null, updatedAt: c.at, seq: c.seq,
  };
}

/** The same session under a new presenter, where the last one left it. */
export function takeOver(state: PresentationState, presenter: PresentationState['presenter'], at: string, seq: number): PresentationState {
  return { ...state, presenter, updatedAt: at, seq };
}

/** The next position in a list of `total`: next from nowhere is the first; both ends hold. */
export function stepIndex(current: LaggingStep | null, direction: 'next' | 'prev', total: number): number | null {
  if (total === 0) return null;
  if (!current) return direction === 'next' ? 0 : total - 1;
  const index = Math.min(current.index, total - 1) + (direction === 'next' ? 1 : -1);
  return Math.max(0, Math.min(total - 1, index));
}

export interface PatchContext {
  at: string;
  seq: number;
  /** The frozen month as checked by the service (month end included), when the patch sets one. */
  frozen?: FrozenAt | null;
  /** The lagging list of the figures the wall will show after the patch (frozen or live). */
  lagging: readonly LaggingProject[];
}

/**
 * Applies a patch. A change of figures (freeze / live) restarts the lagging steps, since the list
 * differs; a step opens the 滞后预警 page on that project; choosing a project by hand leaves the steps;
 * turning to a page alone closes the project (its card would cover the page) but keeps the step position.
 */
export function applyPatch(state: PresentationState, patch: PresentationPatch, ctx: PatchContext): PresentationState {
  const next: PresentationState = { ...state, updatedAt: ctx.at, seq: ctx.seq };
  if (patch.frozen !== undefined) {
    next.frozen = ctx.frozen ?? null;
    next.step = null;
  }
  if (patch.page !== undefined) {
    next.page = patch.page;
    if (patch.projectId === undefined) next.projectId = null;
  }
  if (patch.projectId !== undefined) {
    next.projectId = patch.projectId;
    next.step = null;
  }
  if (patch.step) {
    const index = stepIndex(next.step, patch.step, ctx.lagging.length);
    if (index === null) return next;
    next.step = { index, total: ctx.lagging.length };
    next.page = 'alerts';
    next.projectId = ctx.lagging[index].projectId;
  }
  return next;
}

/** The lagging entry of the project in focus, for the presenter's remote (name and reasons). */
export function focusOf(state: PresentationState | null, lagging: readonly LaggingProject[]): LaggingProject | null {
  if (!state || state.projectId === null) return null;
  return lagging.find((l) => l.projectId === state.projectId) ?? null;
}
