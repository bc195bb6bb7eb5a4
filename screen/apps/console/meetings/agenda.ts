// A meeting's agenda as staff adjust it before saving: the proposal, problems added by hand,
// removed, moved up and down. Pure, on lists of problems.
import type { Meeting, ProblemDetail } from '../../../../shared/problems.js';
import { isOpenProblem } from '../../../features/problems/problemLabels.js';

export const agendaIds = (items: readonly Pick<ProblemDetail, 'id'>[]) => items.map((p) => p.id);

/** The saved agenda's problems, in order. */
export const savedAgenda = (meeting: Pick<Meeting, 'items'>): ProblemDetail[] =>
  [...meeting.items].sort((a, b) => a.sort - b.sort).map((i) => i.problem);

/** Appends a problem unless it is already on the agenda. */
export function addToAgenda(items: readonly ProblemDetail[], p: ProblemDetail): ProblemDetail[] {
  return items.some((x) => x.id === p.id) ? [...items] : [...items, p];
}

export function removeFromAgenda(items: readonly ProblemDetail[], id: number): ProblemDetail[] {
  return items.filter((x) => x.id !== id);
}

/** Moves the item at `index` by `delta` places, staying within the list. */
export function moveAgendaItem(items: readonly ProblemDetail[], index: number, delta: number): ProblemDetail[] {
  const to = Math.min(items.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= items.length || to === index) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved);
  return next;
}

/** Open problems that could still be added: not on the agenda, 通报批评 and the oldest first. */
export function addable(open: readonly ProblemDetail[], items: readonly ProblemDetail[]): ProblemDetail[] {
  const on = new Set(agendaIds(items));
  return open
    .filter((p) => isOpenProblem(p) && !on.has(p.id))
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.level - a.level || a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/** Whether an edited list (agenda ids, attendees) differs from the saved one; order counts. */
export function listChanged<T>(saved: readonly T[], edited: readonly T[]): boolean {
  return saved.length !== edited.length || saved.some((id, i) => edited[i] !== id);
}

/** How many agenda items carry a 议定事项. */
export const decidedCount = (meeting: Pick<Meeting, 'items'>) => meeting.items.filter((i) => i.decision).length;
