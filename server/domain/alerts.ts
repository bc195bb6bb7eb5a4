// Which stored alerts to raise, clear or rewrite so that they match the current rule hits.
import type { Alert } from '../../shared/types.js';
import type { LagHit } from './ledger.js';

export interface AlertDiff {
  raise: LagHit[];
  clear: Alert[];
  update: { alert: Alert; hit: LagHit }[];
}

const keyOf = (a: { projectId: number; rule: string }) => `${a.projectId}|${a.rule}`;

/**
 * Alerts are kept one per (projectId, rule) while open, whatever the unit or staff have done with
 * them (acknowledged, letter issued); `open` alerts that are already cleared are ignored.
 */
export function diffAlerts(open: Alert[], hits: LagHit[]): AlertDiff {
  const openByKey = new Map(open.filter((a) => a.state !== 'cleared').map((a) => [keyOf(a), a]));
  const diff: AlertDiff = { raise: [], clear: [], update: [] };
  for (const hit of hits) {
    const alert = openByKey.get(keyOf(hit));
    if (!alert) diff.raise.push(hit);
    else if (alert.severity !== hit.severity || alert.text !== hit.text) diff.update.push({ alert, hit });
    openByKey.delete(keyOf(hit));
  }
  diff.clear.push(...openByKey.values());
  return diff;
}
