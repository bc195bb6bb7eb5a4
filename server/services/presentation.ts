// 会议模式: the campaign's one meeting-mode session. A presenter (staff or a county leader) starts it
// and drives every following wall; the state lives in the store so every server process agrees, and
// each change is pushed as `presentation:state` (and the month-end figures as `presentation:snapshot`).
import {
  freezableMonths, monthEnd, presentationDecisionInput, presentationPatchInput, presentationStartInput,
  type FrozenAt, type FrozenSnapshot, type PresentationEnded, type PresentationState, type PresentationView,
} from '../../shared/presentation.js';
import type { ProblemDetail } from '../../shared/problems.js';
import type { Snapshot } from '../../shared/snapshot.js';
import type { Campaign, User } from '../../shared/types.js';
import { applyPatch, focusOf, startState, takeOver } from '../domain/presentation.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion, currentVersion } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import { itemsOf, listMeetingRows } from '../store/meetings.js';
import { getPresentation, getPresentationRow, lockPresentation, savePresentation } from '../store/presentation.js';
import { getProblemDetail, insertProblem, insertStep, lockProblem, updateProblem } from '../store/problems.js';
import { getProject } from '../store/projects.js';
import { assertRole } from './access.js';
import { announce, type ChangeResult } from './change.js';
import type { Deps, Push } from './deps.js';
import { enqueueAssigned } from './notifyEnqueue.js';
import { decide } from './meetings.js';
import { actorOf, problemChange } from './problemLedger.js';
import { currentSnapshot, monthEndSnapshot, requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';

const assertCanPresent = (user: User) => assertRole(user, 'admin', 'leader');

// Month-end snapshots of the last few months used (deps.frozenSnapshots), each for the ledger version
// it was computed at: a freeze, a step and every wall (re)connecting meanwhile share one computation,
// the one still in flight too. A failed computation is dropped so the next caller tries again.
const FROZEN_MONTHS = 3;

/** The month-end snapshot of `month` at the current ledger version (or a newer one). Exported for tests. */
export async function frozenSnapshot(deps: Deps, campaign: Campaign, month: string): Promise<Snapshot> {
  const version = await currentVersion(deps.db, campaign.id);
  const key = `${campaign.id}:${month}`;
  const cache = deps.frozenSnapshots;
  const hit = cache.get(key);
  // Most recently used last: the oldest month goes first.
  cache.delete(key);
  if (hit && hit.version >= version) {
    cache.set(key, hit);
    return hit.snapshot;
  }
  const snapshot = monthEndSnapshot(deps.db, campaign, month, version, deps.clock());
  cache.set(key, { version, snapshot });
  while (cache.size > FROZEN_MONTHS) cache.delete(cache.keys().next().value!);
  snapshot.catch(() => {
    if (cache.get(key)?.snapshot === snapshot) cache.delete(key);
  });
  return snapshot;
}

/** The figures a session's wall shows: the month end's when frozen, else the live snapshot. */
async function figuresOf(deps: Deps, campaign: Campaign, state: PresentationState | null): Promise<Snapshot> {
  return state?.frozen ? frozenSnapshot(deps, campaign, state.frozen.month) : currentSnapshot(deps);
}

async function viewOf(deps: Deps, campaign: Campaign, state: PresentationState | null): Promise<PresentationView> {
  if (!state || state.projectId === null) return { state, focus: null };
  return { state, focus: focusOf(state, (await figuresOf(deps, campaign, state)).lagging) };
}

const publish = (deps: Deps, campaignId: number, pushes: Push[]) => deps.notifier.publish(campaignId, pushes);

export async function presentationFor(deps: Deps, user: User): Promise<PresentationView> {
  assertCanPresent(user);
  const campaign = await requireCampaign(deps.db);
  return viewOf(deps, campaign, await getPresentation(deps.db, campaign.id));
}

const ended = (campaignId: number, seq: number): PresentationEnded => ({ ended: true, campaignId, seq });

/** The session as a wall is sent right after connecting: small and read at once; none running carries the seq too. */
export async function presentationOnConnect(deps: Deps): Promise<PresentationState | PresentationEnded> {
  const campaign = await requireCampaign(deps.db);
  const row = await getPresentationRow(deps.db, campaign.id);
  return row.state ?? ended(campaign.id, row.seq);
}

/**
 * The month-end figures of a frozen session, for a wall that has just been sent its state: computed
 * (the slow part), then the session read again — null when it has moved on meanwhile (ended, another
 * session, another month), the wall then having what it needs from the pushes.
 */
export async function frozenOnConnect(deps: Deps, state: PresentationState): Promise<FrozenSnapshot | null> {
  if (!state.frozen) return null;
  const campaign = await requireCampaign(deps.db);
  const snapshot = await frozenSnapshot(deps, campaign, state.frozen.month);
  const now = await getPresentation(deps.db, campaign.id);
  if (!now?.frozen || now.id !== state.id || now.frozen.month !== state.frozen.month) return null;
  return { sessionId: now.id, ...now.frozen, seq: now.seq, snapshot };
}

/**
 * Starts the campaign's session. The same presenter starting again gets it back; another user's
 * running session is taken over only when asked for (409 otherwise).
 */
export async function startPresentation(deps: Deps, user: User, body: unknown): Promise<{ view: PresentationView; created: boolean }> {
  assertCanPresent(user);
  const input = parseInput(presentationStartInput, body);
  const campaign = await requireCampaign(deps.db);
  const presenter = { userId: user.id, name: user.displayName };
  const result = await deps.db.tx(async (q) => {
    if (input.meetingId && !(await listMeetingRows(q, campaign.id)).some((m) => m.id === input.meetingId)) throw Invalid({ meetingId: '调度会不存在' });
    const row = await lockPresentation(q, campaign.id);
    const at = deps.clock().toISOString();
    const running = row.state;
    if (running && running.presenter.userId === user.id) return { state: running, created: false };
    if (running && !input.takeover) throw Conflict(`${running.presenter.name}正在主持会议模式；如需由您主持，请选择接管`);
    const seq = row.seq + 1;
    if (running) {
      const state = takeOver(running, presenter, at, seq);
      await savePresentation(q, campaign.id, { sessionId: row.sessionId, seq, state });
      await audit(q, actorOf(user), 'presentation.takeover', 'presentation', campaign.id, { presenter: running.presenter }, { presenter });
      return { state, created: false };
    }
    const state = startState({
      id: row.sessionId + 1, campaignId: campaign.id, presenter, meetingId: input.meetingId ?? null, page: input.page ?? 'overview', at, seq,
    });
    await savePresentation(q, campaign.id, { sessionId: state.id, seq, state });
    await audit(q, actorOf(user), 'presentation.start', 'presentation', campaign.id, null, { sessionId: state.id, meetingId: state.meetingId });
    return { state, created: true };
  });
  publish(deps, campaign.id, [{ name: 'presentation:state', payload: result.state }]);
  return { view: await viewOf(deps, campaign, result.state), created: result.created };
}

/** The presenter's change: page, project in focus, frozen month or live, a step through the lagging projects. */
export async function patchPresentation(deps: Deps, user: User, body: unknown): Promise<PresentationView> {
  assertCanPresent(user);
  const patch = parseInput(presentationPatchInput, body);
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  if (patch.frozen && !freezableMonths(campaign.year, today).includes(patch.frozen)) {
    throw Invalid({ frozen: `只能定格在${campaign.year}年度已结束的月份` });
  }
  if (patch.projectId && !(await getProject(deps.db, patch.projectId))) throw Invalid({ projectId: '项目不存在' });
  // The figures after the patch, computed before the transaction (a step needs their lagging list).
  const frozen: FrozenAt | null | undefined = typeof patch.frozen === 'string' ? { month: patch.frozen, asOf: monthEnd(patch.frozen) } : patch.frozen;
  const running = await getPresentation(deps.db, campaign.id);
  const month = frozen !== undefined ? frozen?.month : running?.frozen?.month;
  const figures = month ? await frozenSnapshot(deps, campaign, month) : patch.step ? await currentSnapshot(deps) : null;

  const state = await deps.db.tx(async (q) => {
    const row = await lockPresentation(q, campaign.id);
    const current = assertPresenter(row.state, user);
    if (patch.step && figures?.lagging.length === 0) throw Conflict('当前数据中没有滞后项目');
    const next = applyPatch(current, patch, { at: deps.clock().toISOString(), seq: row.seq + 1, frozen, lagging: figures?.lagging ?? [] });
    await savePresentation(q, campaign.id, { sessionId: row.sessionId, seq: next.seq, state: next });
    if (frozen !== undefined && frozen?.month !== current.frozen?.month) {
      await audit(q, actorOf(user), 'presentation.freeze', 'presentation', campaign.id, { frozen: current.frozen }, { frozen: next.frozen });
    }
    return next;
  });
  const pushes: Push[] = [];
  // The figures first, so a wall switching to them has them.
  if (state.frozen && frozen && figures) {
    pushes.push({ name: 'presentation:snapshot', payload: { sessionId: state.id, ...state.frozen, seq: state.seq, snapshot: figures } });
  }
  pushes.push({ name: 'presentation:state', payload: state });
  publish(deps, campaign.id, pushes);
  return { state, focus: focusOf(state, figures?.lagging ?? (state.projectId ? (await figuresOf(deps, campaign, state)).lagging : [])) };
}

function assertPresenter(state: PresentationState | null, user: User): PresentationState {
  if (!state) throw Conflict('会议模式尚未开始');
  if (state.presenter.userId !== user.id) throw Forbidden(`会议模式由${state.presenter.name}主持，接管后方可操作`);
  return state;
}

/** Ends the session (the presenter, or staff); the walls go back to their playlists. Ending none is a no-op. */
export async function endPresentation(deps: Deps, user: User): Promise<void> {
  assertCanPresent(user);
  const campaign = await requireCampaign(deps.db);
  const end = await deps.db.tx(async (q) => {
    const row = await lockPresentation(q, campaign.id);
    if (!row.state) return null;
    if (user.role !== 'admin' && row.state.presenter.userId !== user.id) throw Forbidden(`会议模式由${row.state.presenter.name}主持，只有主持人或管理员可以结束`);
    const seq = row.seq + 1;
    await savePresentation(q, campaign.id, { sessionId: row.sessionId, seq, state: null });
    await audit(q, actorOf(user), 'presentation.end', 'presentation', campaign.id, { sessionId: row.sessionId, presenter: row.state.presenter }, null);
    return ended(campaign.id, seq);
  });
  // With its seq: a wall drops a state of the session still on its way (read on connect before the end).
  if (end) publish(deps, campaign.id, [{ name: 'presentation:state', payload: end }]);
}

/**
 * 议定事项 noted from the tablet for the project in focus. On a problem on the linked meeting's agenda
 * it is that meeting's decision (meetings.ts); otherwise it is recorded on the problem — or on a new
 * problem raised for it — the same way: owner and deadline set, 协调中, a step, and the walls told.
 */
export async function noteDecision(deps: Deps, user: User, body: unknown): Promise<ProblemDetail> {
  assertCanPresent(user);
  const input = parseInput(presentationDecisionInput, body);
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  if (input.deadline < today) throw Invalid({ deadline: '完成时限不能早于今天' });
  if (!input.problemId && !campaign.settings.problemCategories.includes(input.category!)) {
    throw Invalid({ category: `问题类别须为：${campaign.settings.problemCategories.join('、')}` });
  }
  const { decision, owner, deadline } = input;

  type Noted = { agendaOf: number; problemId: number } | { problem: ProblemDetail; change: ChangeResult };
  const result = await deps.db.tx(async (q): Promise<Noted> => {
    // The session under its lock: who presents and the project in focus cannot change until this commits.
    const state = assertMayDecide((await lockPresentation(q, campaign.id)).state, user);
    const projectId = state.projectId;
    if (projectId === null) throw Conflict('请先在会议模式中选定要议定的项目');
    if (input.problemId && state.meetingId && (await itemsOf(q, [state.meetingId])).some((i) => i.problemId === input.problemId)) {
      if ((await getProblemDetail(q, input.problemId, today))?.projectId !== projectId) throw Invalid({ problemId: '该问题不属于当前议定的项目' });
      return { agendaOf: state.meetingId, problemId: input.problemId };
    }
    const version = await bumpVersion(q, campaign.id);
    const now = deps.clock();
    const at = now.toISOString();
    const project = (await getProject(q, projectId))!;
    const problemId = input.problemId ?? (await raiseFor(q, user, projectId, input.category!, decision, owner, deadline, at));
    if (!(await lockProblem(q, problemId))) throw NotFound('问题不存在');
    const problem = (await getProblemDetail(q, problemId, today))!;
    if (problem.projectId !== projectId) throw Invalid({ problemId: '该问题不属于当前议定的项目' });
    if (problem.state === 'closed' || problem.state === 'returned') throw Conflict('该问题已销号或已退回，不能再作议定');
    const toState = problem.state === 'pending' ? 'coordinating' : problem.state;
    await updateProblem(q, problemId, { state: toState, coordinatingUnit: owner, dueOn: deadline }, at);
    const note = `会议议定：${decision}（责任：${owner}，时限：${deadline}）`;
    await insertStep(q, problemId, { at, actor: user.displayName, action: 'decision', fromState: problem.state, toState, note, dueOn: deadline });
    await audit(q, actorOf(user), 'presentation.decision', 'problem', problemId,
      { state: problem.state, coordinatingUnit: problem.coordinatingUnit, dueOn: problem.dueOn }, { state: toState, decision, owner, deadline });
    await enqueueAssigned(q, problemId, today, now);
    const [month, day] = deadline.slice(5).split('-').map(Number);
    const change = await problemChange(deps, q, campaign, version, now, [
      { problemId, projectId, text: `${project.name}：${problem.category}问题经会议议定，由${owner}于${month}月${day}日前解决` },
    ]);
    return { problem: (await getProblemDetail(q, problemId, today))!, change };
  });
  if ('agendaOf' in result) {
    // On the linked meeting's agenda: that meeting's decision, in its own transaction (meetings.ts).
    const { agendaOf, problemId } = result;
    const meeting = await decide(deps, user, agendaOf, { problemId, decision, owner, deadline });
    return meeting.items.find((i) => i.problemId === problemId)!.problem;
  }
  await announce(deps, result.change);
  return result.problem;
}

/** Decisions are the presenter's, or staff's (an admin minuting the meeting). */
function assertMayDecide(state: PresentationState | null, user: User): PresentationState {
  if (!state) throw Conflict('会议模式尚未开始');
  if (user.role !== 'admin' && state.presenter.userId !== user.id) {
    throw Forbidden(`会议模式由${state.presenter.name}主持，只有主持人或管理员可以记录议定事项`);
  }
  return state;
}

/** A problem raised in the meeting itself, on the project in focus; the decision then applies to it. */
async function raiseFor(q: Queryable, user: User, projectId: number, category: string, decision: string, owner: string, deadline: string, at: string): Promise<number> {
  const id = await insertProblem(q, { projectId, category, description: decision, askedOf: owner, dueOn: deadline, raisedBy: user.id, at });
  await insertStep(q, id, { at, actor: user.displayName, action: 'raise', fromState: null, toState: 'pending', note: `会议中提出：${decision}`, dueOn: deadline });
  await audit(q, actorOf(user), 'problem.raise', 'problem', id, null, { projectId, category, description: decision, via: 'presentation' });
  return id;
}
