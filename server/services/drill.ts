// Drill-down for the wall: the projects behind a figure and a project's card. Read-only. Display
// tokens, admins and leaders see the whole county, as on the wall; a unit's account its own
// projects only (as the REST API). Asked with asOf, the figures stand at that month's end (a
// frozen meeting's "数据截至…").
import { CARD_HISTORY_LIMIT, DRILL_ROW_LIMIT, projectCardInput, projectQueryInput, type ProjectCard, type ProjectListResult, type ProjectSchedule } from '../../shared/drill.js';
import { freezableMonths, monthEnd } from '../../shared/presentation.js';
import type { Campaign, Role } from '../../shared/types.js';
import { liveAsOf, monthEndAsOf } from '../domain/asOf.js';
import { buildCard, drillFacts, projectRows, type DrillView } from '../domain/drill.js';
import { withOpening } from '../domain/openings.js';
import { alertsAsOf, endOfChinaDay, problemsAsOf } from '../domain/monthEnd.js';
import { indexByProject } from '../domain/schedule.js';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { listProjectAlerts } from '../store/alerts.js';
import { projectEdits } from '../store/audit.js';
import { currentVersion, lockVersion } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import { listProblemDetails } from '../store/problems.js';
import { listReports } from '../store/reports.js';
import type { Deps } from './deps.js';
import { figuresAsOf, requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';

/** Who asks: a socket's role and, for a unit's account, its unit. */
export interface DrillAsker {
  role: Role | 'display';
  unitId: number | null;
}

// Views by month ('' for today) are held in deps.drillViews and recomputed when the version or the
// date moves: a hall of walls drilling into the same figures shares one recompute (and one in flight).

/** Month-end views kept besides today's (a meeting steps between a few months). */
const MONTH_VIEWS = 3;

async function readView(q: Queryable, campaign: Campaign, today: string, month: string | null): Promise<DrillView> {
  // FOR SHARE holds writers off while the ledger is read, so the view is one version's (as the snapshot).
  const version = await lockVersion(q, campaign.id);
  // As the snapshot (live or the frozen meeting's month end) reads it: the one 口径.
  const { input, summary } = await figuresAsOf(q, campaign, month === null ? liveAsOf(today) : monthEndAsOf(month));
  const asOf = month === null ? null : monthEnd(month);
  const facts = drillFacts(input, summary);
  return { campaign, version, today: input.today, asOf, input, summary, facts, byId: new Map(facts.map((f) => [f.project.id, f])) };
}

async function drillView(deps: Deps, month: string | undefined): Promise<DrillView> {
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  if (month !== undefined && !freezableMonths(campaign.year, today).includes(month)) {
    throw Invalid({ asOf: `只能查看${campaign.year}年度已结束月份的数据` });
  }
  const version = await currentVersion(deps.db, campaign.id);
  const key = `${campaign.id}:${version}:${today}`;
  const held = deps.drillViews;
  const slot = month ?? '';
  const entry = held.get(slot);
  if (entry?.key === key) return entry.view;
  const view = deps.db.tx((q) => readView(q, campaign, today, month ?? null));
  held.delete(slot);
  held.set(slot, { key, view });
  // The oldest month ends go first; today's view stays.
  for (const k of held.keys()) {
    if (held.size <= MONTH_VIEWS + 1) break;
    if (k !== '') held.delete(k);
  }
  view.catch(() => {
    if (held.get(slot)?.view === view) held.delete(slot);
  });
  return view;
}

/** A unit's account reads its own projects only. */
const ownUnit = (asker: DrillAsker): number | null => (asker.role === 'unit' ? (asker.unitId ?? -1) : null);

/** The projects behind a figure of the snapshot (a ProjectQuery, validated); a unit's account gets its own. */
export async function drillList(deps: Deps, asker: DrillAsker, query: unknown): Promise<ProjectListResult> {
  const q = parseInput(projectQueryInput, query);
  const view = await drillView(deps, q.asOf);
  const unitId = ownUnit(asker);
  const facts = unitId === null ? view.facts : view.facts.filter((f) => f.project.unitId === unitId);
  const rows = projectRows(facts, q, view.input.levels, view.today);
  return { rows: rows.length > DRILL_ROW_LIMIT ? rows.slice(0, DRILL_ROW_LIMIT) : rows, total: rows.length, asOf: view.asOf };
}

/** Every project's completion against its 序时, from the same view (a unit's account: its own projects). */
export async function drillSchedules(deps: Deps, asker: DrillAsker): Promise<ProjectSchedule[]> {
  const view = await drillView(deps, undefined);
  const unitId = ownUnit(asker);
  return view.facts
    .filter((f) => unitId === null || f.project.unitId === unitId)
    .map((f) => ({ projectId: f.project.id, completed: f.row.completed, schedulePlan: f.schedulePlan, completionRate: f.row.completionRate, scheduleShare: f.row.scheduleShare }));
}

/** One project's card: figures, monthly curve, alerts, problems, leaders, unit, history. */
export async function drillCard(deps: Deps, asker: DrillAsker, request: unknown): Promise<ProjectCard> {
  const { projectId: id, asOf: month } = parseInput(projectCardInput, request);
  const view = await drillView(deps, month);
  const facts = view.byId.get(id);
  if (!facts) throw NotFound('项目不存在');
  const unitId = ownUnit(asker);
  if (unitId !== null && facts.project.unitId !== unitId) throw Forbidden('只能查看本单位负责的项目');
  const { campaign, input, summary, asOf } = view;
  const until = asOf === null ? null : endOfChinaDay(asOf);
  const [allReports, audits, problems, alerts] = await Promise.all([
    listReports(deps.db, id),
    projectEdits(deps.db, id, CARD_HISTORY_LIMIT, until),
    listProblemDetails(deps.db, campaign.id, view.today, { projectId: id }),
    listProjectAlerts(deps.db, id, { includeCleared: asOf !== null }),
  ]);
  // At a month end: the reports of months through it (as its figures count them).
  const reports = asOf === null ? allReports : allReports.filter((r) => r.month <= asOf.slice(0, 7));
  const own = <T extends { projectId: number }>(rows: readonly T[]) => rows.filter((r) => r.projectId === id);
  return buildCard({
    facts,
    levels: input.levels,
    year: campaign.year,
    reportingMonth: summary.reportingMonth,
    plans: indexByProject(own(input.plans), campaign.year, (p) => p.amount).get(id),
    // Through 数据统计至, as the figures count them.
    accepted: withOpening(
      indexByProject(own(input.monthly), campaign.year, (f) => f.investment, (f) => f.status === 'accepted' && f.month <= summary.reportingMonth).get(id),
      input.openings?.find((o) => o.projectId === id && o.throughMonth <= summary.reportingMonth), campaign.year,
    ),
    leaders: input.leaders,
    reports,
    audits,
    alerts: asOf === null ? alerts : alertsAsOf(facts.hits, [facts.project], alerts, asOf),
    problems: asOf === null ? problems : problemsAsOf(problems, asOf, input.problems),
    asOf,
  });
}
