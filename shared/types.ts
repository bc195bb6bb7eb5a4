// The ledger's entities as the server stores them and the screen shows them.
import type { Yuan } from './money.js';

/** 项目阶段: 储备 / 前期 / 在建 / 竣工 / 投产 */
export type Stage = 'reserve' | 'preparing' | 'construction' | 'completed' | 'operating';

export const STAGE_LABELS: Record<Stage, string> = {
  reserve: '储备',
  preparing: '前期',
  construction: '在建',
  completed: '竣工',
  operating: '投产',
};

export type Role = 'admin' | 'unit' | 'leader';

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', unit: '责任单位', leader: '县领导' };

/** A campaign year (e.g. 弋阳县 2020 "项目建设提速年"). */
export interface Campaign {
  id: number;
  county: string;
  year: number;
  title: string;
  /** The campaign's period (上犹 2021-2023); both equal `year` for a one-year campaign. */
  firstYear: number;
  lastYear: number;
  /** The demo profile's date, the product's "today" when `TODAY` is not set; null for a real county. */
  frozenToday: string | null;
  settings: CampaignSettings;
}

export interface CampaignSettings {
  /** Investment lagging threshold in percentage points behind 序时进度 (yellow). */
  lagYellowPoints: number;
  /** Points behind for orange and red. */
  lagOrangePoints: number;
  lagRedPoints: number;
  /** Day of the month by which last month's report is due. */
  reportDeadlineDay: number;
  /** Days of the month by which problems for county coordination are reported (上犹 附件2: 3rd and 18th). */
  problemDeadlineDays: number[];
  /** 比赶超 unit ranking: the weight of each component of the score (any non-negative numbers). */
  rankingWeights: RankingWeights;
  /** The office that issues letters and bulletins; empty means "{county}重点项目推进办公室". */
  issuingOffice: string;
  /** 文号 prefixes, e.g. 弋重推预字 → 弋重推预字〔2020〕3号. */
  letterPrefixes: Record<LetterKind, string>;
  /** Days a unit is given to act on a letter. */
  letterDeadlineDays: number;
  /** 问题类别: the coordination groups problems are raised under (弋阳: 资金筹措, 用地保障, 审批协调, 工程建设). */
  problemCategories: string[];
}

export interface RankingWeights {
  investment: number;
  start: number;
  completion: number;
  timeliness: number;
  problems: number;
}

/** 预警提示函 (warning) to a unit for its lagging projects; 督办函 (supervision) for units that do not act. */
export type LetterKind = 'warning' | 'supervision';

export const LETTER_KIND_LABELS: Record<LetterKind, string> = { warning: '预警提示函', supervision: '督办函' };

export const DEFAULT_SETTINGS: CampaignSettings = {
  lagYellowPoints: 10,
  lagOrangePoints: 20,
  lagRedPoints: 30,
  reportDeadlineDay: 5,
  problemDeadlineDays: [3, 18],
  rankingWeights: { investment: 40, start: 15, completion: 15, timeliness: 15, problems: 15 },
  issuingOffice: '',
  letterPrefixes: { warning: '重推预字', supervision: '重推督字' },
  letterDeadlineDays: 10,
  problemCategories: ['资金筹措', '用地保障', '审批协调', '工程建设'],
};

/** 领域 / 类别 with the year's investment target. */
export interface Domain {
  id: number;
  code: string;
  name: string;
  target: Yuan;
  /** A multi-year campaign's target for its whole period (上犹 工业50亿 over 2021-2023), null when none. */
  periodTarget?: Yuan | null;
  sortOrder: number;
}

/** 项目级别 tag (省重点, 市重点 …) with the plan's stated totals, where the plan gives them. */
export interface Level {
  code: string;
  name: string;
  plannedCount: number | null;
  plannedAnnual: Yuan | null;
  periodTarget?: Yuan | null;
}

export interface Unit {
  id: number;
  name: string;
}

/** 县领导. rank drives 分级调度 escalation: 挂点领导 → 常务副县长 → 县长. */
export type LeaderRank = 'county_head' | 'executive_deputy' | 'deputy' | 'other';

export interface Leader {
  id: number;
  name: string;
  title: string;
  rank: LeaderRank;
}

export interface Project {
  id: number;
  code: string;
  name: string;
  /** null in a campaign grouped by levels only. */
  domainId: number | null;
  domain: string | null;
  levels: string[];
  /** 责任单位: the unit that reports on the project. */
  unitId: number;
  unit: string;
  /** 牵头单位 when different from the responsible unit. */
  leadUnit: string | null;
  /** 一对一挂点领导 */
  leaderId: number | null;
  leader: string | null;
  /** 分管包干领导 */
  chargeLeaderId: number | null;
  chargeLeader: string | null;
  /** 服务专员 */
  commissioner: string | null;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  plannedStart: string | null;
  plannedCompletion: string | null;
  startedOn: string | null;
  completedOn: string | null;
  stage: Stage;
  township: string | null;
  lat: number | null;
  lon: number | null;
  content: string;
  /** Completed this campaign year: the ledger import's opening balance, if any, plus every accepted report of later months (the open month included). */
  completedToDate: Yuan;
  /** 开工以来累计完成投资: the opening's since-start figure plus accepted reports of later months. */
  investmentSinceStart: Yuan;
  /** Increases with every edit; an edit made against an older one is refused (409). */
  rowVersion: number;
}

/** draft: saved by the unit, not yet sent; submitted: awaiting staff review; accepted: counts; returned: sent back. */
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};

/** One revision of a project's monthly report. Revisions are never overwritten. */
export interface Report {
  id: number;
  projectId: number;
  month: string;
  revision: number;
  /** Investment completed in that month. */
  investment: Yuan;
  /** 形象进度 */
  progress: string;
  startedOn: string | null;
  completedOn: string | null;
  remark: string;
  status: ReportStatus;
  submittedBy: string;
  createdAt: string;
  /** Staff's reason when the report was returned. */
  returnReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export type Severity = 'yellow' | 'orange' | 'red';

export const SEVERITY_LABELS: Record<Severity, string> = { yellow: '黄色', orange: '橙色', red: '红色' };

export type LagRule =
  | 'investment_behind'
  | 'start_overdue'
  | 'completion_overdue'
  | 'report_missing'
  | 'problem_overdue'
  | 'problem_stalled';

export const LAG_RULE_LABELS: Record<LagRule, string> = {
  investment_behind: '投资滞后',
  start_overdue: '开工逾期',
  completion_overdue: '竣工逾期',
  report_missing: '未按时报送',
  problem_overdue: '问题逾期未解决',
  problem_stalled: '问题两次会议未解决',
};

/**
 * raised → acknowledged (the unit explains) → letter_issued (预警提示函 / 督办函) → cleared when the rule
 * no longer fires (整改到位). Escalation raises `level` at any open state.
 */
export type AlertState = 'raised' | 'acknowledged' | 'letter_issued' | 'cleared';

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  raised: '已预警',
  acknowledged: '单位已说明',
  letter_issued: '已发函',
  cleared: '已整改',
};

/** 分级调度 (弋阳): 1 挂点领导 (dispatches every 10 days) → 2 常务副县长 → 3 县长 (专题会议). */
export type DispatchLevel = 1 | 2 | 3;

export const DISPATCH_LEVEL_LABELS: Record<DispatchLevel, string> = { 1: '挂点领导调度', 2: '常务副县长调度', 3: '县长调度' };

export interface Alert {
  id: number;
  projectId: number;
  project: string;
  unit: string;
  unitId: number;
  /** 一对一挂点领导 of the project, who handles level 1. */
  leader: string | null;
  rule: LagRule;
  severity: Severity;
  text: string;
  state: AlertState;
  level: DispatchLevel;
  raisedAt: string;
  clearedAt: string | null;
  /** The unit's explanation (情况说明). */
  acknowledgement: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  /** The latest letter issued on this alert. */
  letterId: number | null;
  letterNumber: string | null;
}

/** 问题 states (销号式管理): 待协调 → 协调中 → 已解决 → 已销号, or 退回. */
export type ProblemState = 'pending' | 'coordinating' | 'resolved' | 'closed' | 'returned';

export const PROBLEM_STATE_LABELS: Record<ProblemState, string> = {
  pending: '待协调',
  coordinating: '协调中',
  resolved: '已解决',
  closed: '已销号',
  returned: '已退回',
};

export const OPEN_PROBLEM_STATES: readonly ProblemState[] = ['pending', 'coordinating'];

/** 未销号 (口径说明): not yet closed by staff — a unit's own 已解决 stays open until 销号. Returned ones count nowhere. */
export const UNCLOSED_PROBLEM_STATES: readonly ProblemState[] = ['pending', 'coordinating', 'resolved'];

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  /** The county leader a leader account belongs to. */
  leaderId: number | null;
}

/** The office letters and bulletins are issued in the name of. */
export function issuingOffice(campaign: Pick<Campaign, 'county' | 'settings'>): string {
  return campaign.settings.issuingOffice || `${campaign.county}重点项目推进办公室`;
}
