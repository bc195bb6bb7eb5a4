import { describe, expect, it } from 'vitest';
import type { Alert, Project } from '../../../shared/types.js';
import { alertChoiceCounts, alertsByProject, barTone, emptyFilter, filterProjects } from '../../../screen/apps/console/ledger/ledgerFilter.js';
import { DEFAULT_COLUMNS, parseColumns } from '../../../screen/apps/console/ledger/ledgerColumns.js';

const project = (id: number, name: string): Project =>
  ({ id, code: `P${id}`, name, domainId: 1, unitId: 1, stage: 'construction', levels: [], annualPlan: 100, completedToDate: 40 }) as unknown as Project;
const alert = (id: number, projectId: number, severity: Alert['severity'], state: Alert['state'] = 'raised'): Alert =>
  ({ id, projectId, severity, state, rule: 'investment_behind', text: '' }) as unknown as Alert;

const projects = [project(1, '白马大桥'), project(2, '城东污水厂'), project(3, '工业园标准厂房')];
const alerts = alertsByProject([alert(10, 1, 'yellow'), alert(11, 1, 'red'), alert(12, 2, 'orange'), alert(13, 3, 'red', 'cleared')]);

describe('ledger filter by 滞后预警', () => {
  it('keeps each project\'s open alerts, most severe first, and drops cleared ones', () => {
    expect(alerts.get(1)!.map((a) => a.severity)).toEqual(['red', 'yellow']);
    expect(alerts.has(3)).toBe(false);
  });

  it('narrows to projects with any open alert, or one of a colour', () => {
    const names = (choice: ReturnType<typeof emptyFilter>['alert']) => filterProjects(projects, { ...emptyFilter(), alert: choice }, alerts).map((p) => p.name);
    expect(names('all')).toHaveLength(3);
    expect(names('lagging')).toEqual(['白马大桥', '城东污水厂']);
    expect(names('red')).toEqual(['白马大桥']);
    expect(names('orange')).toEqual(['城东污水厂']);
    expect(names('yellow')).toEqual(['白马大桥']);
  });

  it('counts the projects behind each choice, a project once per colour it has', () => {
    expect(alertChoiceCounts(projects, alerts)).toEqual({ all: 3, lagging: 2, red: 1, orange: 1, yellow: 1 });
  });

  it('reads the completion bar against 序时进度', () => {
    expect(barTone(0.5, 0.5)).toBe('ahead');
    expect(barTone(0.4, 0.5)).toBe('behind');
    expect(barTone(0.4, null)).toBe('unknown');
  });
});

describe('ledger columns', () => {
  it('falls back to the default set when nothing, or garbage, is saved', () => {
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('{oops')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('"rate"')).toEqual(DEFAULT_COLUMNS);
  });

  it('keeps the saved known columns in table order', () => {
    expect(parseColumns(JSON.stringify(['alerts', 'code', 'nonsense', 'rate']))).toEqual(['code', 'rate', 'alerts']);
  });
});
