// Hand-made letter and bulletin contents. Amounts are integer yuan, some picked so that 万元 rounding
// lands on a half (45_678_950 → 4,567.90) where float formatting could slip.
import type { BulletinDoc, LetterDoc } from '../../../server/exports/types.js';
import type { Totals } from '../../../shared/snapshot.js';

export const WARNING: LetterDoc = {
  kind: 'warning',
  county: '弋阳县',
  issuingOffice: '弋阳县重点项目推进办公室',
  docNumber: '重推预字〔2020〕3号',
  title: '关于县城投公司重点项目进度滞后的预警提示函',
  addressee: '县城投公司',
  issuedOn: '2020-06-03',
  deadline: '2020-06-13',
  month: '2020-05',
  projects: [
    {
      code: 'YY-2020-001',
      name: '弋阳县城南污水处理厂提标改造工程',
      leader: '张建国',
      annualPlan: 123_456_789,
      completed: 45_678_950,
      completionRate: 45_678_950 / 123_456_789,
      scheduleShare: 5 / 12,
      reasons: ['累计完成投资4,567.9万元，完成年度计划37.0%，低于序时进度41.7%达4.7个百分点', '问题逾期未解决'],
    },
    {
      code: 'YY-2020-007',
      name: '龟峰大道改造提升工程',
      leader: null,
      annualPlan: 80_000_000,
      completed: 12_000_000,
      completionRate: 0.15,
      scheduleShare: 0.5,
      reasons: ['开工逾期'],
    },
  ],
  issues: ['投资进度滞后于序时进度', '未按计划开工'],
  previousLetters: [],
  explained: false,
};

export const SUPERVISION: LetterDoc = {
  ...WARNING,
  kind: 'supervision',
  docNumber: '重推督字〔2020〕1号',
  title: '关于督促县城投公司加快推进重点项目建设的督办函',
  previousLetters: ['重推预字〔2020〕3号', '重推预字〔2020〕5号'],
  explained: true,
};

const TOTALS: Totals = {
  projects: 86,
  totalInvestment: 25_634_500_000,
  annualPlan: 8_490_000_000,
  completed: 3_845_970_000,
  completionRate: 3_845_970_000 / 8_490_000_000,
  schedulePlan: 3_537_500_000,
  scheduleRate: 3_845_970_000 / 3_537_500_000,
  startPlanned: 24,
  started: 15,
  startRate: 15 / 24,
  completionPlanned: 12,
  completedProjects: 3,
  completionProjectRate: 0.25,
  laggingCount: 3,
};

export const BULLETIN: BulletinDoc = {
  county: '弋阳县',
  year: 2020,
  month: '2020-05',
  title: '弋阳县2020年5月重点项目推进情况通报',
  issuingOffice: '弋阳县重点项目推进办公室',
  issuedOn: '2020-06-08',
  asOf: '2020-05-31',
  byLeader: [],
  scheduleShare: 5 / 12,
  totals: TOTALS,
  byDomain: [
    group('industry', '工业', 40, 5_000_000_000, 4_200_000_000, 1_900_000_000, 2),
    group('infra', '基础设施', 30, null, 3_000_000_000, 1_400_000_000, 1),
    group('social', '社会民生', 16, 1_500_000_000, 1_290_000_000, 545_970_000, 0),
  ],
  byLevel: [group('province', '省重点', 8, 3_000_000_000, 2_600_000_000, 1_300_000_000, 0), group('county', '县重点', 78, null, 5_890_000_000, 2_545_970_000, 3)],
  ranking: [
    rank(1, '县工业园区管委会', 92.5, { investment: 100, start: 90, completion: 80, timeliness: 100, problems: 85 }),
    rank(2, '县交通运输局', 81.25, { investment: 85, start: 80, completion: 70, timeliness: 90, problems: 75 }),
    rank(3, '县教育体育局', 70, { investment: 70, start: 75, completion: 60, timeliness: 80, problems: 65 }),
    rank(4, '县城投公司', 48.3, { investment: 40, start: 50, completion: 40, timeliness: 60, problems: 60 }),
  ],
  weights: { investment: 40, start: 15, completion: 15, timeliness: 15, problems: 15 },
  lagging: [
    {
      projectId: 11,
      code: 'YY-2020-001',
      name: '弋阳县城南污水处理厂提标改造工程',
      unit: '县城投公司',
      domain: '基础设施',
      leader: '张建国',
      annualPlan: 123_456_789,
      completed: 45_678_950,
      completionRate: 45_678_950 / 123_456_789,
      scheduleShare: 5 / 12,
      scheduleRate: 0.888,
      severity: 'red',
      reasons: [{ rule: 'investment_behind', severity: 'red', text: '累计完成投资4,567.9万元，低于序时进度4.7个百分点' }],
    },
  ],
  problems: {
    open: 2,
    resolved: 0,
    overdue: 1,
    flagged: 0,
    closedThisMonth: 4,
    byCategory: [
      { category: '用地保障', open: 1, resolved: 3 },
      { category: '资金筹措', open: 1, resolved: 2 },
    ],
    items: [
      problem(1, '弋阳县城南污水处理厂提标改造工程', '用地保障', '厂区扩建用地约12亩尚未完成报批，影响二期管网施工', '2020-03-02', '2020-04-30'),
      problem(2, '龟峰大道改造提升工程', '资金筹措', '专项债资金尚未拨付到位', '2020-05-18', null),
    ],
  },
};

/** The same month with nothing lagging, no problems and no ranking: the empty-list sentences. */
export const QUIET_BULLETIN: BulletinDoc = {
  ...BULLETIN,
  totals: { ...TOTALS, laggingCount: 0 },
  byLevel: [],
  ranking: [],
  lagging: [],
  problems: { open: 0, resolved: 0, overdue: 0, flagged: 0, closedThisMonth: 0, byCategory: [], items: [] },
};

/** The same month with 2019's figures of May to compare with (同比). */
export const BULLETIN_WITH_PRIOR_YEAR: BulletinDoc = {
  ...BULLETIN,
  priorYear: { year: 2019, month: '2019-05', completed: 3_449_300_000, started: 12, completedProjects: 5 },
};

function group(key: string, name: string, projects: number, target: number | null, annualPlan: number, completed: number, laggingCount: number) {
  const schedulePlan = Math.round((annualPlan * 5) / 12);
  return { key, name, projects, target, annualPlan, completed, completionRate: completed / annualPlan, schedulePlan, scheduleRate: completed / schedulePlan, laggingCount };
}

function rank(n: number, unit: string, score: number, components: BulletinDoc['ranking'][number]['components']) {
  return {
    rank: n, unitId: n, unit, projects: 10 - n, annualPlan: 1_000_000_000 * n, completed: 400_000_000 * n, schedulePlan: 416_666_667 * n,
    completionRate: 0.4, scheduleRate: 0.96, laggingCount: n - 1, components, score,
  };
}

function problem(id: number, project: string, category: string, description: string, createdOn: string, dueOn: string | null) {
  return {
    id, projectId: id, project, unit: '县城投公司', category, description, askedOf: id === 1 ? '县自然资源局' : '', dueOn,
    state: 'coordinating' as const, raisedBy: '李明', createdAt: `${createdOn}T09:00:00+08:00`, closedAt: null,
  };
}
