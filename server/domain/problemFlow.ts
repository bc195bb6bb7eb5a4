// 销号式管理: which action may move a problem where, and who may take it.
import { PROBLEM_ACTION_LABELS, type ProblemAction } from '../../shared/problems.js';
import { PROBLEM_STATE_LABELS, type DispatchLevel, type LeaderRank, type ProblemState, type Role } from '../../shared/types.js';

export interface ProblemActor {
  role: Role;
  unitId: number | null;
  leaderId: number | null;
  /** A leader's rank: the 县长 and the 常务副县长 handle the problems escalated to their level. */
  rank?: LeaderRank | null;
  displayName?: string;
}

/** The project's 一对一挂点 and 包干 leaders, and who reported it solved. */
export interface ProblemRemit {
  state: ProblemState;
  unitId: number;
  level: DispatchLevel;
  leaderIds?: readonly number[];
  resolvedBy?: string | null;
}

/** 分级调度: the lowest level a leader of this rank handles beyond their own projects. */
const RANK_LEVEL: Partial<Record<LeaderRank, DispatchLevel>> = { county_head: 1, executive_deputy: 2 };

/** Why a leader may not act on this problem at all, or null. */
function leaderRemit(actor: ProblemActor, problem: ProblemRemit, action: ProblemAction): string | null {
  const linked = actor.leaderId !== null && (problem.leaderIds ?? []).includes(actor.leaderId);
  const floor = actor.rank ? RANK_LEVEL[actor.rank] : undefined;
  const atLevel = floor !== undefined && problem.level >= floor;
  if (!linked && !atLevel && problem.leaderIds !== undefined) return '只能调度本人挂点、包干项目的问题，或提级到本人层级的问题';
  // 常务副县长 → 县长: only the 常务副县长 (or the 县长) takes a problem to the 县长专题会.
  if (action === 'escalate' && problem.level === 2 && floor === undefined && problem.leaderIds !== undefined) {
    return '提级至县长专题会须由常务副县长或重推办提出';
  }
  if (action === 'confirm' && actor.displayName && problem.resolvedBy === actor.displayName) {
    return '报告解决与确认销号须由不同的人办理';
  }
  return null;
}

/** from → to for each action; a state missing from an action's row cannot take it. */
const TRANSITIONS: Record<ProblemAction, Partial<Record<ProblemState, ProblemState>>> = {
  accept: { pending: 'coordinating' },
  return: { pending: 'returned' },
  resolve: { pending: 'resolved', coordinating: 'resolved' },
  confirm: { resolved: 'closed' },
  reopen: { resolved: 'coordinating' },
  // 提级 changes the level, not the state.
  escalate: { pending: 'pending', coordinating: 'coordinating' },
};

/** The state after `action`, or null when the action is illegal from `from`. */
export function nextState(from: ProblemState, action: ProblemAction): ProblemState | null {
  return TRANSITIONS[action][from] ?? null;
}

/** The level a problem is escalated to (1 挂点领导 → 2 常务副县长 → 3 县长专题会), null at the top. */
export function escalatedLevel(level: DispatchLevel): DispatchLevel | null {
  return level < 3 ? ((level + 1) as DispatchLevel) : null;
}

/** What a responsible unit may not do, and who does it instead. */
const UNIT_REFUSALS: Record<Exclude<ProblemAction, 'resolve'>, string> = {
  accept: '责任单位不能受理协调，须由重推办或县领导受理',
  return: '责任单位不能退回问题，须由重推办办理',
  confirm: '责任单位不能自行确认销号，须由重推办或县领导确认',
  reopen: '责任单位不能决定重新协调，须由重推办或县领导决定',
  escalate: '责任单位不能提级调度，须由重推办或县领导提级',
};

/**
 * Why `actor` may not take `action` on `problem`, in plain Chinese; null when allowed.
 * Final states first, then the role, then the transition itself.
 */
export function refusal(actor: ProblemActor, problem: ProblemRemit, action: ProblemAction): string | null {
  if (problem.state === 'closed') return '已销号的问题不能再操作';
  if (problem.state === 'returned') return '已退回的问题不能再操作';

  if (actor.role === 'unit') {
    if (action !== 'resolve') return UNIT_REFUSALS[action];
    if (actor.unitId === null || actor.unitId !== problem.unitId) return '只能报告本单位问题的解决情况';
  }
  if (actor.role === 'leader' && action === 'return') return '县领导不能退回问题，须由重推办办理';
  if (actor.role === 'leader') {
    const remit = leaderRemit(actor, problem, action);
    if (remit) return remit;
  }

  if (nextState(problem.state, action) === null) {
    return `问题当前为“${PROBLEM_STATE_LABELS[problem.state]}”，不能${PROBLEM_ACTION_LABELS[action]}`;
  }
  if (action === 'escalate' && escalatedLevel(problem.level) === null) return '已提级至县长专题会，不能再提级';
  return null;
}
