// Drill-down for the wall: the projects behind a figure and a project's card. Read-only; every
// wall client (display token or any signed-in role) may ask, as they all see the snapshot.
import { DRILL_ROW_LIMIT, projectIdInput, projectQueryInput, type ProjectCard, type ProjectListResult } from '../../shared/drill.js';
import type { Campaign } from '../../shared/types.js';
import { computeSummary, type Summary } from '../domain/aggregates.js';
import { buildCard, drillFacts, projectRows, type DrillFacts } from '../domain/drill.js';
import type { LedgerInput } from '../domain/ledger.js';
import { indexByProject } from '../domain/schedule.js';
import { NotFound } from '../errors.js';
import { listOpenAlerts } from '../store/alerts.js';
import { projectAudit } from '../store/audit.js';
import { currentVersion } from '../store/campaigns.js';
import type { Db } from '../store/db.js';
import { loadLedger } from '../store/ledger.js';
import { listProblemDetails } from '../store/problems.js';
import { listReports } from '../store/reports.js';
import type { Deps } from './deps.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';

/** The ledger recomputed at one snapshot version, as the lists and cards read it. */
interface DrillView {
  campaign: Campaign;
  version: number;
  today: string;
  input: LedgerInput;
  summary: Summary;
  facts: DrillFacts[];
  byId: Map<number, DrillFacts>;
}

/**
 * One view per store, recomputed when the version or the date moves: a hall of walls drilling
 * into the same figures shares one recompute (and one in flight).
 */
const views = new WeakMap<Db, { key: string; view: Promise<DrillView> }>();

async function drillView(deps: Deps): Promise<DrillView> {
  const campaign = await requireCampaign(deps.db);
  const today = todayFor(campaign, deps.clock());
  const version = await currentVersion(deps.db, campaign.id);
  const key = `${campaign.id}:${version}:${today}`;
  const held = views.get(deps.db);
  if (held?.key === key) return held.view;
  const view = deps.db.tx(async (q) => {
    // FOR SHARE holds writers off while the ledger is read, so the view is one version's (as the snapshot).
    const [{ version: v }] = await q.query<{ version: number }>('SELECT version FROM campaigns WHERE id = $1 FOR SHARE', [campaign.id]);
    const input = await loadLedger(q, campaign, today);
    const summary = computeSummary(input);
    const facts = drillFacts(input, summary);
    return { campaign, version: v, today, input, summary, facts, byId: new Map(facts.map((f) => [f.project.id, f])) };
  });
  views.set(deps.db, { key, view });
  view.catch(() => {
    if (views.get(deps.db)?.view === view) views.delete(deps.db);
  });
  return view;
}

/** The projects behind a figure of the snapshot (a ProjectQuery, validated). */
export async function drillList(deps: Deps, query: unknown): Promise<ProjectListResult> {
  const q = parseInput(projectQueryInput, query);
  const view = await drillView(deps);
  const rows = projectRows(view.facts, q, view.input.levels, view.today);
  return { rows: rows.length > DRILL_ROW_LIMIT ? rows.slice(0, DRILL_ROW_LIMIT) : rows, total: rows.length };
}

/** One project's card: figures, monthly curve, alerts, problems, leaders, unit, history. */
export async function drillCard(deps: Deps, projectId: unknown): Promise<ProjectCard> {
  const id = parseInput(projectIdInput, projectId);
  const view = await drillView(deps);
  const facts = view.byId.get(id);
  if (!facts) throw NotFound('项目不存在');
  const { campaign, input, summary } = view;
  const [reports, audits, problems, alerts] = await Promise.all([
    listReports(deps.db, id),
    projectAudit(deps.db, id),
    listProblemDetails(deps.db, campaign.id, view.today, { projectId: id }),
    listOpenAlerts(deps.db, campaign.id),
  ]);
  const own = <T extends { projectId: number }>(rows: readonly T[]) => rows.filter((r) => r.projectId === id);
  return buildCard({
    facts,
    levels: input.levels,
    year: campaign.year,
    reportingMonth: summary.reportingMonth,
    plans: indexByProject(own(input.plans), campaign.year, (p) => p.amount).get(id),
    accepted: indexByProject(own(input.monthly), campaign.year, (f) => f.investment, (f) => f.status === 'accepted').get(id),
    leaders: input.leaders,
    reports,
    audits,
    alerts,
    problems,
  });
}
