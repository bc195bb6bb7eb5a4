// A day of wall traffic, made up from a real snapshot: mostly accepted reports, some submissions,
// starts, completions, alerts raised and cleared, problem changes — each one version after the last.
import type { ServerToClientEvents } from '../../shared/events.js';
import type { Snapshot, TickerEvent, TickerKind } from '../../shared/snapshot.js';
import { diffFigures, type SummaryDelta } from '../../shared/summaryDelta.js';

export type Push = { [K in keyof ServerToClientEvents]: { name: K; payload: Parameters<ServerToClientEvents[K]>[0] } }[keyof ServerToClientEvents];

/** What a report's push carries: the totals, and the one lagging row that moved. */
function summaryOf(s: Snapshot): SummaryDelta {
  const next = { ...s, lagging: s.lagging.map((p, i) => (i === 0 ? { ...p, completed: p.completed + 1 } : p)) };
  return diffFigures(s, next, s.problems);
}

/** The i-th push after the snapshot (i from 1). Deterministic, so runs compare. */
export function soakPush(base: Snapshot, i: number): Push {
  const version = base.version + i;
  const project = base.lagging[i % Math.max(1, base.lagging.length)] ?? { projectId: 1, name: '示例项目', unit: '县发改委' };
  const at = new Date(Date.parse(base.generatedAt) + i * 1_000).toISOString();
  const event = (kind: TickerKind, text: string): TickerEvent => ({ id: `${version}-${kind}-${project.projectId}`, at, kind, projectId: project.projectId, text });
  const common = { version, projectId: project.projectId, project: project.name, unit: project.unit };
  const slot = i % 50;
  if (slot === 7) return { name: 'report:submitted', payload: { ...common, month: base.reportingMonth, event: event('report_submitted', `${project.name}报送月报`) } };
  if (slot === 17) return { name: 'project:started', payload: { ...common, date: base.today, event: event('started', `${project.name}开工`) } };
  if (slot === 27) return { name: 'problem:update', payload: { version, problemId: 1, problems: base.problems, event: event('problem', `${project.name}协调问题有进展`) } };
  const template = base.alerts[i % Math.max(1, base.alerts.length)];
  if (template && slot === 37) {
    const alert = { ...template, id: 1_000_000 + i, projectId: project.projectId, severity: i % 100 === 37 ? ('red' as const) : template.severity };
    return { name: 'alert:raised', payload: { version, alert, event: event('alert_raised', `${project.name}预警`) } };
  }
  if (template && slot === 38) {
    return { name: 'alert:cleared', payload: { version, alertId: 1_000_000 + i - 1, projectId: project.projectId, rule: template.rule, event: event('alert_cleared', `${project.name}预警解除`) } };
  }
  // An accepted report: the figures move a little every time.
  const summary = summaryOf(base);
  const bump = (i % 1_000) * 10_000;
  summary.totals = { ...summary.totals, completed: summary.totals.completed + bump };
  return {
    name: 'investment:update',
    payload: {
      ...common, month: base.reportingMonth, investment: 10_000, completedToDate: bump, summary,
      event: event('report', `${project.name}完成投资更新`),
    },
  };
}
