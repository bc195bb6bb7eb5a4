// The county map's points: each project's state by the rule the wall's figures use.
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../server/domain/aggregates.js';
import { laggingFromHits, laggingFromSnapshot, mapPoints, pointState } from '../../../server/domain/mapPoints.js';
import { buildSnapshot } from '../../../server/domain/snapshot.js';
import { LAGGING_LIMIT } from '../../../shared/snapshot.js';
import { figure, ledger, project, wan, YEAR } from './fixtures.js';

const ctx = (lagging: number[] = []) => ({ year: YEAR, today: '2020-07-03', lagging: new Set(lagging) });
const placed = { lat: 28.4, lon: 117.4, township: '弋江镇' };

describe('pointState', () => {
  it('shows a project started this year as 已开工 and one started before as 在建', () => {
    expect(pointState(project(1, { startedOn: '2020-03-01' }), ctx())).toBe('started');
    expect(pointState(project(2, { startedOn: '2019-05-01' }), ctx())).toBe('construction');
    // At the construction stage without a recorded start: a continuing project.
    expect(pointState(project(3, { startedOn: null, stage: 'construction' }), ctx())).toBe('construction');
  });

  it('shows a project not started, or starting only after today, as 未开工', () => {
    expect(pointState(project(1, { startedOn: null, stage: 'preparing' }), ctx())).toBe('planned');
    expect(pointState(project(2, { startedOn: null, stage: 'reserve', plannedStart: '2020-09-01' }), ctx())).toBe('planned');
    expect(pointState(project(3, { startedOn: '2020-08-01', stage: 'preparing' }), ctx())).toBe('planned');
  });

  it('shows 竣工 by the completion date or the completed/operating stage', () => {
    expect(pointState(project(1, { startedOn: '2020-01-10', completedOn: '2020-06-30' }), ctx())).toBe('completed');
    expect(pointState(project(2, { completedOn: null, stage: 'operating' }), ctx())).toBe('completed');
    expect(pointState(project(3, { completedOn: '2020-12-30' }), ctx())).toBe('construction');
  });

  it('puts 滞后 before every other state, so the map agrees with the lagging figure', () => {
    expect(pointState(project(1, { startedOn: '2020-03-01' }), ctx([1]))).toBe('lagging');
    expect(pointState(project(2, { completedOn: '2020-06-30' }), ctx([2]))).toBe('lagging');
    expect(pointState(project(3, { startedOn: null, stage: 'preparing' }), ctx([3]))).toBe('lagging');
  });
});

describe('mapPoints', () => {
  it('places projects with coordinates and counts the others', () => {
    const projects = [
      project(1, { ...placed, name: '弋阳大桥', unit: '县城投公司', startedOn: '2020-02-01' }),
      project(2, { lat: null, lon: null }),
      project(3, { ...placed, lat: Number.NaN }),
      project(4, { ...placed, township: null }),
    ];
    const { points, unplaced } = mapPoints(projects, ctx([4]));
    expect(unplaced).toBe(2);
    expect(points).toEqual([
      { projectId: 1, name: '弋阳大桥', unit: '县城投公司', township: '弋江镇', lat: 28.4, lon: 117.4, state: 'started' },
      { projectId: 4, name: '项目4', unit: '县工信局', township: null, lat: 28.4, lon: 117.4, state: 'lagging' },
    ]);
  });
});

describe('the lagging projects', () => {
  it('come from the snapshot list while it holds them all, else from the rule hits', () => {
    const list = [{ projectId: 3 }, { projectId: 5 }] as unknown as Parameters<typeof laggingFromSnapshot>[0];
    expect(laggingFromSnapshot(list, 2)).toEqual(new Set([3, 5]));
    expect(laggingFromSnapshot(list, 3)).toBeNull();
    expect(laggingFromHits([
      { projectId: 3, rule: 'investment_behind', severity: 'red', text: '' },
      { projectId: 3, rule: 'report_missing', severity: 'yellow', text: '' },
      { projectId: 8, rule: 'start_overdue', severity: 'orange', text: '' },
    ])).toEqual(new Set([3, 8]));
  });

  it('make as many 滞后 points as the snapshot counts, beyond the capped list too', () => {
    // Twice the list's cap of projects, all far behind 序时进度 by July.
    const projects = Array.from({ length: LAGGING_LIMIT * 2 }, (_, i) => project(i + 1, { ...placed, annualPlan: wan(1_200) }));
    const input = ledger({ projects, monthly: projects.map((p) => figure(p.id, '2020-01', wan(10))) });
    const summary = computeSummary(input);
    const snapshot = buildSnapshot(summary, {
      version: 1, generatedAt: '2020-07-03T00:00:00.000Z', campaign: { id: 1, county: '弋阳县', year: YEAR, title: '' },
      alerts: [], problems: { open: 0 } as never, events: [],
    });
    expect(snapshot.totals.laggingCount).toBe(LAGGING_LIMIT * 2);
    expect(laggingFromSnapshot(snapshot.lagging, snapshot.totals.laggingCount)).toBeNull();
    const lagging = laggingFromHits(summary.hits);
    const { points } = mapPoints(input.projects, { year: YEAR, today: input.today, lagging });
    expect(points.filter((p) => p.state === 'lagging')).toHaveLength(snapshot.totals.laggingCount);
  });
});
