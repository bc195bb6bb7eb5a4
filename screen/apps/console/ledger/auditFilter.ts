// 操作日志's filters: who, what (one action or every action on one kind), which project, which China dates.
import { actionLabel, ENTITY_LABELS } from './auditDiff.js';

export interface AuditFilter {
  actor: string | null;
  /** An action (report.accept) or a kind (report: every action on 月报). */
  action: string | null;
  projectId: number | null;
  /** Inclusive China dates, YYYY-MM-DD. */
  dates: [string, string] | null;
}

export const emptyAuditFilter = (): AuditFilter => ({ actor: null, action: null, projectId: null, dates: null });

/** The query string of GET /api/audit for a filter, a page size and the oldest row already shown. */
export function auditQuery(f: AuditFilter, limit: number, before?: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (before !== undefined) params.set('before', String(before));
  // A cleared select leaves undefined rather than null: both mean "any".
  if (f.actor) params.set('actor', f.actor);
  if (f.action) params.set('action', f.action);
  if (f.projectId != null) params.set('projectId', String(f.projectId));
  if (f.dates) {
    params.set('from', f.dates[0]);
    params.set('to', f.dates[1]);
  }
  return params.toString();
}

export interface ActionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/**
 * The 操作 select: the actions in the log grouped by kind, each kind that names an audited object
 * led by 「全部…操作」; actions of other kinds (imports, meeting mode) under 其他.
 */
export function actionGroups(actions: readonly string[]): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  const other: ActionGroup = { label: '其他', options: [] };
  for (const action of [...actions].sort()) {
    const kind = action.split('.')[0];
    const name = ENTITY_LABELS[kind];
    if (!name || kind === action) {
      other.options.push({ value: action, label: actionLabel(action) });
      continue;
    }
    let group = groups.get(kind);
    if (!group) {
      group = { label: name, options: [{ value: kind, label: `全部${name}操作` }] };
      groups.set(kind, group);
    }
    group.options.push({ value: action, label: actionLabel(action) });
  }
  const order = Object.keys(ENTITY_LABELS);
  const kinds = [...groups.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...kinds.map((k) => groups.get(k)!), ...(other.options.length ? [other] : [])];
}
