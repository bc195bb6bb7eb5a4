import { describe, expect, it } from 'vitest';
import { diffAlerts } from '../../../server/domain/alerts.js';
import type { LagHit } from '../../../server/domain/ledger.js';
import { alert } from './fixtures.js';

const hit = (projectId: number, rule: LagHit['rule'], severity: LagHit['severity'] = 'yellow', text = ''): LagHit => ({ projectId, rule, severity, text });

describe('diffAlerts', () => {
  it('raises hits without an open alert and clears alerts without a hit', () => {
    const open = [alert(1, { projectId: 1, rule: 'start_overdue' }), alert(2, { projectId: 2, rule: 'investment_behind' })];
    const hits = [hit(1, 'start_overdue'), hit(1, 'report_missing'), hit(3, 'investment_behind')];
    const diff = diffAlerts(open, hits);
    expect(diff.raise).toEqual([hit(1, 'report_missing'), hit(3, 'investment_behind')]);
    expect(diff.clear.map((a) => a.id)).toEqual([2]);
    expect(diff.update).toEqual([]);
  });

  it('keys by project and rule, so another rule of the same project is separate', () => {
    const diff = diffAlerts([alert(1, { projectId: 1, rule: 'start_overdue' })], [hit(1, 'completion_overdue')]);
    expect(diff.raise).toEqual([hit(1, 'completion_overdue')]);
    expect(diff.clear.map((a) => a.id)).toEqual([1]);
  });

  it('updates when the severity or the text changed, and leaves an unchanged alert alone', () => {
    const open = [
      alert(1, { projectId: 1, severity: 'yellow', text: 'a' }),
      alert(2, { projectId: 2, severity: 'orange', text: 'b' }),
      alert(3, { projectId: 3, severity: 'red', text: 'c' }),
    ];
    const hits = [hit(1, 'investment_behind', 'red', 'a'), hit(2, 'investment_behind', 'orange', 'b2'), hit(3, 'investment_behind', 'red', 'c')];
    const diff = diffAlerts(open, hits);
    expect(diff.update.map((u) => [u.alert.id, u.hit.severity, u.hit.text])).toEqual([
      [1, 'red', 'a'],
      [2, 'orange', 'b2'],
    ]);
    expect(diff.raise).toEqual([]);
    expect(diff.clear).toEqual([]);
  });

  it('keeps an alert the unit has explained or been written to as the same open alert', () => {
    const open = [alert(1, { state: 'acknowledged' }), alert(2, { projectId: 2, state: 'letter_issued' })];
    const diff = diffAlerts(open, [hit(1, 'investment_behind', 'red', 'a')]);
    expect(diff.raise).toEqual([]);
    expect(diff.update.map((u) => u.alert.id)).toEqual([1]);
    expect(diff.clear.map((a) => a.id)).toEqual([2]);
  });

  it('treats an already cleared alert as not open', () => {
    const diff = diffAlerts([alert(1, { state: 'cleared', clearedAt: '2020-07-02T00:00:00.000Z' })], [hit(1, 'investment_behind')]);
    expect(diff).toEqual({ raise: [hit(1, 'investment_behind')], clear: [], update: [] });
  });
});
