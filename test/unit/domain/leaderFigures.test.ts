// 挂点领导 figures: each county leader over the projects linked to them (一对一挂点 and 分管包干).
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../server/domain/aggregates.js';
import { summarizeProblems } from '../../../server/domain/problemSummary.js';
import { buildSnapshot, summaryDelta } from '../../../server/domain/snapshot.js';
import type { LedgerProblem } from '../../../server/domain/ledger.js';
import type { Leader, ProblemState } from '../../../shared/types.js';
import { campaign, figure, ledger, project, wan } from './fixtures.js';

const LEADERS: Leader[] = [
  { id: 1, name: '张海清', title: '副县长', rank: 'deputy' },
  { id: 2, name: '陈敏', title: '县委副书记、县长', rank: 'county_head' },
  { id: 3, name: '李光裕', title: '龟峰管委会党工委书记', rank: 'other' },
  { id: 4, name: '陈长开', title: '县委常委、常务副县长', rank: 'executive_deputy' },
  { id: 5, name: '丁立明', title: '副县长', rank: 'deputy' },
];

const problem = (id: number, projectId: number, state: ProblemState): LedgerProblem => ({ id, projectId, state, dueOn: null, closedOn: null, meetings: 0, agenda: [] });

// Through June (2020-07-03): 1200万 a year each → 600万 planned to date.
const input = ledger({
  leaders: LEADERS,
  projects: [
    // 挂点 张海清, 包干 陈长开
    project(1, { leaderId: 1, chargeLeaderId: 4 }),
    // 挂点 and 包干 both 张海清
    project(2, { leaderId: 1, chargeLeaderId: 1, annualPlan: wan(2_400) }),
    // 包干 陈长开 only
    project(3, { leaderId: null, chargeLeaderId: 4 }),
    // a leader the ledger does not know
    project(4, { leaderId: 99, chargeLeaderId: null }),
    // 挂点 陈敏, 包干 李光裕; nothing reported
    project(5, { leaderId: 2, chargeLeaderId: 3, annualPlan: wan(600) }),
  ],
  monthly: [figure(1, '2020-05', wan(600)), figure(2, '2020-05', wan(300)), figure(3, '2020-05', wan(600))],
  problems: [
    problem(1, 1, 'pending'),
    problem(2, 1, 'coordinating'),
    problem(3, 2, 'resolved'),
    problem(4, 2, 'closed'),
    problem(5, 3, 'returned'),
    problem(6, 4, 'pending'),
  ],
});
const s = computeSummary(input);
const byId = new Map(s.byLeader.map((l) => [l.leaderId, l]));

describe('computeSummary: 挂点领导 figures', () => {
  it('lists the leaders with projects this year, 县长 and 常务副县长 first, then the others in the ledger order', () => {
    expect(s.byLeader.map((l) => [l.leaderId, l.name, l.rank])).toEqual([
      [2, '陈敏', 'county_head'],
      [4, '陈长开', 'executive_deputy'],
      [1, '张海清', 'deputy'],
      [3, '李光裕', 'other'],
    ]);
    expect(byId.get(2)).toMatchObject({ key: '2', title: '县委副书记、县长', target: null, projects: 1, pointProjects: 1, chargeProjects: 0 });
    // 丁立明 has no project this campaign year (the store's leaders serve every year).
    expect(byId.has(5)).toBe(false);
  });

  it('counts a project for each leader linked to it, and once for a leader who is both 挂点 and 包干', () => {
    expect(byId.get(1)).toMatchObject({ projects: 2, pointProjects: 2, chargeProjects: 1, annualPlan: wan(3_600), completed: wan(900) });
    expect(byId.get(4)).toMatchObject({ projects: 2, pointProjects: 0, chargeProjects: 2, annualPlan: wan(2_400), completed: wan(1_200) });
    // Shared projects make the leaders' sum exceed the total; the unknown leader's project counts for no one.
    expect(s.byLeader.reduce((n, l) => n + l.projects, 0)).toBe(6);
    expect(s.totals.projects).toBe(5);
  });

  it('holds each leader to 序时进度 and counts their lagging projects', () => {
    // 张海清: 600 + 1200 planned to date, 900 done; project 2 (300 of 1200) is behind.
    expect(byId.get(1)).toMatchObject({ schedulePlan: wan(1_800), laggingCount: 1 });
    expect(byId.get(1)!.completionRate).toBe(900 / 3_600);
    expect(byId.get(1)!.scheduleRate).toBe(900 / 1_800);
    expect(byId.get(4)).toMatchObject({ schedulePlan: wan(1_200), scheduleRate: 1, laggingCount: 0 });
  });

  it('counts the problems not yet closed (待协调, 协调中, 已解决 awaiting 销号) on the leader\'s projects', () => {
    expect(byId.get(1)!.openProblems).toBe(3);
    expect(byId.get(4)!.openProblems).toBe(2);
    expect(byId.get(2)!.openProblems).toBe(0);
  });

  it('travels in the summary patch and the snapshot', () => {
    expect(summaryDelta(s).byLeader?.upsert).toEqual(s.byLeader);
    const snapshot = buildSnapshot(s, {
      version: 7,
      generatedAt: '2020-07-03T01:00:00.000Z',
      campaign: campaign(),
      alerts: [],
      problems: summarizeProblems([], '2020-07-03', []),
      events: [],
    });
    expect(JSON.parse(JSON.stringify(snapshot)).byLeader).toEqual(s.byLeader);
  });
});

describe('computeSummary: the ranking weights', () => {
  it('carries the campaign\'s weights with the ranking, so the wall can say how the score is made', () => {
    const weights = { investment: 50, start: 10, completion: 10, timeliness: 20, problems: 10 };
    const weighted = computeSummary(ledger({ projects: [project(1)], settings: { rankingWeights: weights } }));
    expect(weighted.rankingWeights).toEqual(weights);
    expect(summaryDelta(weighted).rankingWeights).toEqual(weights);
  });
});
