// components.schemas: request bodies derived from the zod schemas the server validates by, and
// brief hand-written shapes of the replies (their full types are the interfaces in shared/).
import * as api from '../../../shared/api.js';
import * as problems from '../../../shared/problems.js';
import { loginInput, reportInput } from '../../../shared/schemas.js';
import { fromZod, list, ref, type JsonSchema } from './build.js';

const int = { type: 'integer' };
const str = { type: 'string' };
const bool = { type: 'boolean' };
const num = { type: 'number' };
const yuan = { type: 'integer', description: 'yuan (元)' };
const orNull = (type: string) => ({ type: [type, 'null'] });
const date = { type: 'string', description: 'YYYY-MM-DD' };
const nullableDate = { type: ['string', 'null'], description: 'YYYY-MM-DD' };
const wan = 'Amount in 万元: a decimal number or string, at most 4 decimals; stored as integer yuan';
const object = (properties: Record<string, object>, description?: string) => ({
  type: 'object',
  ...(description && { description }),
  properties,
});
const see = (where: string, properties: Record<string, object> = {}) => object(properties, `See ${where}; only the main fields are listed.`);

const inputs: Record<string, JsonSchema> = {
  LoginInput: fromZod(loginInput),
  PasswordChangeInput: fromZod(api.passwordChangeInput),
  PasswordResetInput: fromZod(api.passwordResetInput),
  ReportInput: fromZod(
    reportInput,
    {
      investment: `Completed in that month. ${wan}; not negative`,
      progress: '形象进度',
      startedOn: 'YYYY-MM-DD (开工日期)',
      completedOn: 'YYYY-MM-DD (竣工日期), not before startedOn',
      draft: 'Save without sending for review (units)',
      baseRevision: 'The revision the form was filled against (0: none yet); a newer one on the server gets 409',
    },
    'Admins file accepted reports; units file submitted ones (or drafts) for review.',
  ),
  ProjectPatchInput: fromZod(
    api.projectPatchInput,
    { rowVersion: 'Project.rowVersion as loaded; a stale one gets 409', totalInvestment: wan, plannedStart: 'YYYY-MM-DD', plannedCompletion: 'YYYY-MM-DD, not before plannedStart' },
    'Only the fields sent are changed.',
  ),
  PlanInput: fromZod(
    api.planInput,
    { rowVersion: 'Project.rowVersion as loaded; a stale one gets 409', annualPlan: wan, monthly: `Twelve monthly plans (${wan}) that add up to annualPlan, or null for none` },
  ),
  ReturnInput: fromZod(api.returnInput),
  ProblemInput: fromZod(api.problemInput, { category: "One of the campaign's settings.problemCategories", dueOn: 'YYYY-MM-DD, expected resolution' }),
  ProblemActionInput: fromZod(problems.problemActionInput, {}, 'accept {coordinatingUnit, dueOn}; return {reason}; resolve {resolution}; confirm {}; reopen {reason}; escalate {reason}.'),
  MeetingInput: fromZod(problems.meetingInput, { domainId: 'Required for a 领导小组会 (domain_group)', heldOn: 'YYYY-MM-DD, in the campaign year' }),
  MeetingPatchInput: fromZod(problems.meetingPatchInput, {}, 'Only the fields sent are changed.'),
  AgendaInput: fromZod(problems.agendaInput, { problemIds: 'Pending or coordinating problems, in agenda order' }),
  AttendanceInput: fromZod(problems.attendanceInput),
  DecisionInput: fromZod(problems.decisionInput, { owner: 'Becomes the problem\'s coordinating unit', deadline: 'YYYY-MM-DD, becomes the problem\'s due date' }),
  DutyInput: fromZod(problems.dutyInput, { period: 'YYYY-MM for monthly_briefing, YYYY-Qn for quarterly_visit' }),
  ContactInput: fromZod(problems.contactInput, { on: 'YYYY-MM-DD, not after today' }),
  AcknowledgeInput: fromZod(api.acknowledgeInput, { text: '情况说明: the reasons for the lag and the measures taken' }),
  EscalateInput: fromZod(api.escalateInput),
  LetterInput: fromZod(api.letterInput, { alertIds: "The alerts the letter covers; all of the unit's open alerts when omitted" }),
  SettingsInput: fromZod(api.settingsInput, {}, 'Only the fields sent are changed; thresholds must keep yellow < orange < red.'),
  UserCreateInput: fromZod(api.userCreateInput, { unitId: 'Required for the unit role' }),
  UserPatchInput: fromZod(api.userPatchInput, { disabled: 'Disabling, or changing role or unit, ends the user\'s sessions' }),
  UnitInput: fromZod(api.unitInput),
  DisplayTokenInput: fromZod(api.displayTokenInput, { rotateSeconds: 'Playlist interval for this wall, seconds' }),
};

const alertProps = {
  id: int, projectId: int, project: str, unitId: int, unit: str, leader: orNull('string'),
  rule: { enum: ['investment_behind', 'start_overdue', 'completion_overdue', 'report_missing', 'problem_overdue', 'problem_stalled'] },
  severity: { enum: ['yellow', 'orange', 'red'] }, text: str,
  state: { enum: ['raised', 'acknowledged', 'letter_issued', 'cleared'] },
  level: { enum: [1, 2, 3], description: '分级调度: 1 挂点领导, 2 常务副县长, 3 县长' },
  raisedAt: str, clearedAt: orNull('string'), acknowledgement: orNull('string'), letterId: orNull('integer'), letterNumber: orNull('string'),
};
const problemStates = ['pending', 'coordinating', 'resolved', 'closed', 'returned'];
const problemProps = {
  id: int, projectId: int, project: str, projectCode: str, unitId: int, unit: str, domainId: int, domain: str, leader: orNull('string'),
  category: str, description: str, askedOf: str, coordinatingUnit: orNull('string'), dueOn: nullableDate, state: { enum: problemStates },
  level: { enum: [1, 2, 3], description: '分级调度: 1 挂点领导, 2 常务副县长, 3 县长专题会' }, resolution: orNull('string'),
  resolvedBy: orNull('string'), confirmedBy: orNull('string'), returnReason: orNull('string'), raisedBy: str, createdAt: str, closedAt: orNull('string'),
  meetings: { type: 'integer', description: 'Held meetings that had it on the agenda' },
  flagged: { type: 'boolean', description: 'Open after two meetings: 通报批评' }, overdue: bool, ageDays: int,
};
const auditEntry = object({
  id: int, at: str, actor: str, action: str, entity: str, entityId: str, before: {}, after: {},
  projectId: { type: ['integer', 'null'], description: 'The project the row concerns (its edits, reports, problems, alerts)' },
  subject: { type: ['string', 'null'], description: "What the row is about in words: the project's name, else the object's" },
});

const replies: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { enum: ['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'internal', 'too_large', 'unsupported_media_type', 'unavailable'] },
          message: { type: 'string', description: 'Chinese, for people' },
          fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field path → message (422)' },
        },
      },
    },
  },
  Health: object({ status: { enum: ['ok', 'degraded'] }, store: { enum: ['pglite', 'postgres'] }, storeConnected: bool, cache: { enum: ['redis', 'memory'] }, cacheConnected: bool,
    today: { ...date, description: "The product's date (TODAY when set, else the date in China)" } }),
  User: object({ id: int, username: str, displayName: str, role: { enum: ['admin', 'unit', 'leader'] }, unitId: orNull('integer'), leaderId: orNull('integer') }),
  Session: object({ user: ref('User'), expiresInDays: int }),
  Snapshot: {
    ...see('shared/snapshot.ts Snapshot (amounts yuan, ratios 0..1)', {
      version: int, generatedAt: str, today: date,
      reportingMonth: { type: 'string', description: '数据统计至 (README 口径说明): money, plans and 序时 count through this month' },
      scheduleRatio: num,
      openMonth: {
        type: ['object', 'null'],
        description: '本月已报: accepted reports of the month still open (month, investment in yuan, projects), in no other figure; null at a month end',
      },
      totals: { type: 'object' }, byDomain: { type: 'array' }, byLevel: { type: 'array' },
      byLeader: { type: 'array', description: 'shared/snapshot.ts LeaderFigures: per county leader over their 挂点 and 包干 projects (a shared project counts for each)' },
      trend: { type: 'array' },
      lagging: { type: 'array' },
      alerts: { ...list('Alert'), description: 'The 50 most severe open alerts and those of the projects in lagging; GET /api/alerts has them all' },
      alertCounts: { type: 'object', description: 'shared/snapshot.ts AlertCounts: every open alert counted (total, bySeverity, byRule, byState, byLevel)' },
      ranking: { type: 'array' },
      rankingWeights: { type: 'object', description: 'shared/types.ts RankingWeights: the campaign\'s weights of the ranking components' },
      problems: { type: 'object', description: 'shared/problems.ts ProblemSummary' }, events: { type: 'array' },
    }),
    required: ['version'],
  },
  Campaign: object({
    id: int, county: str, year: int, firstYear: int, lastYear: int, title: str,
    frozenToday: { ...nullableDate, description: 'A demo profile\'s own date, the product date when TODAY is not set' },
    settings: see('shared/types.ts CampaignSettings', {
      lagYellowPoints: num, lagOrangePoints: num, lagRedPoints: num, reportDeadlineDay: int,
      problemDeadlineDays: { type: 'array', items: int }, problemCategories: { type: 'array', items: str },
    }),
  }),
  Unit: object({ id: int, name: str }),
  Leader: object({ id: int, name: str, title: str, rank: { enum: ['county_head', 'executive_deputy', 'deputy', 'other'] } }),
  Domain: object({ id: int, code: str, name: str, target: yuan, sortOrder: int }),
  Level: object({ code: str, name: str, plannedCount: orNull('integer'), plannedAnnual: orNull('integer') }),
  Project: object(
    {
      id: int, code: str, name: str, domainId: int, domain: str, levels: { type: 'array', items: str }, unitId: int, unit: str,
      leadUnit: orNull('string'), leaderId: orNull('integer'), leader: orNull('string'), chargeLeaderId: orNull('integer'), chargeLeader: orNull('string'),
      commissioner: orNull('string'), totalInvestment: yuan, annualPlan: yuan, completedToDate: yuan, investmentSinceStart: yuan,
      plannedStart: nullableDate, plannedCompletion: nullableDate, startedOn: nullableDate, completedOn: nullableDate,
      stage: { enum: ['reserve', 'preparing', 'construction', 'completed', 'operating'] },
      township: orNull('string'), lat: orNull('number'), lon: orNull('number'), content: str,
      rowVersion: { type: 'integer', description: 'Send back with edits; a stale one gets 409' },
    },
    'See shared/types.ts Project. Amounts integer yuan.',
  ),
  Plan: object({ annualPlan: yuan, monthly: { type: ['array', 'null'], items: yuan, description: 'Twelve months, or null' }, rowVersion: int }),
  Report: object({
    id: int, projectId: int, month: str, revision: int, investment: { ...yuan, description: 'Completed in that month, yuan' }, progress: str,
    startedOn: nullableDate, completedOn: nullableDate, remark: str, status: { enum: ['draft', 'submitted', 'accepted', 'returned'] },
    submittedBy: str, createdAt: str, returnReason: orNull('string'), reviewedBy: orNull('string'), reviewedAt: orNull('string'),
  }),
  AuditEntry: auditEntry,
  ProjectSchedule: object({ projectId: int, completed: int, schedulePlan: int, completionRate: { type: 'number' }, scheduleShare: { type: 'number' } }),
  AuditFacets: object({ actors: { type: 'array', items: str }, actions: { type: 'array', items: str } }),
  ProjectHistory: object({ reports: list('Report'), audit: list('AuditEntry') }),
  MonthReportRow: object({
    projectId: int, code: str, name: str, unitId: int, unit: str,
    latest: { oneOf: [ref('Report'), { type: 'null' }] }, accepted: { oneOf: [ref('Report'), { type: 'null' }] },
    status: { enum: ['missing', 'draft', 'submitted', 'accepted', 'returned'] }, late: bool,
  }),
  ReportingCalendar: object({
    today: date, reportingMonth: str, reportDeadline: date, daysToReportDeadline: { type: 'integer', description: 'Negative once passed' },
    nextProblemDeadline: date, daysToProblemDeadline: int,
  }),
  ProblemDetail: object(problemProps, 'See shared/problems.ts ProblemDetail.'),
  ProblemRecord: object({
    ...problemProps,
    steps: {
      type: 'array',
      items: object({
        at: str, actor: str, action: { enum: ['raise', 'accept', 'return', 'resolve', 'confirm', 'reopen', 'escalate', 'decision'] },
        fromState: { enum: [...problemStates, null] }, toState: { enum: problemStates }, note: str,
      }),
    },
  }),
  Meeting: object({
    id: int, kind: { enum: ['dispatch', 'domain_group', 'joint'], description: '调度推进会, 领导小组会, 部门联席会' }, title: str,
    domainId: orNull('integer'), domain: orNull('string'), heldOn: date, location: str, chair: str, state: { enum: ['planned', 'held'] },
    attendees: { type: 'array', items: str },
    items: {
      type: 'array',
      items: object({ problemId: int, sort: int, problem: ref('ProblemDetail'), decision: orNull('string'), owner: orNull('string'), deadline: nullableDate }),
    },
    createdBy: str, createdAt: str, heldAt: orNull('string'),
  }, 'See shared/problems.ts Meeting.'),
  AgendaProposal: object({ cutoff: { ...date, description: 'The cut-off day (3rd or 18th) on or before the meeting day' }, problems: list('ProblemDetail') }),
  DutyStatus: object({
    kind: { enum: ['monthly_briefing', 'quarterly_visit'] }, period: { type: 'string', description: 'YYYY-MM or YYYY-Qn' }, dueOn: date,
    doneOn: nullableDate, note: orNull('string'), overdue: bool,
  }),
  ContactStatus: object({
    projectId: int, project: str, commissioner: orNull('string'), lastCall: nullableDate, lastVisit: nullableDate,
    callDue: { type: 'boolean', description: 'No call in the last 7 days' }, visitDue: { type: 'boolean', description: '1亿+ projects: no visit this month' },
  }),
  CommissionerContact: object({ id: int, projectId: int, kind: { enum: ['call', 'visit'] }, on: date, note: str, recordedBy: str, createdAt: str }),
  ProjectContacts: object({ status: ref('ContactStatus'), contacts: list('CommissionerContact') }),
  LeaderDesk: object({
    leader: ref('Leader'),
    projects: {
      type: 'array',
      items: object({
        id: int, code: str, name: str, unit: str, role: { enum: ['linked', 'charge'], description: '一对一挂点 or 包干' },
        completionRate: num, scheduleShare: { type: 'number', description: '序时进度 of the project' }, lagging: bool,
      }),
    },
    alerts: { type: 'array', items: int, description: 'Open alert ids of these projects' },
    openAlerts: { ...list('Alert'), description: 'The same open alerts, whole (the wall snapshot lists only a part of a large ledger)' },
    problems: list('ProblemDetail'),
    duties: list('DutyStatus'),
    contacts: list('ContactStatus'),
  }, 'See shared/problems.ts LeaderDesk.'),
  Alert: object(alertProps, 'See shared/types.ts Alert.'),
  AlertDetail: object({
    ...alertProps,
    escalations: { type: 'array', items: object({ fromLevel: int, toLevel: int, reason: str, actor: str, at: str }) },
  }),
  AlertQueue: object({ level: { enum: [1, 2, 3] }, alerts: list('Alert') }, "The alerts at the caller's 分级调度 level"),
  Letter: object({
    id: int, kind: { enum: ['warning', 'supervision'] }, docNumber: str, unitId: int, unit: str, title: str, month: str, issuedOn: date, deadline: date,
    alertIds: { type: 'array', items: int }, projectIds: { type: 'array', items: int }, issuedBy: str, createdAt: str,
  }),
  Bulletin: see('server/exports/types.ts BulletinDoc (月通报)', {
    county: str, year: int, month: str, title: str, issuingOffice: str, issuedOn: date,
    asOf: { ...date, description: 'The month\'s last day: every figure is as of it (README 口径说明)' }, scheduleShare: num,
    totals: { type: 'object' }, byDomain: { type: 'array' }, byLevel: { type: 'array' }, byLeader: { type: 'array' }, ranking: { type: 'array' }, lagging: { type: 'array' },
    problems: { type: 'object', description: 'open (未销号, 已解决 included), resolved, overdue, flagged (通报批评), closedThisMonth, byCategory, items' },
  }),
  UserView: object({
    id: int, username: str, displayName: str, role: { enum: ['admin', 'unit', 'leader'] }, unitId: orNull('integer'), unit: orNull('string'),
    leaderId: orNull('integer'), leader: orNull('string'), disabled: bool, createdAt: str,
  }),
  DisplayToken: object({ id: int, name: str, rotateSeconds: int, followsMeetings: bool, createdAt: str, lastSeenAt: orNull('string'), revokedAt: orNull('string') }),
  DisplayTokenCreated: {
    allOf: [ref('DisplayToken'), object({ token: { type: 'string', description: 'Shown once; not stored' }, url: { type: 'string', description: 'Kiosk path "/?token=…"' } })],
  },
};

export const schemas = { ...replies, ...inputs };
