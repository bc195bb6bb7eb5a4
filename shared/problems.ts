// 问题台账 (销号式管理), 调度会 and 挂点领导 duties: the contract between server and screen.
import { z } from 'zod';
import { MAX_ID, queryId } from './ids.js';
import { isValidDate } from './dates.js';
import { dateError } from './schemas.js';
import type { Alert, DispatchLevel, ProblemState } from './types.js';

// ── Problems ────────────────────────────────────────────────────────────────────────────────

/**
 * What may be done to a problem. States (shared/types.ts ProblemState):
 *   pending (待协调) ─accept→ coordinating (协调中) ─resolve→ resolved (已解决) ─confirm→ closed (已销号)
 *   pending ─return→ returned (已退回, with a reason: not a county matter, duplicate …)
 *   pending ─resolve→ resolved (the unit solved it itself)
 *   resolved ─reopen→ coordinating (the resolution is not confirmed, with a reason)
 * `escalate` raises the level (分级调度 1 挂点领导 → 2 常务副县长 → 3 县长专题会) in pending or coordinating.
 */
export type ProblemAction = 'accept' | 'return' | 'resolve' | 'confirm' | 'reopen' | 'escalate';

export const PROBLEM_ACTION_LABELS: Record<ProblemAction, string> = {
  accept: '受理协调',
  return: '退回',
  resolve: '报告已解决',
  confirm: '确认销号',
  reopen: '重新协调',
  escalate: '提级调度',
};

export const PROBLEM_LEVEL_LABELS: Record<DispatchLevel, string> = {
  1: '挂点领导调度',
  2: '常务副县长调度',
  3: '县长专题会调度',
};

const text = (label: string, min = 2, max = 1000) =>
  z.string({ error: `请填写${label}` }).trim().min(min, `请填写${label}`).max(max, `${label}不超过${max}字`);
const isoDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isValidDate, dateError(label));

/** POST /api/problems/:id/actions — one transition, audited. */
export const problemActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accept'),
    /** The unit that leads the coordination (e.g. 县自然资源局). */
    coordinatingUnit: text('牵头协调单位', 2, 100),
    dueOn: isoDate('协调期限'),
  }),
  z.object({ action: z.literal('return'), reason: text('退回原因', 2, 500) }),
  z.object({ action: z.literal('resolve'), resolution: text('解决情况', 5, 2000) }),
  z.object({ action: z.literal('confirm') }),
  z.object({ action: z.literal('reopen'), reason: text('重新协调原因', 2, 500) }),
  z.object({ action: z.literal('escalate'), reason: text('提级原因', 2, 500) }),
], { error: '请选择操作' });
export type ProblemActionInput = z.infer<typeof problemActionInput>;

/** One step of a problem's history, as the ledger shows it. */
export interface ProblemStep {
  at: string;
  actor: string;
  action: ProblemAction | 'raise' | 'decision';
  fromState: ProblemState | null;
  toState: ProblemState;
  /** Reason, resolution or decision text. */
  note: string;
}

/** A held meeting that had a problem on its agenda: the day it was held and the deadline it set. */
export interface AgendaEntry {
  heldOn: string;
  deadline: string | null;
}

/** A problem in the ledger (问题台账), with where it stands. */
export interface ProblemDetail {
  id: number;
  projectId: number;
  project: string;
  projectCode: string;
  unitId: number;
  unit: string;
  domainId: number | null;
  domain: string | null;
  /** 一对一挂点领导 of the project. */
  leader: string | null;
  category: string;
  description: string;
  askedOf: string;
  coordinatingUnit: string | null;
  dueOn: string | null;
  state: ProblemState;
  level: DispatchLevel;
  resolution: string | null;
  resolvedBy: string | null;
  confirmedBy: string | null;
  returnReason: string | null;
  raisedBy: string;
  createdAt: string;
  closedAt: string | null;
  /** Held meetings that had it on the agenda. */
  meetings: number;
  /** Those meetings, oldest first, each with the deadline its decision set (null: none recorded). */
  agenda: AgendaEntry[];
  /**
   * 通报批评 (上犹 附件2 四(三) 「经过两次会议仍未落实的」): on the agenda of two or more held meetings,
   * not 销号, and the deadline its latest decision set has passed.
   */
  flagged: boolean;
  /** Open and past its due date. */
  overdue: boolean;
  /** Whole days since it was raised (China time). */
  ageDays: number;
}

/** GET /api/problems/:id — a problem with its history, oldest step first. */
export interface ProblemRecord extends ProblemDetail {
  steps: ProblemStep[];
}

const positiveId = queryId;

export const problemQuery = z.object({
  state: z.enum(['pending', 'coordinating', 'resolved', 'closed', 'returned', 'open'], { error: '状态须为 pending、coordinating、resolved、closed、returned 或 open' }).optional(),
  level: z.enum(['1', '2', '3'], { error: '调度层级须为1–3' }).transform(Number).optional(),
  category: z.string({ error: '问题类别须为文字' }).optional(),
  domainId: positiveId('领域编号').optional(),
  unitId: positiveId('单位编号').optional(),
});

// ── Meetings ───────────────────────────────────────────────────────────────────────────────

/** The three kinds of 上犹 附件2. */
export type MeetingKind = 'dispatch' | 'domain_group' | 'joint';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  dispatch: '调度推进会',
  domain_group: '领导小组会',
  joint: '部门联席会',
};

export const MEETING_KIND_NOTES: Record<MeetingKind, string> = {
  dispatch: '每季度召开，由总指挥主持，调度全部未销号问题，县长专题会事项优先',
  domain_group: '每月召开，分领域由领导小组组长主持，调度本领域问题',
  joint: '每月召开，由重推办召集相关部门，协调挂点领导层级的问题',
};

export type MeetingState = 'planned' | 'held';

export const meetingInput = z
  .object({
    kind: z.enum(['dispatch', 'domain_group', 'joint'], { error: '请选择会议类型' }),
    title: text('会议名称', 2, 100),
    /** Required for a 领导小组会. */
    domainId: z.number({ error: '请选择领域' }).int('请选择领域').positive('请选择领域').nullable().optional(),
    heldOn: isoDate('会议日期'),
    location: z.string({ error: '会议地点须为文字' }).trim().max(100, '会议地点不超过100字').default(''),
    chair: text('主持人', 2, 50),
  })
  .refine((m) => m.kind !== 'domain_group' || m.domainId, { message: '领导小组会须选择领域', path: ['domainId'] });
export type MeetingInput = z.infer<typeof meetingInput>;

/** PATCH /api/meetings/:id — while the meeting is still planned. */
export const meetingPatchInput = z
  .object({
    title: text('会议名称', 2, 100).optional(),
    heldOn: isoDate('会议日期').optional(),
    location: z.string().trim().max(100, '会议地点不超过100字').optional(),
    chair: text('主持人', 2, 50).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), '请填写要修改的内容');

/** PUT /api/meetings/:id/agenda — the problems on the agenda, in order (staff adjust the proposal). */
export const agendaInput = z.object({
  problemIds: z
    .array(z.number({ error: '议题须为问题编号' }).int('议题须为问题编号').positive('议题须为问题编号').max(MAX_ID, '议题须为问题编号'), { error: '请选择议题' })
    .max(200, '议题不超过200个')
    .refine((ids) => new Set(ids).size === ids.length, '议题不能重复'),
});

/** PUT /api/meetings/:id/attendance */
export const attendanceInput = z.object({
  attendees: z
    .array(z.string({ error: '参会人员须为文字' }).trim().min(1, '参会人员不能为空').max(50, '参会人员不超过50字'), { error: '请填写参会人员' })
    .max(200, '参会人员不超过200人'),
});

/** POST /api/meetings/:id/decisions — 议定事项 on one agenda item. */
export const decisionInput = z.object({
  problemId: z.number({ error: '请选择议题' }).int('请选择议题').positive('请选择议题').max(MAX_ID, '请选择议题'),
  decision: text('议定事项', 2, 2000),
  owner: text('责任单位或责任人', 2, 100),
  deadline: isoDate('完成时限'),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export interface MeetingItem {
  problemId: number;
  sort: number;
  problem: ProblemDetail;
  decision: string | null;
  owner: string | null;
  deadline: string | null;
}

export interface Meeting {
  id: number;
  kind: MeetingKind;
  title: string;
  domainId: number | null;
  domain: string | null;
  heldOn: string;
  location: string;
  chair: string;
  state: MeetingState;
  attendees: string[];
  items: MeetingItem[];
  createdBy: string;
  createdAt: string;
  /** When the meeting was marked held (its decisions count from then). */
  heldAt: string | null;
}

/** GET /api/meetings/:id/proposal — open problems reported by the cut-off and in the meeting's scope. */
export interface AgendaProposal {
  /** The 3rd or 18th (settings.problemDeadlineDays) on or before the meeting day. */
  cutoff: string;
  problems: ProblemDetail[];
}

// ── Leader linkage (双挂制) and duties ───────────────────────────────────────────────────────

/** 附件3: a linked leader hears a monthly briefing and visits the site every quarter. */
export type DutyKind = 'monthly_briefing' | 'quarterly_visit';

export const DUTY_LABELS: Record<DutyKind, string> = {
  monthly_briefing: '每月听取项目推进汇报',
  quarterly_visit: '每季度到项目现场调研',
};

export interface DutyStatus {
  kind: DutyKind;
  /** 'YYYY-MM' for a month, 'YYYY-Qn' for a quarter. */
  period: string;
  dueOn: string;
  doneOn: string | null;
  note: string | null;
  overdue: boolean;
}

export const dutyInput = z.object({
  kind: z.enum(['monthly_briefing', 'quarterly_visit'], { error: '请选择履职事项' }),
  period: z.string({ error: '请填写期间' }).regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '期间须为 YYYY-MM 或 YYYY-Qn'),
  doneOn: isoDate('完成日期'),
  note: z.string({ error: '备注须为文字' }).trim().max(500, '备注不超过500字').default(''),
});

/** 附件4: a service commissioner (服务专员) calls weekly and, for 1亿+ projects, visits monthly. */
export type ContactKind = 'call' | 'visit';

export const contactInput = z.object({
  kind: z.enum(['call', 'visit'], { error: '请选择联系方式' }),
  on: isoDate('联系日期'),
  note: text('联系情况', 2, 1000),
});

export interface ContactStatus {
  projectId: number;
  project: string;
  commissioner: string | null;
  lastCall: string | null;
  lastVisit: string | null;
  /** A call is due when none in the last 7 days. */
  callDue: boolean;
  /** Only projects of 1亿 total investment or more owe a monthly visit. */
  visitDue: boolean;
}

/** One call or visit of a project's service commissioner, as recorded. */
export interface CommissionerContact {
  id: number;
  projectId: number;
  kind: ContactKind;
  on: string;
  note: string;
  recordedBy: string;
  createdAt: string;
}

/** GET /api/projects/:id/contacts — the record, newest first, and what is due. */
export interface ProjectContacts {
  status: ContactStatus;
  contacts: CommissionerContact[];
}

/** GET /api/leaders/:id/desk — what a leader's page shows. */
export interface LeaderDesk {
  leader: { id: number; name: string; title: string; rank: string };
  /** Projects where the leader is the 一对一挂点领导 or the 包干领导. */
  projects: { id: number; code: string; name: string; unit: string; role: 'linked' | 'charge'; completionRate: number; scheduleShare: number; lagging: boolean }[];
  /** The open alerts of the leader's projects, by id, and whole (the wall's snapshot lists only a part of a large ledger's). */
  alerts: number[];
  openAlerts: Alert[];
  problems: ProblemDetail[];
  duties: DutyStatus[];
  contacts: ContactStatus[];
}

// ── The wall's problem-ledger panel ─────────────────────────────────────────────────────────

export interface ProblemSummary {
  pending: number;
  coordinating: number;
  /** Resolved, awaiting confirmation. */
  resolved: number;
  closedThisMonth: number;
  overdue: number;
  flagged: number;
  byCategory: { category: string; open: number; closed: number }[];
  /** The oldest open items, oldest first, at most 8. */
  oldest: { id: number; project: string; unit: string; category: string; description: string; ageDays: number; level: DispatchLevel; overdue: boolean }[];
}
