// Drill-down: from a figure on the wall to the projects behind it, and to one project's card.
// Asked over the wall socket with an acknowledgement (`projects:list`, `project:card`).
import { z } from 'zod';
import { MAX_ID } from './ids.js';
import { MONTH_RE } from './dates.js';
import type { Yuan } from './money.js';
import { LAG_RULE_LABELS, type Alert, type DispatchLevel, type LagRule, type ProblemState, type Severity, type Stage } from './types.js';

/** Which projects a figure stands for. */
export type DrillStatus = 'all' | 'lagging' | 'started' | 'notStarted' | 'completed' | 'startPlanned' | 'completionPlanned';

export const DRILL_STATUSES: readonly DrillStatus[] = ['all', 'lagging', 'started', 'notStarted', 'completed', 'startPlanned', 'completionPlanned'];

export const DRILL_STATUS_LABELS: Record<DrillStatus, string> = {
  all: '全部项目',
  lagging: '滞后项目',
  started: '已开工',
  notStarted: '未开工',
  completed: '已竣工',
  startPlanned: '计划开工',
  completionPlanned: '计划竣工',
};

/** The list behind a figure. Every filter given narrows the list; status defaults to 'all'. */
export interface ProjectQuery {
  /** Shown above the list, e.g. "已开工项目" or "城市建设 · 滞后项目". */
  title: string;
  /** Domain code or name (the snapshot's GroupFigures.key / name). */
  domain?: string;
  /** Level code or name (省重点, 市重点 …). */
  level?: string;
  unitId?: number;
  /** 挂点 or 包干 leader. */
  leaderId?: number;
  township?: string;
  status?: DrillStatus;
  /** Only projects with a lag rule firing at this severity (an open alert of that colour). */
  severity?: Severity;
  /** Only projects with this lag rule firing (an open alert of that kind). */
  rule?: LagRule;
  /** Only projects with problems in this state ('open': 待协调 or 协调中; 'overdue': open and past due). */
  problemState?: 'open' | 'pending' | 'coordinating' | 'overdue';
  /** Only the project a problem belongs to. */
  problemId?: number;
  /**
   * The figures as they stood at the end of this month (YYYY-MM), as a frozen meeting shows them;
   * the wall's drill store adds it while the wall follows frozen figures.
   */
  asOf?: string;
}

/** One project in a drill-down list. */
export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  domain: string;
  unitId: number;
  unit: string;
  leader: string | null;
  township: string | null;
  stage: Stage;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  completed: Yuan;
  /** completed / annualPlan, 0..1+ */
  completionRate: number;
  /** 序时进度 (the target): planned to date / annualPlan. */
  scheduleShare: number;
  /** 完成/序时: completed / planned to date; 0 where nothing is planned yet, as in the snapshot. */
  scheduleRate: number;
  /** The worst severity when the project is lagging (counts in laggingCount), else null. */
  lagging: Severity | null;
  started: boolean;
  completedProject: boolean;
}

export interface ProjectListResult {
  /** At most DRILL_ROW_LIMIT rows, in the list's order. */
  rows: ProjectRow[];
  /** How many projects match (more than rows.length when the list was cut). */
  total: number;
  /** The month end (YYYY-MM-DD) the figures stand at when asked with asOf, else null (today's). */
  asOf: string | null;
}

/** A wall list longer than this is cut (a province-scale ledger); the title shows the full count. */
export const DRILL_ROW_LIMIT = 500;

/** One month of the card's curve: the plan and the accepted investment, and both cumulated. */
export interface CardMonth {
  month: string;
  plan: Yuan;
  actual: Yuan;
  planCum: Yuan;
  actualCum: Yuan;
}

export interface CardProblem {
  id: number;
  category: string;
  description: string;
  state: ProblemState;
  level: DispatchLevel;
  /** Who works on it: the coordinating unit, else whom it was asked of. */
  owner: string;
  ageDays: number;
  overdue: boolean;
  dueOn: string | null;
}

export interface CardLeader {
  id: number;
  name: string;
  title: string;
  /** 挂点 (one-to-one) or 包干 (in charge). */
  role: 'point' | 'charge';
}

export interface CardHistoryItem {
  at: string;
  kind: 'report' | 'audit';
  /** Plain Chinese, e.g. "2020-05 月报已采纳：完成投资320万元" or "修改项目信息：年度计划". */
  text: string;
  actor: string | null;
}

export interface ProjectCard {
  id: number;
  code: string;
  name: string;
  domain: string;
  /** Level names (省重点, 市重点 …). */
  levels: string[];
  stage: Stage;
  township: string | null;
  content: string;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  completed: Yuan;
  completionRate: number;
  /** Planned to date and the rate against it (序时进度). */
  schedulePlan: Yuan;
  scheduleRate: number;
  plannedStart: string | null;
  plannedCompletion: string | null;
  startedOn: string | null;
  completedOn: string | null;
  /** 形象进度 of the latest accepted report, and its month. */
  imageProgress: string | null;
  imageProgressMonth: string | null;
  lagging: Severity | null;
  /** Why it is lagging, in plain Chinese (the snapshot's reasons). */
  lagReasons: { rule: LagRule; severity: Severity; text: string }[];
  /** The twelve months of the campaign year; actual figures count through reportingMonth. */
  months: CardMonth[];
  reportingMonth: string;
  alerts: Alert[];
  problems: CardProblem[];
  leaders: CardLeader[];
  commissioner: string | null;
  unit: { id: number; name: string; leadUnit: string | null };
  /** Latest first, at most CARD_HISTORY_LIMIT. */
  history: CardHistoryItem[];
  /** The month end (YYYY-MM-DD) the figures stand at when asked with asOf, else null (today's). */
  asOf: string | null;
}

export const CARD_HISTORY_LIMIT = 30;

/** What a drill request answers when it cannot be served; fields as in a 422 for a bad query. */
export interface DrillError {
  error: string;
  fields?: Record<string, string>;
}

const LAG_RULES = Object.keys(LAG_RULE_LABELS) as [LagRule, ...LagRule[]];

const optionalText = (label: string) => z.string({ error: `${label}须为文字` }).trim().min(1, `${label}不能为空`).max(100, `${label}不超过100字`).optional();
const optionalId = (label: string) =>
  z.number({ error: `${label}须为正整数` }).int(`${label}须为正整数`).positive(`${label}须为正整数`).max(MAX_ID, `${label}超出范围`).optional();

const asOfMonth = z.string({ error: '截至月份须为 YYYY-MM 格式' }).regex(MONTH_RE, '截至月份须为 YYYY-MM 格式').optional();

/** A drill-down query as a client sends it; unknown keys are ignored. */
export const projectQueryInput = z.object(
  {
    title: z.string({ error: '请提供列表标题' }).trim().min(1, '请提供列表标题').max(100, '列表标题不超过100字'),
    domain: optionalText('领域'),
    level: optionalText('级别'),
    unitId: optionalId('单位编号'),
    leaderId: optionalId('领导编号'),
    township: optionalText('乡镇'),
    status: z.enum(DRILL_STATUSES as [DrillStatus, ...DrillStatus[]], { error: '状态取值无效' }).optional(),
    severity: z.enum(['yellow', 'orange', 'red'], { error: '预警等级须为 yellow、orange 或 red' }).optional(),
    rule: z.enum(LAG_RULES, { error: '预警类型取值无效' }).optional(),
    problemState: z.enum(['open', 'pending', 'coordinating', 'overdue'], { error: '问题状态取值无效' }).optional(),
    problemId: optionalId('问题编号'),
    asOf: asOfMonth,
  },
  { error: '查询条件须为对象' },
);

export const projectIdInput = z.number({ error: '项目编号须为正整数' }).int('项目编号须为正整数').positive('项目编号须为正整数').max(MAX_ID, '项目编号超出范围');

/** `project:card` asks with the project id alone (today's figures) or with the month end to stand at. */
export interface ProjectCardRequest {
  projectId: number;
  asOf?: string;
}

export const projectCardInput = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { projectId: v }),
  z.object({ projectId: projectIdInput, asOf: asOfMonth }),
);

/** GET /api/projects/schedule: each project's completion against its 序时 (the wall's figures, as of today). */
export interface ProjectSchedule {
  projectId: number;
  /** Completed this year and the plan due by now (序时), integer yuan. */
  completed: Yuan;
  schedulePlan: Yuan;
  /** completed ÷ annual plan and schedulePlan ÷ annual plan, as the drill-down's rows show them. */
  completionRate: number;
  scheduleShare: number;
}
