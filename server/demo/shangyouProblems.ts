// 上犹's 问题台账 (附件2 四(二): 销号式动态管理) from June, when the plan's coordination meetings began:
// a monthly 部门联席会 on 挂点领导-level matters, a quarterly 调度推进会 on everything, 县长专题会 items first.
// 领导小组会 are not seeded: a seeded meeting carries no domain. Days count back from "today" (2021-09-20).
import type { MeetingPlan, ProblemLedgerSpec, ProblemPlan } from './problems.js';

const INDUSTRY = ['industry'];
const PUBLIC_WORKS = ['infrastructure', 'public'];
/** Works with a building site (not 新基建's networks, not farmland). */
const BUILDINGS = ['industry', 'services', 'infrastructure', 'public'];

const PROBLEMS: readonly ProblemPlan[] = [
  {
    category: '用地保障', description: '项目二期新增用地约120亩，农用地转用和土地征收报批未获批复，影响二期厂房场平施工',
    askedOf: '请县自然资源局加快组卷报批', coordinatingUnit: '县自然资源局',
    resolution: '农用地转用和土地征收已获省政府批复，二期用地已挂牌出让并交地', decision: '县自然资源局牵头，限期完成组卷上报，跟踪省厅审批',
    ago: 111, state: 'closed', level: 1, due: -80, closedAgo: 82, domains: INDUSTRY,
  },
  {
    category: '资金筹措', description: '项目资本金到位不足，尚有约4,500万元缺口，申请纳入专项债券资金支持',
    askedOf: '请县财政局、县发改委协调专项债券资金', coordinatingUnit: '县财政局',
    resolution: '已纳入第二批新增专项债券，4,500万元资金已拨付到位', decision: '县财政局统筹调度县级资金先行保障施工，专项债券资金到位后归垫',
    ago: 110, state: 'closed', level: 2, due: -60, closedAgo: 66, domains: PUBLIC_WORKS,
  },
  {
    category: '审批协调', description: '新建厂房施工许可涉及消防设计审查、人防审批等环节，串联办理耗时长',
    askedOf: '请县行政审批局、县住建局实行“容缺审批+承诺制”并联办理', coordinatingUnit: '县行政审批局',
    resolution: '已按“容缺审批+承诺制”核发施工许可证', decision: '县行政审批局服务专员全程代办，县住建局同步开展消防设计审查，容缺受理、并联审批',
    ago: 102, state: 'closed', level: 1, due: -76, closedAgo: 77, domains: INDUSTRY,
  },
  {
    category: '工程建设', description: '厂区10千伏供电专线未建成，厂房已具备设备安装调试条件但无法送电',
    askedOf: '请县供电公司加快专线建设', coordinatingUnit: '县供电公司',
    resolution: '10千伏供电专线已建成送电', decision: '县供电公司倒排工期，限期完成专线架设并送电',
    ago: 97, state: 'closed', level: 1, due: -55, closedAgo: 56, domains: INDUSTRY,
  },
  {
    category: '用地保障', description: '项目红线范围内尚有9户房屋未签订征收补偿协议，影响工程施工',
    askedOf: '请{township}政府牵头做好征迁群众工作', coordinatingUnit: '{township}人民政府',
    resolution: '9户已全部签约腾空，施工场地已移交', decision: '{township}政府包户做群众工作，县住建局配合，限期完成签约腾空',
    ago: 90, state: 'closed', level: 1, due: -36, closedAgo: 35, domains: ['infrastructure'],
  },
  {
    category: '资金筹措', description: '企业固定资产贷款审批进度较慢，项目建设尚有约6,000万元资金缺口',
    askedOf: '请县金融工作局协调合作银行加快审批', coordinatingUnit: '县金融工作局',
    resolution: '合作银行6,000万元项目贷款已审批发放', decision: '县金融工作局、人民银行上犹县支行组织政银企对接，推动合作银行加快贷款审批',
    ago: 80, state: 'closed', level: 1, due: -40, closedAgo: 31, domains: ['industry', 'services'],
  },
  {
    category: '审批协调', description: '项目环境影响报告书已报市生态环境局，批复尚未下达，影响开工',
    askedOf: '请县生态环境局对接市局加快审批', coordinatingUnit: '县生态环境局',
    resolution: '环评批复已下达', decision: '县生态环境局安排专人对接市生态环境局，跟踪环评审批',
    ago: 69, state: 'closed', level: 1, due: -30, closedAgo: 24, stage: 'preparing', domains: INDUSTRY,
  },
  {
    category: '工程建设', description: '砂石、商品混凝土等地材供应紧张、价格上涨，影响主体结构施工进度',
    askedOf: '请县发改委协调地材保供稳价', coordinatingUnit: '县发改委',
    resolution: '已协调县内机制砂石企业优先保障项目供应', decision: '县发改委协调县内机制砂石企业优先保障重点项目地材供应，县市监局加强价格监管',
    ago: 62, state: 'resolved', level: 1, due: 5, closedAgo: 3, domains: BUILDINGS,
  },
  {
    category: '资金筹措', description: '项目申报的中央预算内投资补助资金尚未下达，工程款支付压力大',
    askedOf: '请县发改委对接省、市发改委争取资金尽早下达', coordinatingUnit: '县发改委',
    resolution: '中央预算内投资补助1,200万元已下达并拨付', decision: '县发改委跟踪对接省、市发改委争取资金尽早下达，县财政局做好资金拨付',
    ago: 55, state: 'resolved', level: 1, due: 0, closedAgo: 6, domains: ['agriculture', ...PUBLIC_WORKS],
  },
  {
    category: '用地保障', description: '项目需使用林地约150亩，使用林地审核和耕地占补平衡指标未落实，影响开工',
    askedOf: '请县林业局、县自然资源局协调林地审核和占补平衡指标', coordinatingUnit: '县林业局',
    resolution: '使用林地审核已获批复，占补平衡指标已落实', decision: '县林业局牵头完成使用林地组卷，县自然资源局统筹调剂占补平衡指标',
    ago: 96, state: 'coordinating', level: 3, due: 20, stage: 'preparing', domains: ['services', 'agriculture'],
  },
  {
    category: '用地保障', description: '项目沿线尚有3处坟墓和1处养殖场未完成迁移，影响路基贯通',
    askedOf: '请{township}政府加快迁移工作', coordinatingUnit: '{township}人民政府',
    resolution: '坟墓和养殖场已全部迁移', decision: '{township}政府会同县民政局做好群众工作，限期完成迁移',
    ago: 80, state: 'coordinating', level: 2, due: -8, domains: ['infrastructure'],
  },
  {
    category: '资金筹措', description: '项目工程进度款拨付滞后，拖欠施工单位工程款约2,800万元，施工单位放缓进度',
    askedOf: '请县财政局协调支付工程进度款', coordinatingUnit: '县财政局',
    resolution: '工程进度款已支付到位', decision: '县财政局会同项目业主单位梳理欠款，先行支付部分进度款',
    ago: 67, state: 'coordinating', level: 3, due: 10, domains: ['public'],
  },
  {
    category: '审批协调', description: '项目施工图审查未通过，需调整设计后重新送审，影响施工许可办理',
    askedOf: '请县住建局督促审图机构加快审查', coordinatingUnit: '县住建局',
    resolution: '施工图审查已通过，施工许可证已核发', decision: '县住建局组织设计单位限期修改送审，审图机构优先审查',
    ago: 41, state: 'coordinating', level: 1, due: -3, stage: 'preparing', domains: ['public'],
  },
  {
    category: '工程建设', description: '项目周边市政污水管网未接通，建成后污水无法纳管，影响竣工验收',
    askedOf: '请县住建局加快市政管网建设', coordinatingUnit: '县住建局',
    resolution: '污水管网已接通', decision: '县住建局倒排工期，限期完成市政污水管网接通',
    ago: 39, state: 'coordinating', level: 1, due: 10, domains: INDUSTRY,
  },
  {
    category: '用地保障', description: '项目拟用地范围涉及约15亩永久基本农田，需调整后方可报批用地',
    askedOf: '请县自然资源局指导优化选址、调整用地范围', coordinatingUnit: '县自然资源局',
    resolution: '用地范围已调整，用地报批材料已上报', decision: '县自然资源局限期完成用地范围调整，同步开展组卷报批',
    ago: 49, state: 'coordinating', level: 1, due: 5, stage: 'preparing', domains: INDUSTRY,
  },
  {
    category: '工程建设', description: '施工临时用水接入未完成，影响混凝土浇筑和养护',
    askedOf: '请县自来水公司加快临时供水接入', coordinatingUnit: '县自来水公司',
    resolution: '临时供水管道已接通', decision: '县自来水公司限期完成临时供水管道接入',
    ago: 27, state: 'coordinating', level: 1, due: -2, domains: BUILDINGS,
  },
  {
    category: '资金筹措', description: '项目农民工工资保证金和履约保证金占用资金较多，申请以银行保函替代现金缴纳',
    askedOf: '请县人社局、县住建局研究以保函替代', coordinatingUnit: '县人社局',
    resolution: '已同意以银行保函替代现金缴纳', decision: '县人社局、县住建局研究以银行保函替代现金缴纳保证金',
    ago: 14, state: 'coordinating', level: 1, due: 16,
  },
  {
    category: '审批协调', description: '项目节能审查未批复，新增能耗指标需争取市级统筹调剂',
    askedOf: '请县发改委协调节能审查和能耗指标', coordinatingUnit: '县发改委',
    resolution: '节能审查已批复，能耗指标已落实', decision: '县发改委对接市发改委争取能耗指标统筹调剂，加快节能审查',
    ago: 20, state: 'coordinating', level: 2, due: 10, stage: 'preparing', domains: ['newinfra', 'industry'],
  },
  {
    category: '用地保障', description: '项目施工便道需临时使用集体土地约8亩，部分村民阻挠施工',
    askedOf: '请{township}政府协调临时用地并做好群众工作', coordinatingUnit: '{township}人民政府',
    resolution: '临时用地协议已签订，施工便道已开通', decision: '{township}政府协调村组签订临时用地协议',
    ago: 6, state: 'pending', level: 1, due: 25, domains: ['infrastructure', 'agriculture', 'services'],
  },
  {
    category: '工程建设', description: '厂区天然气管道接入方案未确定，影响配套工程施工',
    askedOf: '请县住建局协调燃气公司确定接入方案', coordinatingUnit: '县住建局',
    resolution: '接入方案已确定并开工', decision: '县住建局协调燃气公司限期确定接入方案',
    ago: 5, state: 'pending', level: 1, due: 20, domains: INDUSTRY,
  },
  {
    category: '审批协调', description: '项目增加建筑面积需办理规划许可变更，影响后续工程施工',
    askedOf: '请县自然资源局加快办理规划许可变更', coordinatingUnit: '县自然资源局',
    resolution: '规划许可变更已办结', decision: '县自然资源局加快规划许可变更审查',
    ago: 3, state: 'pending', level: 1, due: 30, domains: ['industry', 'services', 'public'],
  },
  {
    category: '资金筹措', description: '项目申报的省级工业发展专项资金尚未下达，建设资金紧张',
    askedOf: '请县工信局跟踪对接省、市工信部门', coordinatingUnit: '县工信局',
    resolution: '省级工业发展专项资金已下达并拨付', decision: '县工信局跟踪对接省、市工信部门，县财政局做好资金拨付',
    ago: 2, state: 'pending', level: 1, due: 30, domains: INDUSTRY,
  },
  {
    category: '工程建设', description: '施工红线内通信光缆和杆线迁改未完成，影响工程施工',
    askedOf: '请县工信局协调通信运营商加快迁改', coordinatingUnit: '县工信局',
    resolution: '通信光缆和杆线已迁改完毕', decision: '县工信局协调各通信运营商限期完成杆线迁改',
    ago: 35, state: 'closed', level: 1, due: -5, closedAgo: 7, domains: ['industry', 'infrastructure', 'public'],
  },
];

const month = (heldOn: string) => Number(heldOn.slice(5, 7));

/** 部门联席会: 指挥部办公室 (县发改委) convenes it monthly on matters at the 挂点领导 level. */
const joint = (ago: number, items: MeetingPlan['items']): MeetingPlan => ({
  kind: 'joint',
  ago,
  title: (heldOn) => `${month(heldOn)}月份重大项目建设协调推进部门联席会`,
  location: '县发改委会议室',
  chair: '县发改委主要负责同志',
  attendees: ['县发改委', '县工信局', '县财政局', '县自然资源局', '县林业局', '县住建局', '县生态环境局', '县行政审批局', '县工业园区管委会', '县供电公司'],
  items,
});

/** 调度推进会: the 总指挥 or the 常务副总指挥 holds it quarterly with the 副总指挥 and member units. */
const dispatch = (ago: number, chair: string, items: MeetingPlan['items']): MeetingPlan => ({
  kind: 'dispatch',
  ago,
  title: (heldOn) => `${'一二三四'[Math.floor((month(heldOn) - 1) / 3)]}季度全县“项目大会战”调度推进会`,
  location: '县政府常务会议室',
  chair,
  attendees: ['余业伟', '周光仁', '卢丽君', '胡正福', '刘道军', '卢杜林', '李高华', '刘干', '县发改委', '县工信局', '县农业农村局', '县文广新旅局', '县商务局', '县财政局', '县自然资源局', '县林业局'],
  items,
});

export const SHANGYOU_PROBLEMS: ProblemLedgerSpec = {
  startedBefore: 0,
  problems: PROBLEMS,
  meetings: [
    joint(104, [
      { problem: 0, deadline: -80 },
      { problem: 1, deadline: -90, decision: '县发改委、县财政局指导项目单位完善专项债券申报材料，争取纳入第二批发行' },
    ]),
    dispatch(83, '周光仁', [
      { problem: 9, deadline: -50 },
      { problem: 1, deadline: -60 },
      { problem: 2, deadline: -76 },
    ]),
    joint(74, [
      { problem: 3, deadline: -55 },
      { problem: 4, deadline: -50 },
      { problem: 10, deadline: -45 },
      { problem: 5, deadline: -40 },
    ]),
    joint(45, [
      { problem: 4, deadline: -36, decision: '{township}政府落实包户责任，逾期未签约的依法依规推进' },
      // Problem 10: a second meeting and still not done by its deadline: 通报批评.
      { problem: 10, deadline: -8, decision: '逾期未完成迁移，{township}政府在下次会上说明原因，提请常务副县长调度' },
      { problem: 6, deadline: -30 },
      { problem: 11, deadline: -20 },
      { problem: 14, deadline: -20, decision: '县自然资源局指导项目单位优化用地布局，避让永久基本农田' },
      { problem: 7, deadline: -15 },
      { problem: 8, deadline: 0 },
    ]),
    joint(12, [
      { problem: 12, deadline: -3 },
      { problem: 15, deadline: -2 },
      { problem: 22, deadline: -5 },
      { problem: 14, deadline: 5 },
      { problem: 7, deadline: 5 },
      { problem: 13, deadline: 10 },
    ]),
    dispatch(4, '余业伟', [
      { problem: 9, deadline: 20, decision: '提请县长专题会研究，争取市级调剂占补平衡指标，县林业局限期报送使用林地审核材料' },
      { problem: 11, deadline: 10, decision: '提请县长专题会研究，县财政局统筹调度资金先行支付工程进度款' },
      { problem: 17, deadline: 10 },
    ]),
  ],
};
