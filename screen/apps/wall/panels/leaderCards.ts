// The 挂点领导 page's cards: each county leader's linked projects in the words the wall shows.
import { formatPercent, formatYi } from '../../../../shared/money.js';
import type { LeaderFigures } from '../../../../shared/snapshot.js';
import type { LeaderRank } from '../../../../shared/types.js';
import { progressTone, scheduleShare, type ProgressTone } from '../../../charts/progressTone.js';

/** How the page counts a project that has both a 挂点 and a 包干 leader. */
export const SHARED_PROJECT_NOTE = '一个项目的一对一挂点领导和分管包干领导各计一次（同一人兼任只计一次），各领导合计多于项目总数';

export interface LeaderCard {
  leaderId: number;
  name: string;
  title: string;
  rank: LeaderRank;
  /** Every project linked to the leader, once (挂点 and 包干 together, a project holding both once). */
  projects: number;
  /** How `projects` splits: "挂点 9 · 包干 14 · 兼 2" — 兼 the projects counted in both, so 9 + 14 − 2 = 21. */
  roles: string;
  annualPlan: string;
  completed: string;
  completionRate: number;
  schedule: number;
  scheduleRate: number;
  rateText: string;
  scheduleText: string;
  tone: ProgressTone;
  laggingCount: number;
  openProblems: number;
}

/** The split of a leader's projects, consistent with the total: the projects held in both roles are named. */
export function leaderRoles(l: Pick<LeaderFigures, 'projects' | 'pointProjects' | 'chargeProjects'>): string {
  const both = l.pointProjects + l.chargeProjects - l.projects;
  return `挂点 ${l.pointProjects} · 包干 ${l.chargeProjects}${both > 0 ? ` · 兼 ${both}` : ''}`;
}

export function leaderCard(l: LeaderFigures): LeaderCard {
  return {
    leaderId: l.leaderId,
    name: l.name,
    title: l.title,
    rank: l.rank,
    projects: l.projects,
    roles: leaderRoles(l),
    annualPlan: formatYi(l.annualPlan),
    completed: formatYi(l.completed),
    completionRate: l.completionRate,
    schedule: scheduleShare(l),
    scheduleRate: l.scheduleRate,
    rateText: formatPercent(l.completionRate),
    scheduleText: formatPercent(scheduleShare(l)),
    tone: progressTone(l),
    laggingCount: l.laggingCount,
    openProblems: l.openProblems,
  };
}
