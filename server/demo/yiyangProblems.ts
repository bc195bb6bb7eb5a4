// 弋阳's 问题台账: eight kinds of problem its 分级调度 meets in turn on twelve projects, and three
// 部门联席会 that discussed them (one item still open after two: 通报批评).
import type { ProblemLedgerSpec, ProblemPlan } from './problems.js';

type Template = Pick<ProblemPlan, 'category' | 'description' | 'askedOf' | 'coordinatingUnit' | 'resolution' | 'decision'>;

const TEMPLATES: readonly Template[] = [
  {
    category: '用地保障', description: '项目二期用地约86亩农转用报批未获批复，影响场平施工', askedOf: '请县自然资源局加快组卷报批',
    coordinatingUnit: '县自然资源局', resolution: '农转用已获省政府批复，土地已挂牌出让', decision: '由县自然资源局牵头，加快完成组卷上报省政府审批',
  },
  {
    category: '资金筹措', description: '项目资本金到位不足，约3,000万元缺口，申请协调专项债券资金', askedOf: '请县财政局、县发改委协调资金',
    coordinatingUnit: '县财政局', resolution: '已纳入第二批专项债券，资金3,000万元拨付到位', decision: '县财政局先行垫付启动资金，专项债券到位后归垫',
  },
  {
    category: '审批协调', description: '施工许可办理卡在消防设计审查环节，申请并联审批', askedOf: '请县住建局、县行政服务中心并联办理',
    coordinatingUnit: '县住建局', resolution: '消防设计审查已通过，施工许可证已核发', decision: '县住建局开辟绿色通道，并联办理消防审查和施工许可',
  },
  {
    category: '工程建设', description: '施工红线内10千伏高压线路迁改未完成，影响主体结构施工', askedOf: '请县供电公司加快迁改',
    coordinatingUnit: '县供电公司', resolution: '线路迁改完成并送电，施工面已移交', decision: '县供电公司制定迁改方案，倒排工期完成迁改送电',
  },
  {
    category: '用地保障', description: '征迁涉及12户未签约，需属地乡镇协调做好群众工作', askedOf: '请属地乡镇政府牵头协调',
    coordinatingUnit: '属地乡镇政府', resolution: '12户已全部签约腾空', decision: '属地乡镇包户做工作，限期完成签约腾空',
  },
  {
    category: '资金筹措', description: '企业流动资金贷款审批较慢，申请协调合作银行加快放款', askedOf: '请县金融办协调合作银行',
    coordinatingUnit: '县金融办', resolution: '贷款5,000万元已发放', decision: '县金融办召集合作银行现场对接，加快放款',
  },
  {
    category: '审批协调', description: '项目环评批复尚未下达，需协调市生态环境局加快审批', askedOf: '请县生态环境局对接市局',
    coordinatingUnit: '县生态环境局', resolution: '环评批复已下达', decision: '县生态环境局专人对接市局，加快环评审批',
  },
  {
    category: '工程建设', description: '砂石等地材供应紧张、价格上涨，影响施工进度', askedOf: '请县发改委协调地材保供',
    coordinatingUnit: '县发改委', resolution: '已协调县内砂场优先保障供应', decision: '县发改委协调县内砂场优先保障项目地材供应',
  },
];

/** Days before "today" each problem was raised, its state, level and due date offset from today. */
const PLAN: readonly Pick<ProblemPlan, 'ago' | 'state' | 'level' | 'due' | 'closedAgo'>[] = [
  { ago: 1, state: 'pending', level: 1, due: 25 },
  { ago: 3, state: 'pending', level: 1, due: 30 },
  { ago: 9, state: 'pending', level: 1, due: 20 },
  { ago: 62, state: 'coordinating', level: 2, due: 10 },
  { ago: 48, state: 'coordinating', level: 1, due: -5 },
  { ago: 40, state: 'coordinating', level: 3, due: 10 },
  { ago: 30, state: 'coordinating', level: 1, due: 15 },
  { ago: 21, state: 'coordinating', level: 1, due: -2 },
  { ago: 55, state: 'resolved', level: 1, due: 0, closedAgo: 2 },
  { ago: 70, state: 'closed', level: 1, due: -30, closedAgo: 40 },
  { ago: 58, state: 'closed', level: 2, due: -15, closedAgo: 25 },
  { ago: 35, state: 'closed', level: 1, due: -3, closedAgo: 8 },
];

const joint = (ago: number, month: string, items: ProblemLedgerSpec['meetings'][number]['items']) => ({
  kind: 'joint' as const,
  ago,
  title: `${month}重点项目部门联席会`,
  location: '县政府三楼会议室',
  chair: '陈长开',
  attendees: ['陈长开', '县发改委', '县财政局', '县自然资源局', '县住建局', '县生态环境局', '县供电公司', '县重点项目推进办'],
  items,
});

export const YIYANG_PROBLEMS: ProblemLedgerSpec = {
  startedBefore: 70,
  problems: PLAN.map((plan, i) => ({ ...TEMPLATES[i % TEMPLATES.length], ...plan })),
  meetings: [
    // Problem 4 was on two meetings and the deadline of the later one has passed: 通报批评.
    joint(45, '前期', [{ problem: 4, deadline: -35 }]),
    joint(31, '上月', [
      { problem: 3, deadline: -10 },
      { problem: 4, deadline: -5 },
      { problem: 5, deadline: 10, decision: '提请县长专题会调度' },
      { problem: 10, deadline: -28 },
    ]),
    joint(1, '本月', [
      { problem: 3, deadline: 10, decision: '逾期未办结，提请常务副县长调度并予以通报' },
      { problem: 6, deadline: 15 },
    ]),
  ],
};
