// The drill-down query behind each clickable figure of the wall's panels.
import { DRILL_STATUS_LABELS, type DrillStatus, type ProjectQuery } from '../../../../shared/drill.js';
import type { GroupFigures, UnitRank } from '../../../../shared/snapshot.js';
import { LAG_RULE_LABELS, SEVERITY_LABELS, type LagRule, type Severity } from '../../../../shared/types.js';

/** A headline count (已开工, 滞后项目 …): the campaign's projects in that status. */
const STATUS_TITLES: Record<DrillStatus, string> = {
  all: '全部重点项目',
  lagging: '滞后项目',
  started: '已开工项目',
  notStarted: '计划开工未开工项目',
  completed: '已竣工项目',
  startPlanned: '年度计划开工项目',
  completionPlanned: '年度计划竣工项目',
};

export function statusQuery(status: DrillStatus): ProjectQuery {
  return { title: STATUS_TITLES[status], status };
}

/** A domain (or level) bar: that group's projects; `lagging` for its lagging count. */
export function domainQuery(group: Pick<GroupFigures, 'key' | 'name'>, status: DrillStatus = 'all'): ProjectQuery {
  return { title: status === 'all' ? `${group.name} · 全部项目` : `${group.name} · ${DRILL_STATUS_LABELS[status]}`, domain: group.key, status };
}

export function levelQuery(group: Pick<GroupFigures, 'key' | 'name'>): ProjectQuery {
  return { title: `${group.name} · 全部项目`, level: group.key, status: 'all' };
}

/** A unit of the ranking: the projects it is responsible for. */
export function unitQuery(rank: Pick<UnitRank, 'unitId' | 'unit'>): ProjectQuery {
  return { title: `${rank.unit} · 负责项目`, unitId: rank.unitId, status: 'all' };
}

/** An alert count by colour: the projects with an open alert of that colour. */
export function severityQuery(severity: Severity): ProjectQuery {
  return { title: `${SEVERITY_LABELS[severity]}预警项目`, severity };
}

/** An alert count by rule: the projects that rule fires for. */
export function ruleQuery(rule: LagRule): ProjectQuery {
  return { title: `${LAG_RULE_LABELS[rule]}项目`, rule };
}

const PROBLEM_STATE_TITLES: Record<NonNullable<ProjectQuery['problemState']>, string> = {
  open: '有未销号问题的项目',
  pending: '有待协调问题的项目',
  coordinating: '有协调中问题的项目',
  overdue: '有逾期问题的项目',
};

/** A problem-ledger count: the projects with problems in that state. */
export function problemStateQuery(state: NonNullable<ProjectQuery['problemState']>): ProjectQuery {
  return { title: PROBLEM_STATE_TITLES[state], problemState: state };
}
