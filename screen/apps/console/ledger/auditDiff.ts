// Audit rows as staff read them: what was done, and each changed field as "before → after".
import type { AuditEntry } from '../../../../shared/api.js';
import { formatWan } from '../../../../shared/money.js';
import { REPORT_STATUS_LABELS, ROLE_LABELS, STAGE_LABELS, type ReportStatus, type Role, type Stage } from '../../../../shared/types.js';

export const ACTION_LABELS: Record<string, string> = {
  'report.draft': '保存月报草稿',
  'report.submit': '报送月报',
  'report.accept': '采纳月报',
  'report.return': '退回月报',
  'report.import': '导入月报',
  'month.import': '导入月度数据',
  'project.update': '编辑项目',
  'project.plan': '调整投资计划',
  'project.milestones': '更新开工/竣工',
  'project.contact': '更新联系人',
  'project.opening': '设置年初累计',
  'project.import': '导入项目',
  'ledger.import': '导入项目台账',
  'problem.raise': '报送协调问题',
  'alert.acknowledge': '预警情况说明',
  'alert.escalate': '预警提级',
  'meeting.create': '新建调度会',
  'meeting.edit': '编辑调度会',
  'meeting.agenda': '调整会议议程',
  'meeting.attendance': '登记参会',
  'meeting.decision': '会议议定',
  'meeting.held': '会议召开',
  'presentation.start': '开始会议模式',
  'presentation.end': '结束会议模式',
  'presentation.freeze': '定格数据',
  'presentation.takeover': '接管遥控',
  'presentation.decision': '会上议定',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.password_reset': '重置密码',
  'user.password_change': '修改密码',
  'unit.create': '新建单位',
  'unit.rename': '单位更名',
  'unit.import': '导入单位',
  'leader.import': '导入县领导',
  'leader.duty': '调整领导分工',
  'display_token.create': '新建大屏令牌',
  'display_token.revoke': '停用大屏令牌',
  'display_token.follows': '大屏跟随会议',
  'notify.channel.create': '新建通知渠道',
  'notify.channel.update': '修改通知渠道',
  'notify.channel.delete': '删除通知渠道',
  'notify.channel.test': '测试通知渠道',
  'county_map.upload': '上传县域地图',
  'campaign.rollover': '年度结转',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'store.backup': '数据备份',
  seed: '导入演示数据',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** What an audit row is about, by its entity (an action's kind in the filter). */
export const ENTITY_LABELS: Record<string, string> = {
  project: '项目',
  report: '月报',
  problem: '问题',
  alert: '预警',
  meeting: '调度会',
  letter: '函件',
  user: '账号',
  unit: '单位',
  leader: '县领导',
  display_token: '大屏令牌',
  campaign: '年度',
  county_map: '县域地图',
  notify_channel: '通知渠道',
  store: '数据库',
};

export const entityLabel = (entity: string, id: string) => `${ENTITY_LABELS[entity] ?? entity} #${id}`;

/** 「月报 · 白马大桥」: the kind and the project's (or the object's) name; 「月报 #544」 when the server names none. */
export const subjectLabel = (entry: Pick<AuditEntry, 'entity' | 'entityId' | 'subject'>) =>
  entry.subject ? `${ENTITY_LABELS[entry.entity] ?? entry.entity} · ${entry.subject}` : entityLabel(entry.entity, entry.entityId);

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  domainId: '领域',
  levels: '级别',
  unitId: '责任单位',
  leadUnit: '牵头单位',
  leaderId: '挂点领导',
  chargeLeaderId: '包干领导',
  commissioner: '服务专员',
  totalInvestment: '总投资',
  annualPlan: '年度计划',
  previousAnnual: '原年度计划',
  monthly: '月度计划',
  previousMonthly: '原月度计划',
  plannedStart: '计划开工',
  plannedCompletion: '计划竣工',
  startedOn: '开工日期',
  completedOn: '竣工日期',
  stage: '阶段',
  township: '乡镇',
  content: '建设内容',
  month: '月份',
  revision: '版本',
  investment: '本月完成投资',
  progress: '形象进度',
  remark: '备注',
  status: '状态',
  reason: '退回原因',
  displayName: '姓名',
  username: '用户名',
  role: '角色',
  disabled: '停用',
  revoked: '停用',
  category: '类别',
  description: '问题描述',
  year: '年度',
  county: '县',
  projects: '项目数',
  reports: '月报数',
  bytes: '文件大小（字节）',
  outline: '轮廓',
  townshipPoints: '乡镇点位',
};

const AMOUNTS = new Set(['totalInvestment', 'annualPlan', 'previousAnnual', 'investment']);
/** Fields that are noise in a person's reading of the trail. */
const HIDDEN = new Set(['id', 'projectId', 'rowVersion', 'createdAt', 'submittedBy', 'reviewedBy', 'reviewedAt', 'returnReason', 'previousMonthly', 'previousAnnual']);

export function formatAuditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (AMOUNTS.has(field) && typeof value === 'number') return `${formatWan(value)}万元`;
  if (field === 'stage' && typeof value === 'string') return STAGE_LABELS[value as Stage] ?? value;
  if (field === 'status' && typeof value === 'string') return REPORT_STATUS_LABELS[value as ReportStatus] ?? value;
  if (field === 'role' && typeof value === 'string') return ROLE_LABELS[value as Role] ?? value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') && value.length === 12 ? `${formatWan(value.reduce((a, b) => a + b, 0))}万元（12个月合计）` : value.join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Names for ids (units, leaders, domains, level codes); undefined leaves the value as it is. */
export type Lookup = (field: string, value: unknown) => string | undefined;

/** The changed fields of an entry; for a creation (no before) the values it was created with. */
export function auditChanges(entry: Pick<AuditEntry, 'before' | 'after'>, lookup: Lookup = () => undefined): FieldChange[] {
  const show = (k: string, v: unknown) => (v === null || v === undefined ? formatAuditValue(k, v) : lookup(k, v) ?? formatAuditValue(k, v));
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const created = entry.before === null || entry.before === undefined;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .filter((k) => !created || (after[k] !== null && after[k] !== ''))
    .map((k) => ({
      field: k,
      label: FIELD_LABELS[k] ?? k,
      before: created ? null : show(k, before[k]),
      after: show(k, after[k]),
    }));
}
