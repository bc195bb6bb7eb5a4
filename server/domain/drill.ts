// Drill-down: which projects stand behind a figure of the snapshot, and one project's card.
// The lists must agree exactly with the snapshot's counts, so the lag set, completed amounts and
// planned-to-date amounts come from the Summary itself, the start/completion predicates from
// yearPlan.ts, which computeSummary counts by too.
import type { AuditEntry } from '../../shared/api.js';
import { monthsOfYear } from '../../shared/dates.js';
import {
  CARD_HISTORY_LIMIT,
  type CardHistoryItem,
  type CardLeader,
  type CardMonth,
  type CardProblem,
  type ProjectCard,
  type ProjectQuery,
  type ProjectRow,
} from '../../shared/drill.js';
import { formatWan, ratio, type Yuan } from '../../shared/money.js';
import type { ProblemDetail } from '../../shared/problems.js';
import { STAGE_LABELS, UNCLOSED_PROBLEM_STATES, type Alert, type Campaign, type Leader, type Level, type Project, type ProblemState, type Report, type Stage } from '../../shared/types.js';
import type { Summary } from './aggregates.js';
import { SEVERITY_RANK, worstSeverity } from './lagRules.js';
import type { LagHit, LedgerInput, LedgerProblem } from './ledger.js';
import { spreadAnnualPlan, type ByMonth } from './schedule.js';
import { isCompletedThisYear, isCompletionPlanned, isStartedThisYear, isStartPlanned } from './yearPlan.js';

/** A project with everything a drill-down filter asks about. */
export interface DrillFacts {
  project: Project;
  domainCode: string;
  row: ProjectRow;
  hits: LagHit[];
  problems: LedgerProblem[];
  schedulePlan: Yuan;
  startPlanned: boolean;
  startedThisYear: boolean;
  completionPlanned: boolean;
  completedThisYear: boolean;
}

/** The ledger recomputed at one snapshot version (and month end, when asked), as the lists and cards read it. */
export interface DrillView {
  campaign: Campaign;
  version: number;
  today: string;
  /** The month end the view stands at, or null for today. */
  asOf: string | null;
  input: LedgerInput;
  summary: Summary;
  facts: DrillFacts[];
  byId: Map<number, DrillFacts>;
}

/** Every project of the ledger with its row, in ledger (code) order. */
export function drillFacts(input: LedgerInput, summary: Summary): DrillFacts[] {
  const year = input.campaign.year;
  const today = input.today;
  const domainCodes = new Map(input.domains.map((d) => [d.id, d.code]));
  const hitsByProject = new Map<number, LagHit[]>();
  for (const h of summary.hits) {
    const list = hitsByProject.get(h.projectId);
    if (list) list.push(h);
    else hitsByProject.set(h.projectId, [h]);
  }
  const problemsByProject = new Map<number, LedgerProblem[]>();
  for (const p of input.problems) {
    const list = problemsByProject.get(p.projectId);
    if (list) list.push(p);
    else problemsByProject.set(p.projectId, [p]);
  }
  return input.projects.map((project) => {
    const completed = summary.completedByProject.get(project.id) ?? 0;
    const schedulePlan = summary.scheduleByProject.get(project.id) ?? 0;
    const hits = hitsByProject.get(project.id) ?? [];
    const row: ProjectRow = {
      id: project.id,
      code: project.code,
      name: project.name,
      domain: project.domain ?? '',
      unitId: project.unitId,
      unit: project.unit,
      leader: project.leader,
      township: project.township,
      stage: project.stage,
      totalInvestment: project.totalInvestment,
      annualPlan: project.annualPlan,
      completed,
      completionRate: ratio(completed, project.annualPlan),
      scheduleShare: ratio(schedulePlan, project.annualPlan),
      scheduleRate: ratio(completed, schedulePlan),
      lagging: hits.length > 0 ? worstSeverity(hits.map((h) => h.severity)) : null,
      started: project.startedOn !== null && project.startedOn <= today,
      completedProject: project.completedOn !== null && project.completedOn <= today,
    };
    return {
      project,
      domainCode: (project.domainId !== null && domainCodes.get(project.domainId)) || '',
      row,
      hits,
      problems: problemsByProject.get(project.id) ?? [],
      schedulePlan,
      startPlanned: isStartPlanned(project, year),
      startedThisYear: isStartedThisYear(project, year, today),
      completionPlanned: isCompletionPlanned(project, year),
      completedThisYear: isCompletedThisYear(project, year, today),
    };
  });
}

function problemMatches(p: LedgerProblem, state: NonNullable<ProjectQuery['problemState']>, today: string): boolean {
  // 未销号 (口径说明): a unit's own 已解决 stays open until confirmed, as the wall counts it.
  const open = UNCLOSED_PROBLEM_STATES.includes(p.state);
  if (state === 'open') return open;
  if (state === 'overdue') return open && p.dueOn !== null && p.dueOn < today;
  return p.state === state;
}

function matchesStatus(f: DrillFacts, status: NonNullable<ProjectQuery['status']>): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'lagging':
      return f.hits.length > 0;
    case 'startPlanned':
      return f.startPlanned;
    case 'started':
      return f.startedThisYear;
    case 'notStarted':
      return f.startPlanned && !f.startedThisYear;
    case 'completionPlanned':
      return f.completionPlanned;
    case 'completed':
      return f.completedThisYear;
  }
}

/** The projects a query stands for: every filter given narrows the list. Levels match by code or name. */
export function filterFacts(facts: readonly DrillFacts[], query: ProjectQuery, levels: readonly Level[], today: string): DrillFacts[] {
  const levelCodes = query.level === undefined ? null : new Set(levels.filter((l) => l.code === query.level || l.name === query.level).map((l) => l.code));
  return facts.filter(
    (f) =>
      (query.domain === undefined || f.domainCode === query.domain || f.project.domain === query.domain) &&
      (levelCodes === null || f.project.levels.some((c) => levelCodes.has(c))) &&
      (query.unitId === undefined || f.project.unitId === query.unitId) &&
      (query.leaderId === undefined || f.project.leaderId === query.leaderId || f.project.chargeLeaderId === query.leaderId) &&
      (query.township === undefined || f.project.township === query.township) &&
      (query.severity === undefined || f.hits.some((h) => h.severity === query.severity)) &&
      (query.rule === undefined || f.hits.some((h) => h.rule === query.rule)) &&
      (query.problemState === undefined || f.problems.some((p) => problemMatches(p, query.problemState!, today))) &&
      (query.problemId === undefined || f.problems.some((p) => p.id === query.problemId)) &&
      matchesStatus(f, query.status ?? 'all'),
  );
}

/** Lagging lists read worst first (as the snapshot's); the others in ledger order. */
export function projectRows(facts: readonly DrillFacts[], query: ProjectQuery, levels: readonly Level[], today: string): ProjectRow[] {
  const matched = filterFacts(facts, query, levels, today);
  if (query.status === 'lagging' || query.severity !== undefined) {
    const gap = (f: DrillFacts) => ratio(f.schedulePlan - f.row.completed, f.project.annualPlan);
    matched.sort(
      (a, b) =>
        SEVERITY_RANK[b.row.lagging ?? 'yellow'] - SEVERITY_RANK[a.row.lagging ?? 'yellow'] ||
        gap(b) - gap(a) ||
        (a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0),
    );
  }
  return matched.map((f) => f.row);
}

/** Plan and accepted investment of each month of the year, and both cumulated. No monthly plan: the annual plan spread. */
export function cardMonths(year: number, annualPlan: Yuan, plans: ByMonth | undefined, accepted: ByMonth | undefined): CardMonth[] {
  const spread = plans && plans.size > 0 ? null : spreadAnnualPlan(annualPlan);
  let planCum = 0;
  let actualCum = 0;
  return monthsOfYear(year).map((month, i) => {
    const plan = spread ? spread[i] : plans!.get(month) ?? 0;
    const actual = accepted?.get(month) ?? 0;
    planCum += plan;
    actualCum += actual;
    return { month, plan, actual, planCum, actualCum };
  });
}

const OPEN_ORDER: Record<ProblemState, number> = { pending: 0, coordinating: 1, resolved: 2, returned: 3, closed: 4 };

/** Open problems first (oldest first), then resolved, returned and closed ones. */
export function cardProblems(problems: readonly ProblemDetail[]): CardProblem[] {
  return [...problems]
    .sort((a, b) => OPEN_ORDER[a.state] - OPEN_ORDER[b.state] || b.ageDays - a.ageDays || a.id - b.id)
    .map((p) => ({
      id: p.id,
      category: p.category,
      description: p.description,
      state: p.state,
      level: p.level,
      owner: p.coordinatingUnit ?? p.askedOf,
      ageDays: p.ageDays,
      overdue: p.overdue,
      dueOn: p.dueOn,
    }));
}

/** 一对一挂点 and 分管包干 leaders; a leader holding both is listed under each role. */
export function cardLeaders(project: Pick<Project, 'leaderId' | 'leader' | 'chargeLeaderId' | 'chargeLeader'>, leaders: readonly Leader[]): CardLeader[] {
  const byId = new Map(leaders.map((l) => [l.id, l]));
  const out: CardLeader[] = [];
  const add = (id: number | null, name: string | null, role: CardLeader['role']) => {
    if (id === null) return;
    const l = byId.get(id);
    out.push({ id, name: l?.name ?? name ?? '', title: l?.title ?? '', role });
  };
  add(project.leaderId, project.leader, 'point');
  add(project.chargeLeaderId, project.chargeLeader, 'charge');
  return out;
}

const PROJECT_ACTIONS: Record<string, string> = {
  'project.update': '修改项目信息',
  'project.plan': '调整投资计划',
  'project.milestones': '更新开工/竣工',
  'project.contact': '服务专员对接',
};

const FIELD_LABELS: Record<string, string> = {
  name: '名称', domainId: '领域', levels: '级别', unitId: '责任单位', leadUnit: '牵头单位', leaderId: '挂点领导',
  chargeLeaderId: '包干领导', commissioner: '服务专员', totalInvestment: '总投资', annualPlan: '年度计划', monthly: '月度计划',
  plannedStart: '计划开工', plannedCompletion: '计划竣工', startedOn: '开工日期', completedOn: '竣工日期', stage: '阶段',
  township: '乡镇', content: '建设内容', lat: '位置', lon: '位置',
};
/** Values worth showing inline; the rest (ids, long text, arrays) are named only. */
const SHOWN = new Set(['totalInvestment', 'annualPlan', 'plannedStart', 'plannedCompletion', 'startedOn', 'completedOn', 'stage', 'township', 'commissioner']);
const HIDDEN = new Set(['previousAnnual', 'previousMonthly', 'rowVersion']);

function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if ((field === 'totalInvestment' || field === 'annualPlan') && typeof value === 'number') return `${formatWan(value)}万元`;
  if (field === 'stage' && typeof value === 'string') return STAGE_LABELS[value as Stage] ?? value;
  return String(value);
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** One audited change of the project, in a line: "修改项目信息：年度计划 1,200万元→1,500万元；阶段 前期→在建". */
export function auditText(entry: Pick<AuditEntry, 'action' | 'before' | 'after'>): string {
  const label = PROJECT_ACTIONS[entry.action] ?? entry.action;
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const field of Object.keys(after)) {
    if (HIDDEN.has(field) || JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    const name = FIELD_LABELS[field] ?? field;
    if (seen.has(name)) continue;
    seen.add(name);
    parts.push(SHOWN.has(field) ? `${name} ${field in before ? `${shown(field, before[field])}→` : ''}${shown(field, after[field])}` : name);
  }
  return parts.length ? `${label}：${parts.join('；')}` : label;
}

/** Accepted reports (by month) and audited changes of the project, latest first, at most `limit`. */
export function cardHistory(
  reports: readonly Report[],
  audits: readonly Pick<AuditEntry, 'at' | 'actor' | 'action' | 'entity' | 'before' | 'after'>[],
  limit = CARD_HISTORY_LIMIT,
): CardHistoryItem[] {
  const items: CardHistoryItem[] = [];
  for (const r of reports) {
    if (r.status !== 'accepted') continue;
    const revision = r.revision > 1 ? `（第${r.revision}版）` : '';
    const progress = r.progress.trim() ? `；${r.progress.trim()}` : '';
    items.push({ at: r.reviewedAt ?? r.createdAt, kind: 'report', text: `${r.month}月报${revision}已采纳：本月完成投资${formatWan(r.investment)}万元${progress}`, actor: r.reviewedBy });
  }
  for (const a of audits) {
    if (a.entity !== 'project') continue;
    items.push({ at: a.at, kind: 'audit', text: auditText(a), actor: a.actor });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

/** The latest accepted report's 形象进度 and month. */
export function latestProgress(reports: readonly Report[]): { text: string; month: string } | null {
  let best: Report | null = null;
  for (const r of reports) {
    if (r.status !== 'accepted' || !r.progress.trim()) continue;
    if (!best || r.month > best.month || (r.month === best.month && r.revision > best.revision)) best = r;
  }
  return best ? { text: best.progress.trim(), month: best.month } : null;
}

export interface CardSources {
  facts: DrillFacts;
  /** The campaign's levels, to name the project's level codes. */
  levels: readonly Level[];
  year: number;
  reportingMonth: string;
  plans: ByMonth | undefined;
  accepted: ByMonth | undefined;
  leaders: readonly Leader[];
  reports: readonly Report[];
  audits: readonly Pick<AuditEntry, 'at' | 'actor' | 'action' | 'entity' | 'before' | 'after'>[];
  /** Open alerts (the card keeps the project's). */
  alerts: readonly Alert[];
  problems: readonly ProblemDetail[];
  /** The month end the figures stand at (a frozen meeting), or null/absent for today. */
  asOf?: string | null;
}

export function buildCard(s: CardSources): ProjectCard {
  const { project: p, row, hits } = s.facts;
  const progress = latestProgress(s.reports);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    domain: p.domain ?? '',
    levels: p.levels.map((code) => s.levels.find((l) => l.code === code)?.name ?? code),
    stage: p.stage,
    township: p.township,
    content: p.content,
    totalInvestment: p.totalInvestment,
    annualPlan: p.annualPlan,
    completed: row.completed,
    completionRate: row.completionRate,
    schedulePlan: s.facts.schedulePlan,
    scheduleRate: row.scheduleRate,
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    imageProgress: progress?.text ?? null,
    imageProgressMonth: progress?.month ?? null,
    lagging: row.lagging,
    lagReasons: [...hits].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).map(({ rule, severity, text }) => ({ rule, severity, text })),
    months: cardMonths(s.year, p.annualPlan, s.plans, s.accepted),
    reportingMonth: s.reportingMonth,
    alerts: s.alerts.filter((a) => a.projectId === p.id && a.state !== 'cleared').sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.raisedAt < b.raisedAt ? 1 : -1)),
    problems: cardProblems(s.problems.filter((x) => x.projectId === p.id)),
    leaders: cardLeaders(p, s.leaders),
    commissioner: p.commissioner,
    unit: { id: p.unitId, name: p.unit, leadUnit: p.leadUnit },
    history: cardHistory(s.reports, s.audits),
    asOf: s.asOf ?? null,
  };
}
