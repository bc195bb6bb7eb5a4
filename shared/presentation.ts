// Meeting mode (会议模式): a presenter's tablet drives the walls — the page, the project in focus,
// figures frozen at a month end, stepping through the lagging projects. The contract of server and screen.
import { z } from 'zod';
import { MAX_ID } from './ids.js';
import { addMonths, isValidDate, MONTH_RE, monthIndex, reportingMonth, yearOf } from './dates.js';
import { dateError } from './schemas.js';
import type { LaggingProject, Snapshot } from './snapshot.js';
import { WALL_PAGES, type WallPageKey } from './wall.js';

/** Figures frozen at the end of `month` (YYYY-MM); `asOf` is that month's last day (YYYY-MM-DD). */
export interface FrozenAt {
  month: string;
  asOf: string;
}

/** Where the presenter is in the lagging list: index (0-based) of total. */
export interface LaggingStep {
  index: number;
  total: number;
}

/** The one meeting-mode session of a campaign, as every wall and tablet sees it. Small: it is pushed on every change. */
export interface PresentationState {
  /** Session number, new with every start. */
  id: number;
  campaignId: number;
  presenter: { userId: number; name: string };
  startedAt: string;
  /** The 调度会 (GET /api/meetings) the session belongs to, if any; decisions on its agenda go to it. */
  meetingId: number | null;
  page: WallPageKey;
  /** The project in focus (the wall opens its card), or none. */
  projectId: number | null;
  frozen: FrozenAt | null;
  step: LaggingStep | null;
  updatedAt: string;
  /** Increases with every change of the campaign's session, across sessions: a wall ignores an older one. */
  seq: number;
}

/**
 * `presentation:state` when no session runs — it ended, or none had started when the wall connected —
 * with the campaign's seq at that point, so a wall drops any older state still on its way.
 */
export interface PresentationEnded {
  ended: true;
  campaignId: number;
  seq: number;
}

/** The payload of `presentation:state`. null (no seq) is an end as servers before PresentationEnded sent it. */
export type PresentationPush = PresentationState | PresentationEnded | null;

/** The running session a push carries, or null when it says none runs. */
export function runningOf(push: PresentationPush): PresentationState | null {
  return push === null || 'ended' in push ? null : push;
}

/** GET/POST/PATCH /api/presentation: the state and, for the tablet, the project in focus as the lagging list has it. */
export interface PresentationView {
  state: PresentationState | null;
  focus: LaggingProject | null;
}

/**
 * Pushed as `presentation:snapshot` when the figures are frozen (just before the state that freezes
 * them), and to a wall connecting meanwhile (just after the state). A wall takes it only for the
 * session and month of its state, or as the figures of a state newer than any it has seen.
 */
export interface FrozenSnapshot extends FrozenAt {
  sessionId: number;
  /** The seq of the session's state these figures belong to (always sent; absent only from older servers). */
  seq?: number;
  snapshot: Snapshot;
}

const page = z.enum(WALL_PAGES, { error: `页面须为：${WALL_PAGES.join('、')}` });
const id = (label: string) => z.number({ error: `${label}须为正整数` }).int(`${label}须为正整数`).positive(`${label}须为正整数`).max(MAX_ID, `${label}超出范围`);
const text = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(min, `请填写${label}`).max(max, `${label}不超过${max}字`);

/** POST /api/presentation — start (or, with takeover, take over) the campaign's session. */
export const presentationStartInput = z.object({
  meetingId: id('会议编号').nullable().optional(),
  page: page.optional(),
  /** Another user's session is running: take it over (otherwise 409). */
  takeover: z.boolean({ error: 'takeover 须为 true 或 false' }).optional(),
});
export type PresentationStartInput = z.infer<typeof presentationStartInput>;

/** PATCH /api/presentation — what the presenter changed. */
export const presentationPatchInput = z
  .object({
    page: page.optional(),
    projectId: id('项目编号').nullable().optional(),
    /** Freeze at this month's end, or null for live figures. */
    frozen: z.string({ error: '月份须为 YYYY-MM 格式' }).regex(MONTH_RE, '月份须为 YYYY-MM 格式').nullable().optional(),
    step: z.enum(['next', 'prev'], { error: 'step 须为 next 或 prev' }).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '请指定要切换的内容');
export type PresentationPatch = z.infer<typeof presentationPatchInput>;

/**
 * POST /api/presentation/decisions — 议定事项 for the project in focus: on one of its open problems
 * (problemId), or on a new problem of `category` raised for it.
 */
export const presentationDecisionInput = z
  .object({
    problemId: id('问题编号').optional(),
    category: z.string({ error: '请选择问题类别' }).trim().min(1, '请选择问题类别').max(50, '问题类别不超过50字').optional(),
    decision: text('议定事项', 2, 2000),
    owner: text('责任单位或责任人', 2, 100),
    deadline: z.string({ error: '请填写完成时限' }).refine(isValidDate, dateError('完成时限')),
  })
  .refine((d) => d.problemId !== undefined || d.category !== undefined, { message: '请选择已有问题或新问题的类别', path: ['category'] });
export type PresentationDecisionInput = z.infer<typeof presentationDecisionInput>;

/** "2020-10" → "2020-10-31" */
export function monthEnd(month: string): string {
  const next = addMonths(month, 1);
  return new Date(Date.parse(`${next}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The months whose end has passed in the campaign year, newest first: what the figures may be frozen at. */
export function freezableMonths(year: number, today: string): string[] {
  const last = reportingMonth(today);
  const through = yearOf(last) > year ? 12 : yearOf(last) < year ? 0 : monthIndex(last);
  return Array.from({ length: through }, (_, i) => `${year}-${String(through - i).padStart(2, '0')}`);
}

/** "2020-10-31" → "2020年10月31日" */
export function asOfLabel(asOf: string): string {
  return `${asOf.slice(0, 4)}年${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日`;
}
