// Request and response shapes of the accounts, ledger-admin and reporting endpoints (issue 3),
// with the zod schemas the server validates by and the screen's forms reuse. Messages are Chinese.
import { z } from 'zod';
import { isValidDate, MONTH_RE } from './dates.js';
import { MAX_ID, queryId, recordId } from './ids.js';
import { dateError, wanAmount } from './schemas.js';
import type { ProblemState, Report, ReportStatus, Role, Stage } from './types.js';

const name = (label: string, max = 64) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);
const password = z.string({ error: '请填写密码' }).min(8, '密码至少8位').max(128, '密码不超过128位');
const optionalId = recordId().nullable().optional();
const date = (label: string) => z.string().refine(isValidDate, dateError(label)).nullable().optional();

export const ROLES = ['admin', 'unit', 'leader'] as const satisfies readonly Role[];

export const userCreateInput = z
  .object({
    username: z.string({ error: '请填写用户名' }).trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为3–32位字母、数字或 _ . -'),
    displayName: name('姓名'),
    role: z.enum(ROLES, { error: '请选择角色' }),
    unitId: optionalId,
    leaderId: optionalId,
    password,
  })
  .refine((u) => u.role !== 'unit' || u.unitId, { message: '责任单位账号须选择所属单位', path: ['unitId'] });

export const userPatchInput = z.object({
  displayName: name('姓名').optional(),
  role: z.enum(ROLES).optional(),
  unitId: optionalId,
  leaderId: optionalId,
  disabled: z.boolean().optional(),
});

export const passwordChangeInput = z.object({ currentPassword: z.string().min(1, '请填写当前密码'), newPassword: password });
export const passwordResetInput = z.object({ password });
export const unitInput = z.object({ name: name('单位名称') });
export const displayTokenInput = z.object({
  name: name('大屏名称'),
  /** Playlist interval for this wall, seconds. */
  rotateSeconds: z.number().int().min(10, '轮播间隔至少10秒').max(3600, '轮播间隔不超过3600秒').optional(),
  /** Follow meeting mode (会议模式); default true. */
  followsMeetings: z.boolean({ error: '跟随会议模式须为是或否' }).optional(),
});

/** PATCH /api/display-tokens/:id — whether the wall follows meeting mode. */
export const displayTokenPatchInput = z.object({
  followsMeetings: z.boolean({ error: '跟随会议模式须为是或否' }),
});

/** A user as the admin console lists it. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unit: string | null;
  leaderId: number | null;
  leader: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface DisplayTokenView {
  id: number;
  name: string;
  rotateSeconds: number;
  /** Follows meeting mode (the presenter's page, project and frozen figures) or stays free. */
  followsMeetings: boolean;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** Returned once, when the token is made: the secret is not stored and cannot be shown again. */
export interface DisplayTokenCreated extends DisplayTokenView {
  token: string;
  /** Path to open on the kiosk: "/?token=…". */
  url: string;
}

export const STAGES = ['reserve', 'preparing', 'construction', 'completed', 'operating'] as const satisfies readonly Stage[];

/** Staff's edit of a project; rowVersion is the version they loaded (a stale edit gets 409). */
export const projectPatchInput = z.object({
  rowVersion: z.number({ error: '缺少版本号，请刷新后重试' }).int().positive(),
  name: name('项目名称', 200).optional(),
  domainId: recordId('领域').optional(),
  levels: z.array(z.string().min(1, '级别不能为空').max(20, '级别不超过20字')).max(20, '级别不超过20个').optional(),
  unitId: recordId('责任单位').optional(),
  leadUnit: z.string().max(100, '牵头单位不超过100字').nullable().optional(),
  leaderId: optionalId,
  chargeLeaderId: optionalId,
  commissioner: z.string().max(100, '服务专员不超过100字').nullable().optional(),
  totalInvestment: wanAmount('总投资').refine((y) => y >= 0, '总投资不能为负数').optional(),
  plannedStart: date('计划开工日期'),
  plannedCompletion: date('计划竣工日期'),
  stage: z.enum(STAGES).optional(),
  township: z.string().max(50, '所在乡镇不超过50字').nullable().optional(),
  lat: z.number({ error: '纬度须为数字' }).min(-90, '纬度须在-90至90之间').max(90, '纬度须在-90至90之间').nullable().optional(),
  lon: z.number({ error: '经度须为数字' }).min(-180, '经度须在-180至180之间').max(180, '经度须在-180至180之间').nullable().optional(),
  content: z.string().max(2000, '建设内容不超过2000字').optional(),
});

/** Annual plan and, optionally, twelve monthly plans (万元) that must add up to it. */
export const planInput = z
  .object({
    rowVersion: z.number({ error: '缺少版本号，请刷新后重试' }).int().positive(),
    annualPlan: wanAmount('年度计划投资').refine((y) => y >= 0, '年度计划投资不能为负数'),
    monthly: z.array(wanAmount('月度计划').refine((y) => y >= 0, '月度计划不能为负数')).length(12, '月度计划须为12个月').nullable(),
  })
  .refine((p) => !p.monthly || p.monthly.reduce((a, b) => a + b, 0) === p.annualPlan, {
    message: '12个月的月度计划之和须等于年度计划投资',
    path: ['monthly'],
  });

export const returnInput = z.object({ reason: z.string({ error: '请填写退回原因' }).trim().min(2, '请填写退回原因').max(500, '退回原因不超过500字') });

export const monthQuery = z.object({ month: z.string().regex(MONTH_RE, '月份须为 YYYY-MM 格式').optional() });

export type MonthStatus = 'missing' | Exclude<ReportStatus, never> | 'draft';

/** One project's row in a month's reporting overview. */
export interface MonthReportRow {
  projectId: number;
  code: string;
  name: string;
  unitId: number;
  unit: string;
  /** The latest revision for the month (any status), or null when nothing was filed. */
  latest: Report | null;
  /** The latest accepted revision, which the figures use. */
  accepted: Report | null;
  status: MonthStatus;
  /** Filed (first submitted) after the deadline, or still missing after it. */
  late: boolean;
}

/** The reporting cycle as of today: 月报 due by the deadline day, problems by the 3rd and the 18th. */
export interface ReportingCalendar {
  today: string;
  reportingMonth: string;
  reportDeadline: string;
  /** Negative once the deadline has passed. */
  daysToReportDeadline: number;
  nextProblemDeadline: string;
  daysToProblemDeadline: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** The project the row concerns (a project's edit, its reports, problems and alerts), else null. */
  projectId?: number | null;
  /** What the row is about in words: the project's name, else the unit's, user's, meeting's … name. */
  subject?: string | null;
}

const AUDIT_LIMIT_MESSAGE = '条数须为1–500的整数';

/** GET /api/audit: a page of the log, newest first, by 操作人, 操作 (an action or a kind), 项目 and 日期. */
export const auditQuery = z.object({
  limit: z.string().regex(/^[0-9]{1,3}$/, AUDIT_LIMIT_MESSAGE).transform(Number).pipe(z.number().min(1, AUDIT_LIMIT_MESSAGE).max(500, AUDIT_LIMIT_MESSAGE)).default(100),
  before: queryId('审计记录编号').optional(),
  actor: z.string().trim().min(1, '操作人不能为空').max(100, '操作人不超过100字').optional(),
  action: z.string().trim().regex(/^[a-z_]+(\.[a-z_.]+)?$/, '操作类型格式不正确').max(60, '操作类型格式不正确').optional(),
  projectId: queryId('项目编号').optional(),
  from: date('起始日期').optional(),
  to: date('截止日期').optional(),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { message: '起始日期不能晚于截止日期', path: ['to'] });

/** GET /api/audit/facets: who appears in the log and what was done, for the filters. */
export interface AuditFacets {
  actors: string[];
  actions: string[];
}

export interface ProjectHistory {
  reports: Report[];
  audit: AuditEntry[];
}

/** The default 问题类别: 弋阳's four coordination groups. A campaign configures its own (settings.problemCategories). */
export const PROBLEM_CATEGORIES = ['资金筹措', '用地保障', '审批协调', '工程建设'] as const;

/** A problem a unit asks the county to coordinate, raised with its monthly report. The server checks the category against the campaign's. */
export const problemInput = z.object({
  category: z.string({ error: '请选择问题类别' }).trim().min(1, '请选择问题类别').max(20, '问题类别不超过20字'),
  description: z.string({ error: '请描述问题' }).trim().min(5, '请具体描述问题（至少5字）').max(2000, '问题描述不超过2000字'),
  askedOf: z.string().trim().max(500, '需协调事项不超过500字').default(''),
  dueOn: date('期望解决日期'),
});

/** problemInput held to a campaign's own categories (settings.problemCategories), as the server checks it. */
export function problemInputFor(categories: readonly string[]) {
  return problemInput.extend({
    category: problemInput.shape.category.refine((c) => categories.includes(c), `问题类别须为：${categories.join('、')}`),
  });
}

export interface ProblemView {
  id: number;
  projectId: number;
  project: string;
  unit: string;
  category: string;
  description: string;
  askedOf: string;
  dueOn: string | null;
  state: ProblemState;
  raisedBy: string;
  createdAt: string;
  closedAt: string | null;
}

export const acknowledgeInput = z.object({
  text: z.string({ error: '请填写情况说明' }).trim().min(5, '请具体说明滞后原因和整改措施（至少5字）').max(2000, '情况说明不超过2000字'),
});

export const escalateInput = z.object({
  reason: z.string({ error: '请填写提级原因' }).trim().min(2, '请填写提级原因').max(500, '提级原因不超过500字'),
});

export const letterInput = z.object({
  kind: z.enum(['warning', 'supervision'], { error: '请选择函件类型' }),
  unitId: z.number({ error: '请选择责任单位' }).int('请选择责任单位').positive('请选择责任单位').max(MAX_ID, '责任单位不存在'),
  /** The alerts the letter covers; all of the unit's open alerts when omitted. */
  alertIds: z.array(recordId('预警编号'), { error: '所选预警须为列表' }).min(1, '请至少选择一条预警').optional(),
});

export const alertQuery = z.object({
  includeCleared: z.enum(['0', '1']).optional(),
  level: z.enum(['1', '2', '3'], { error: '调度层级须为1–3' }).transform(Number).optional(),
});

export interface LetterView {
  id: number;
  kind: 'warning' | 'supervision';
  docNumber: string;
  unitId: number;
  unit: string;
  title: string;
  month: string;
  issuedOn: string;
  deadline: string;
  alertIds: number[];
  projectIds: number[];
  issuedBy: string;
  createdAt: string;
}

const points = (label: string) => z.number({ error: `请填写${label}` }).min(0, `${label}不能为负`).max(100, `${label}不超过100`);

const weight = (label: string) => z.number({ error: `请填写${label}` }).min(0, `${label}不能为负`).max(100, `${label}不超过100`);
const prefix = (label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(20, `${label}不超过20字`);

/** Staff's thresholds and document settings for the campaign year. */
export const settingsInput = z
  .object({
    lagYellowPoints: points('黄色预警阈值'),
    lagOrangePoints: points('橙色预警阈值'),
    lagRedPoints: points('红色预警阈值'),
    reportDeadlineDay: z.number({ error: '请填写月报截止日' }).int('截止日须为整数').min(1, '截止日须在1–28日之间').max(28, '截止日须在1–28日之间'),
    problemDeadlineDays: z
      .array(z.number({ error: '截止日须为数字' }).int('截止日须为整数').min(1, '截止日须在1–28日之间').max(28, '截止日须在1–28日之间'), { error: '请设置问题报送截止日' })
      .min(1, '至少设置一个问题报送截止日')
      .max(4, '问题报送截止日最多4个'),
    rankingWeights: z.object({
      investment: weight('投资进度权重'),
      start: weight('开工率权重'),
      completion: weight('竣工率权重'),
      timeliness: weight('报送及时率权重'),
      problems: weight('问题解决率权重'),
    }, { error: '请设置排名权重' }).refine((w) => Object.values(w).some((v) => v > 0), '权重不能全为0'),
    issuingOffice: z.string({ error: '发文机关须为文字' }).trim().max(50, '发文机关不超过50字'),
    letterPrefixes: z.object({ warning: prefix('预警提示函文号前缀'), supervision: prefix('督办函文号前缀') }, { error: '请设置文号前缀' }),
    letterDeadlineDays: z.number({ error: '请填写整改期限' }).int('整改期限须为整数天').min(1, '整改期限至少1天').max(90, '整改期限不超过90天'),
    problemCategories: z
      .array(z.string({ error: '问题类别须为文字' }).trim().min(1, '问题类别不能为空').max(20, '问题类别不超过20字'), { error: '请设置问题类别' })
      .min(1, '至少设置一个问题类别')
      .max(12, '问题类别最多12个')
      .refine((names) => new Set(names).size === names.length, '问题类别不能重复'),
  })
  .partial()
  .refine((s) => s.lagYellowPoints === undefined || s.lagOrangePoints === undefined || s.lagYellowPoints < s.lagOrangePoints, {
    message: '橙色阈值须大于黄色阈值', path: ['lagOrangePoints'],
  })
  .refine((s) => s.lagOrangePoints === undefined || s.lagRedPoints === undefined || s.lagOrangePoints < s.lagRedPoints, {
    message: '红色阈值须大于橙色阈值', path: ['lagRedPoints'],
  });

/** 月通报 as GET /api/bulletins/:month returns it (the server builds its .docx and .xlsx from the same). */
export interface BulletinView {
  county: string;
  year: number;
  /** The month reported on, YYYY-MM. */
  month: string;
  title: string;
  issuingOffice: string;
  issuedOn: string;
  /** 数据截至: the month's last day; every figure is as of it (口径说明). */
  asOf: string;
  /** 序时进度 share of the year (planned to date / annual plan). */
  scheduleShare: number;
  totals: import('./snapshot.js').Totals;
  byDomain: import('./snapshot.js').GroupFigures[];
  byLevel: import('./snapshot.js').GroupFigures[];
  byLeader: import('./snapshot.js').LeaderFigures[];
  ranking: import('./snapshot.js').UnitRank[];
  weights: import('./types.js').RankingWeights;
  lagging: import('./snapshot.js').LaggingProject[];
  /** 同比: the county's previous year as of the same month end, when it is in the store. */
  priorYear?: import('./snapshot.js').PriorYear | null;
  problems: {
    /** 未销号: pending, coordinating and 已解决 awaiting 销号. */
    open: number;
    /** Of the open: 已解决 awaiting 销号. */
    resolved: number;
    overdue: number;
    /** 通报批评 (经过两次会议仍未落实). */
    flagged: number;
    closedThisMonth: number;
    /** open: 未销号; resolved: 已销号. */
    byCategory: { category: string; open: number; resolved: number }[];
    /** The open ones, oldest first. */
    items: ProblemView[];
  };
}
