import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/types.js';
import {
  alertQuery, emptyAlertFilter, filterAlerts, openAlertsOf, severityCounts, sortAlerts, sortForUnit, unitsOf, unitsWithOpenAlerts,
} from '../../../screen/features/alerts/alertFilter.js';
import { filterLetters } from '../../../screen/apps/console/alerts/letterList.js';
import { letterBody, letterErrors } from '../../../screen/apps/console/alerts/letterForm.js';
import type { LetterView } from '../../../shared/api.js';

let nextId = 1;
function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: nextId++, projectId: 1, project: '县工业园标准厂房', unit: '县工信局', unitId: 1, leader: '李明', rule: 'investment_behind',
    severity: 'yellow', text: '累计完成投资低于序时进度12.0个百分点', state: 'raised', level: 1, raisedAt: '2020-10-06T01:00:00Z',
    clearedAt: null, acknowledgement: null, acknowledgedBy: null, acknowledgedAt: null, letterId: null, letterNumber: null, ...over,
  };
}

describe('the alert table filters', () => {
  const list = [
    alert({ id: 1, severity: 'red', unitId: 1, unit: '县工信局', level: 2 }),
    alert({ id: 2, severity: 'orange', unitId: 2, unit: '县交通局', project: '县城南环路', state: 'acknowledged', acknowledgement: '征迁未完成' }),
    alert({ id: 3, severity: 'yellow', unitId: 2, unit: '县交通局', state: 'letter_issued', letterId: 5, letterNumber: '重推预字〔2020〕1号' }),
    alert({ id: 4, severity: 'red', unitId: 3, unit: '县水利局', state: 'cleared', clearedAt: '2020-10-20T00:00:00Z' }),
  ];

  it('keeps every open alert with no filter and hides the cleared unless asked for', () => {
    expect(filterAlerts(list, emptyAlertFilter()).map((a) => a.id)).toEqual([1, 2, 3]);
    expect(filterAlerts(list, { ...emptyAlertFilter(), includeCleared: true }).map((a) => a.id)).toEqual([1, 2, 3, 4]);
  });

  it('filters by severity, state, level, unit and text; a cleared select (undefined) means any', () => {
    const f = emptyAlertFilter();
    expect(filterAlerts(list, { ...f, severity: 'red' }).map((a) => a.id)).toEqual([1]);
    expect(filterAlerts(list, { ...f, state: 'acknowledged' }).map((a) => a.id)).toEqual([2]);
    expect(filterAlerts(list, { ...f, level: 2 }).map((a) => a.id)).toEqual([1]);
    expect(filterAlerts(list, { ...f, unitId: 2 }).map((a) => a.id)).toEqual([2, 3]);
    expect(filterAlerts(list, { ...f, text: '南环' }).map((a) => a.id)).toEqual([2]);
    expect(filterAlerts(list, { ...f, severity: undefined as never }).length).toBe(3);
  });

  it('asks the server for the cleared ones only when they are shown', () => {
    expect(alertQuery({ includeCleared: false })).toBe('');
    expect(alertQuery({ includeCleared: true })).toBe('?includeCleared=1');
  });

  it('puts open before cleared, then the higher level, then the more severe', () => {
    expect(sortAlerts(list).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(sortAlerts([list[3], list[2], list[1], list[0]]).map((a) => a.id)).toEqual([1, 2, 3, 4]);
  });

  it('offers letters only to units with open alerts, most alerts first', () => {
    expect(unitsWithOpenAlerts(list)).toEqual([
      { unitId: 2, unit: '县交通局', open: 2 },
      { unitId: 1, unit: '县工信局', open: 1 },
    ]);
    expect(openAlertsOf(list, 2).map((a) => a.id)).toEqual([2, 3]);
    expect(openAlertsOf(list, 3)).toEqual([]);
    expect(openAlertsOf(list, null)).toEqual([]);
  });

  it('lists every unit once for the filter and counts open alerts by severity', () => {
    expect(unitsOf(list).map((u) => u.unitId).sort()).toEqual([1, 2, 3]);
    expect(severityCounts(list)).toEqual({ red: 1, orange: 1, yellow: 1 });
  });

  it('shows a unit what still needs its explanation first', () => {
    const mine = [
      alert({ id: 10, severity: 'red', acknowledgement: '已落实资金' }),
      alert({ id: 11, severity: 'yellow' }),
      alert({ id: 12, severity: 'orange', state: 'letter_issued', letterId: 1 }),
    ];
    expect(sortForUnit(mine).map((a) => a.id)).toEqual([12, 11, 10]);
  });
});

describe('issuing a letter', () => {
  it('asks for a unit and at least one alert, in Chinese', () => {
    expect(letterErrors({ kind: 'warning', unitId: null, alertIds: [] })).toEqual({ unitId: '请选择责任单位' });
    expect(letterErrors({ kind: 'warning', unitId: 3, alertIds: [] })).toEqual({ alertIds: '请至少选择一条预警' });
    expect(letterErrors({ kind: 'supervision', unitId: 3, alertIds: [7] })).toEqual({});
  });

  it('sends the alerts chosen in order', () => {
    expect(letterBody({ kind: 'warning', unitId: 3, alertIds: [9, 2, 5] })).toEqual({ kind: 'warning', unitId: 3, alertIds: [2, 5, 9] });
  });

  it('lists letters newest first, by kind and unit', () => {
    const letter = (id: number, kind: LetterView['kind'], unitId: number, issuedOn: string) =>
      ({ id, kind, unitId, issuedOn, docNumber: `${id}`, unit: '', title: '', month: '2020-09', deadline: '', alertIds: [], projectIds: [], issuedBy: '', createdAt: '' }) as LetterView;
    const letters = [letter(1, 'warning', 1, '2020-10-06'), letter(2, 'supervision', 1, '2020-10-20'), letter(3, 'warning', 2, '2020-10-06')];
    expect(filterLetters(letters, { kind: null, unitId: null }).map((l) => l.id)).toEqual([2, 3, 1]);
    expect(filterLetters(letters, { kind: 'warning', unitId: null }).map((l) => l.id)).toEqual([3, 1]);
    expect(filterLetters(letters, { kind: null, unitId: 1 }).map((l) => l.id)).toEqual([2, 1]);
  });
});
