// The leader's tablet: my alerts, waking from sleep, the meeting remote's view of a session, and who may open it.
import { describe, expect, it } from 'vitest';
import { rolesFor } from '../../../screen/stores/access.js';
import { myAlerts } from '../../../screen/apps/desk/cards/desk.js';
import { figuresLabel, freezeOptions, remoteRole, stepLabel } from '../../../screen/apps/desk/remote/remote.js';
import { isWake, wakeGate } from '../../../screen/apps/desk/wake.js';
import type { PresentationState } from '../../../shared/presentation.js';
import { alert } from '../domain/fixtures.js';

const state: PresentationState = {
  id: 1, campaignId: 1, presenter: { userId: 7, name: '李县长' }, startedAt: '', meetingId: null, page: 'overview',
  projectId: null, frozen: null, step: null, updatedAt: '', seq: 1,
};

describe('my alerts', () => {
  it('are the open alerts of my projects, most severe first, live where the snapshot lists them', () => {
    const alerts = [alert(3, { severity: 'red' }), alert(1), alert(2)];
    const desk = [alert(1), alert(3, { severity: 'yellow' })];
    // 3 turned red since the desk was read: the live copy wins.
    expect(myAlerts({ openAlerts: desk }, { alerts }).map((a) => [a.id, a.severity])).toEqual([[3, 'red'], [1, alerts[1].severity]]);
    expect(myAlerts({ openAlerts: [] }, { alerts })).toEqual([]);
  });

  it('keeps mine the snapshot does not list (a province\u2019s snapshot carries a part)', () => {
    expect(myAlerts({ openAlerts: [alert(9, { severity: 'orange' })] }, { alerts: [alert(1)] }).map((a) => a.id)).toEqual([9]);
  });
});

describe('waking', () => {
  it('is coming into view, back online or restored from the back-forward cache', () => {
    expect(isWake({ type: 'visibilitychange', visible: true })).toBe(true);
    expect(isWake({ type: 'visibilitychange', visible: false })).toBe(false);
    expect(isWake({ type: 'online' })).toBe(true);
    expect(isWake({ type: 'pageshow', persisted: true })).toBe(true);
    expect(isWake({ type: 'pageshow', persisted: false })).toBe(false);
  });

  it('reloads once for a burst of signals', () => {
    const pass = wakeGate(2_000);
    expect([pass(10_000), pass(10_500), pass(11_999), pass(12_000), pass(12_100)]).toEqual([true, false, false, true, false]);
  });
});

describe('the remote', () => {
  it('knows whose session it is', () => {
    expect(remoteRole(null, 7)).toBe('none');
    expect(remoteRole(state, 7)).toBe('mine');
    expect(remoteRole(state, 8)).toBe('other');
    expect(remoteRole(state, undefined)).toBe('other');
  });

  it('offers the ended months to freeze at and labels the figures and steps', () => {
    const options = freezeOptions({ campaign: { id: 1, county: '弋阳县', year: 2020, title: '' }, today: '2020-11-20' });
    expect(options[0]).toEqual({ value: '2020-10', label: '10月末（2020-10）' });
    expect(options).toHaveLength(10);
    expect(figuresLabel(state)).toBe('实时数据');
    expect(figuresLabel({ frozen: { month: '2020-10', asOf: '2020-10-31' } })).toBe('数据截至 2020年10月31日');
    expect(stepLabel(null)).toBe('尚未开始逐个调度');
    expect(stepLabel(null, 12)).toBe('当前选定项目');
    expect(stepLabel({ index: 2, total: 9 })).toBe('第 3 / 9 个滞后项目');
  });

  it('is open to leaders and staff', () => {
    expect(rolesFor('/leader/remote')).toEqual(['leader', 'admin']);
    expect(rolesFor('/leader/12')).toEqual(['admin']);
  });
});
