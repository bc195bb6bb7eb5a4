// Hand-made problems and meetings (上犹 2021): defaults for everything, override what a test is about.
import type { Meeting, MeetingItem, ProblemDetail } from '../../../shared/problems.js';

/** A pending level-1 problem of 县工信局's project in the 工业 domain, raised 2021-03-01 at 10:00 China time. */
export function problem(id: number, overrides: Partial<ProblemDetail> = {}): ProblemDetail {
  return {
    id,
    projectId: 100 + id,
    project: `项目${id}`,
    projectCode: `SY-2021-${String(id).padStart(3, '0')}`,
    unitId: 1,
    unit: '县工信局',
    domainId: 1,
    domain: '工业',
    leader: '王华',
    category: '用地保障',
    description: `问题${id}`,
    askedOf: '县自然资源局',
    coordinatingUnit: null,
    dueOn: null,
    state: 'pending',
    level: 1,
    resolution: null,
    resolvedBy: null,
    confirmedBy: null,
    returnReason: null,
    raisedBy: '李明',
    createdAt: '2021-03-01T02:00:00.000Z',
    closedAt: null,
    meetings: 0,
    agenda: [],
    flagged: false,
    overdue: false,
    ageDays: 0,
    ...overrides,
  };
}

export function item(sort: number, p: ProblemDetail, decision: Partial<Pick<MeetingItem, 'decision' | 'owner' | 'deadline'>> = {}): MeetingItem {
  return { problemId: p.id, sort, problem: p, decision: null, owner: null, deadline: null, ...decision };
}

const LAND = problem(1, {
  project: '上犹县电子信息产业园标准厂房（三期）',
  unit: '县工业园区管委会',
  category: '用地保障',
  description: '三期用地约86亩农转用报批未获批复，影响场平施工',
  coordinatingUnit: '县自然资源局',
  state: 'coordinating',
  level: 2,
  meetings: 2,
  flagged: true,
  dueOn: '2021-03-31',
});

const FUNDS = problem(2, {
  project: '上犹县城区污水管网改造工程',
  unit: '县城投公司',
  domainId: 4,
  domain: '重大基础设施',
  category: '资金筹措',
  description: '专项债资金3000万元尚未拨付到位',
  coordinatingUnit: '县财政局',
  state: 'coordinating',
});

const APPROVAL = problem(3, {
  project: '陡水湖旅游度假区游客服务中心',
  unit: '县文广新旅局',
  domainId: 3,
  domain: '服务业',
  category: '审批协调',
  description: '施工许可办理需消防设计审查意见',
});

/** A held quarterly 调度推进会 with three items: one decided, one undecided, one 通报批评. */
export const DISPATCH_MEETING: Meeting = {
  id: 7,
  kind: 'dispatch',
  title: '2021年第一季度“项目大会战”调度推进会',
  domainId: null,
  domain: null,
  heldOn: '2021-04-08',
  location: '县政府三楼会议室',
  chair: '县长刘强',
  state: 'held',
  attendees: ['县长刘强', '常务副县长陈明', '县发改委主任周平', '县自然资源局局长吴涛', '县财政局局长黄丽', '县工业园区管委会主任钟伟'],
  items: [
    item(1, LAND, { decision: '由县自然资源局牵头，4月20日前完成农转用报批材料补正并报省厅审批；县工业园区管委会同步做好场平前期准备', owner: '县自然资源局', deadline: '2021-04-30' }),
    item(2, FUNDS, { decision: '县财政局于4月15日前拨付专项债资金3000万元', owner: '县财政局', deadline: '2021-04-15' }),
    item(3, APPROVAL),
  ],
  createdBy: '重推办',
  createdAt: '2021-04-01T01:00:00.000Z',
  heldAt: '2021-04-08T03:00:00.000Z',
};

/** A 部门联席会 with nothing on its agenda. */
export const EMPTY_MEETING: Meeting = {
  ...DISPATCH_MEETING,
  id: 8,
  kind: 'joint',
  title: '4月份重大项目建设协调推进部门联席会',
  chair: '县发改委主任周平',
  location: '',
  attendees: [],
  items: [],
};
