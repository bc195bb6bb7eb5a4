// 问题台账 (销号式管理): the ledger of problems, each action on one audited with a step, and the
// wall told of every change with the new counts.
import { PROBLEM_LEVEL_LABELS, problemActionInput, problemQuery, type ProblemActionInput, type ProblemDetail, type ProblemRecord } from '../../shared/problems.js';
import type { TickerEvent } from '../../shared/snapshot.js';
import type { Campaign, User } from '../../shared/types.js';
import { escalatedLevel, nextState, refusal, type ProblemActor } from '../domain/problemFlow.js';
import { summaryDelta } from '../domain/snapshot.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import { getProject } from '../store/projects.js';
import { listLeaders } from '../store/reference.js';
import { getProblemDetail, insertStep, listProblemDetails, lockProblem, stepsOf, updateProblem, type ProblemChange } from '../store/problems.js';
import { announce, finishChange, type ChangeResult } from './change.js';
import type { Deps, Push } from './deps.js';
import { enqueueAssigned } from './notifyEnqueue.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';
import { assertWritable } from './yearClosure.js';

export const actorOf = (user: User) => ({ userId: user.id, name: user.displayName });

/** Staff may take any action the state allows: a refusal staff would get too is about the state (409). */
const STAFF: ProblemActor = { role: 'admin', unitId: null, leaderId: null };

/** Units see their own unit's problems; leaders and staff all. */
export function assertCanSeeProblem(user: User, problem: Pick<ProblemDetail, 'unitId'>): void {
  if (user.role === 'unit' && user.unitId !== problem.unitId) throw Forbidden('只能查看本单位的问题');
}

export async function problemsFor(deps: Deps, user: User, query: unknown): Promise<ProblemDetail[]> {
  const filter = parseInput(problemQuery, query);
  const campaign = await requireCampaign(deps.db);
  const unitId = user.role === 'unit' ? user.unitId ?? -1 : filter.unitId;
  return listProblemDetails(deps.db, campaign.id, todayFor(campaign, deps.clock()), { ...filter, unitId });
}

export async function problemRecord(deps: Deps, user: User, id: number): Promise<ProblemRecord> {
  const campaign = await requireCampaign(deps.db);
  const problem = await getProblemDetail(deps.db, id, todayFor(campaign, deps.clock()));
  if (!problem) throw NotFound('问题不存在');
  assertCanSeeProblem(user, problem);
  return { ...problem, steps: await stepsOf(deps.db, id) };
}

/** One transition of the state machine (domain/problemFlow.ts), with its step, audit row and push. */
export async function actOnProblem(deps: Deps, user: User, id: number, body: unknown): Promise<ProblemRecord> {
  const input = parseInput(problemActionInput, body);
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    const version = await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const now = deps.clock();
    const at = now.toISOString();
    const today = todayFor(campaign, now);
    if (!(await lockProblem(q, id))) throw NotFound('问题不存在');
    const problem = (await getProblemDetail(q, id, today))!;
    assertCanSeeProblem(user, problem);
    const project = (await getProject(q, problem.projectId))!;
    const rank = user.leaderId ? (await listLeaders(q)).find((l) => l.id === user.leaderId)?.rank ?? null : null;
    const remit = { ...problem, leaderIds: [project.leaderId, project.chargeLeaderId].filter((x): x is number => x !== null) };
    const reason = refusal({ role: user.role, unitId: user.unitId, leaderId: user.leaderId, rank, displayName: user.displayName }, remit, input.action);
    if (reason) throw reason === refusal(STAFF, remit, input.action) ? Conflict(reason) : Forbidden(reason);
    if (input.action === 'accept' && input.dueOn < today) throw Invalid({ dueOn: '协调期限不能早于今天' });

    const toState = nextState(problem.state, input.action)!;
    const { change, note, text } = transition(input, problem, user.displayName, at);
    await updateProblem(q, id, { ...change, state: toState }, at);
    await insertStep(q, id, { at, actor: user.displayName, action: input.action, fromState: problem.state, toState, note, dueOn: change.dueOn });
    await audit(q, actorOf(user), `problem.${input.action}`, 'problem', id, before(problem), { state: toState, ...change });
    if (input.action === 'accept') await enqueueAssigned(q, id, today, now);
    const changed = await problemChange(deps, q, campaign, version, now, [{ problemId: id, projectId: problem.projectId, text: `${problem.project}：${problem.category}问题${text}` }]);
    return { record: { ...(await getProblemDetail(q, id, today))!, steps: await stepsOf(q, id) }, changed };
  });
  await announce(deps, result.changed);
  return result.record;
}

/** What the action writes, the note of its step and the ticker's words for it. */
function transition(input: ProblemActionInput, p: ProblemDetail, by: string, at: string): { change: ProblemChange; note: string; text: string } {
  switch (input.action) {
    case 'accept':
      return {
        change: { coordinatingUnit: input.coordinatingUnit, dueOn: input.dueOn },
        note: `由${input.coordinatingUnit}牵头协调，期限${input.dueOn}`,
        text: `已受理，由${input.coordinatingUnit}牵头协调`,
      };
    case 'return':
      return { change: { returnReason: input.reason }, note: input.reason, text: '已退回' };
    case 'resolve':
      return { change: { resolution: input.resolution, resolvedBy: by, resolvedAt: at }, note: input.resolution, text: '已解决，待确认销号' };
    case 'confirm':
      return { change: { confirmedBy: by, closedAt: at }, note: '', text: '已销号' };
    case 'reopen':
      return { change: { resolution: null, resolvedBy: null, resolvedAt: null }, note: input.reason, text: '重新协调' };
    case 'escalate': {
      const level = escalatedLevel(p.level)!;
      return { change: { level }, note: input.reason, text: `提级至${PROBLEM_LEVEL_LABELS[level]}` };
    }
  }
}

const before = (p: ProblemDetail) => ({
  state: p.state, level: p.level, coordinatingUnit: p.coordinatingUnit, dueOn: p.dueOn, resolution: p.resolution, returnReason: p.returnReason,
});

export interface ProblemEvent {
  problemId: number;
  projectId: number;
  text: string;
}

/**
 * The shared tail of a change to the problem ledger: the rules re-run (问题逾期, 两次会议未解决), a
 * ticker event per problem and `problem:update` with the new counts, after the summary.
 */
export async function problemChange(deps: Deps, q: Queryable, campaign: Campaign, version: number, now: Date, events: ProblemEvent[]): Promise<ChangeResult> {
  const written: { problemId: number; event: TickerEvent }[] = [];
  const change = await finishChange(deps, q, campaign, version, now, async (summary, writeEvent) => {
    // A ticker event's id is version-kind-project: one per project and change.
    const seen = new Set<number>();
    for (const e of events) {
      if (seen.has(e.projectId)) continue;
      seen.add(e.projectId);
      written.push({ problemId: e.problemId, event: await writeEvent('problem', e.projectId, e.text) });
    }
    return [{ name: 'summary:update', payload: { version, summary: summaryDelta(summary) } }];
  });
  const updates: Push[] = written.map(({ problemId, event }) => ({
    name: 'problem:update',
    payload: { version, problemId, problems: change.snapshot.problems, event },
  }));
  change.pushes.splice(1, 0, ...updates);
  return change;
}
