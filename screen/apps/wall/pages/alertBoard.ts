// The 滞后预警 page's figures: open alerts counted by severity, rule, lifecycle stage and 分级调度
// level, and the lagging projects with their reasons and how far their alerts have been handled.
import type { AlertCounts, LaggingProject } from '../../../../shared/snapshot.js';
import {
  ALERT_STATE_LABELS,
  DISPATCH_LEVEL_LABELS,
  LAG_RULE_LABELS,
  SEVERITY_LABELS,
  type Alert,
  type AlertState,
  type DispatchLevel,
  type LagRule,
  type Severity,
} from '../../../../shared/types.js';

export const SEVERITIES: readonly Severity[] = ['red', 'orange', 'yellow'];
const RULES = Object.keys(LAG_RULE_LABELS) as LagRule[];
const OPEN_STATES: readonly AlertState[] = ['raised', 'acknowledged', 'letter_issued'];
const LEVELS: readonly DispatchLevel[] = [1, 2, 3];

/** Short rule names for tags and bar labels; the full names are in the console. */
export const RULE_TAGS: Record<LagRule, string> = {
  investment_behind: '投资滞后',
  start_overdue: '开工逾期',
  completion_overdue: '竣工逾期',
  report_missing: '未按时报送',
  problem_overdue: '问题逾期',
  problem_stalled: '问题久拖',
};

export interface Count<K> {
  key: K;
  label: string;
  count: number;
  /** count over the largest count of its set, as a CSS width. */
  width: string;
}

function counted<K>(keys: readonly K[], label: (k: K) => string, count: (k: K) => number): Count<K>[] {
  const counts = keys.map(count);
  const max = Math.max(1, ...counts);
  return keys.map((key, i) => ({ key, label: label(key), count: counts[i], width: `${(counts[i] / max) * 100}%` }));
}

/** The board's bars from the server's counts of every open alert (the snapshot lists only a part). */
export function alertCounts(counts: AlertCounts) {
  return {
    total: counts.total,
    bySeverity: counted(SEVERITIES, (s) => `${SEVERITY_LABELS[s]}预警`, (s) => counts.bySeverity[s]),
    byRule: counted(RULES, (r) => RULE_TAGS[r], (r) => counts.byRule[r] ?? 0),
    byState: counted(OPEN_STATES, (s) => ALERT_STATE_LABELS[s], (s) => counts.byState[s] ?? 0),
    byLevel: counted(LEVELS, (l) => DISPATCH_LEVEL_LABELS[l], (l) => counts.byLevel[l] ?? 0),
  };
}

export interface AlertRow {
  projectId: number;
  name: string;
  unit: string;
  leader: string | null;
  severity: Severity;
  severityLabel: string;
  completionRate: number;
  scheduleShare: number;
  reasons: { tag: string; severity: Severity; text: string }[];
  /** How far the project's alerts have got: the furthest stage, e.g. "已发函 弋重推预字〔2020〕3号". */
  stage: string;
  /** Raised to the 常务副县长 or the 县长 (分级调度), else null. */
  escalation: string | null;
}

const STAGE_ORDER: Record<AlertState, number> = { raised: 0, acknowledged: 1, letter_issued: 2, cleared: 3 };

/** The lagging projects in the snapshot's order (most severe first), each with its open alerts' stage. */
export function alertRows(lagging: readonly LaggingProject[], alerts: readonly Alert[]): AlertRow[] {
  const byProject = new Map<number, Alert[]>();
  for (const a of alerts) {
    if (a.state === 'cleared') continue;
    const list = byProject.get(a.projectId);
    if (list) list.push(a);
    else byProject.set(a.projectId, [a]);
  }
  return lagging.map((p) => {
    const own = byProject.get(p.projectId) ?? [];
    const furthest = own.reduce<Alert | null>((best, a) => (!best || STAGE_ORDER[a.state] > STAGE_ORDER[best.state] ? a : best), null);
    const level = own.reduce<DispatchLevel>((max, a) => (a.level > max ? a.level : max), 1);
    const stage = !furthest
      ? '待生成预警'
      : furthest.state === 'letter_issued' && furthest.letterNumber
        ? `已发函 ${furthest.letterNumber}`
        : ALERT_STATE_LABELS[furthest.state];
    return {
      projectId: p.projectId,
      name: p.name,
      unit: p.unit,
      leader: p.leader,
      severity: p.severity,
      severityLabel: SEVERITY_LABELS[p.severity],
      completionRate: p.completionRate,
      scheduleShare: p.scheduleShare,
      reasons: p.reasons.map((r) => ({ tag: RULE_TAGS[r.rule], severity: r.severity, text: r.text })),
      stage,
      escalation: level > 1 ? DISPATCH_LEVEL_LABELS[level] : null,
    };
  });
}
