// 月报表导入: a month's completed investment for many projects from one sheet, checked row by row by
// the same rules as the report form, and written by staff as accepted revisions in one transaction.
import type { ImportPreview, ImportResult } from '../../shared/imports.js';
import type { Report, User } from '../../shared/types.js';
import { reportingCalendar } from '../domain/calendar.js';
import { summaryDelta } from '../domain/snapshot.js';
import { MONTH_FIELDS } from '../import/fields.js';
import { findHeader } from '../import/header.js';
import { planMonthImport, type MonthPlan } from '../import/monthRows.js';
import type { Sheet } from '../import/sheet.js';
import { Invalid } from '../errors.js';
import { bumpVersion, successorOf } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';
import { yielding } from '../store/bulk.js';
import { acceptedOfMonth, auditMany, insertAcceptedReports, listOpenings, lockProjects, setMilestonesMany } from '../store/imports.js';
import { listProjects } from '../store/projects.js';
import { assertRole } from './access.js';
import { completedText, milestoneAudit, milestoneChange, startedText, type MilestoneChange } from './accepted.js';
import { ANNOUNCE_LIMIT, announce, finishChange } from './change.js';
import type { Deps, Push } from './deps.js';
import { importOptions, noHeader, oneAtATime, readSheet, type ReadSheet, type SheetFit } from './sheetFile.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { assertWritable } from './yearClosure.js';
import { syncCarriedSinceStart } from '../store/rollover.js';

export type MonthImportOutcome = { committed: false; preview: ImportPreview } | { committed: true; result: ImportResult };

export async function importMonth(deps: Deps, user: User, body: unknown, query: unknown): Promise<MonthImportOutcome> {
  assertRole(user, 'admin');
  const options = importOptions(query);
  const campaign = await requireCampaign(deps.db);
  // One parse at a time per campaign: the reading, and the checks (of a preview, or of the commit).
  return oneAtATime(campaign.id, async () => {
    const read = await readSheet(body, monthFit);
    if (options.dryRun) {
      const { preview } = await planFrom(deps, deps.db, read.sheet, options.month, options.exclude, read);
      return { committed: false, preview: { ...preview, sheets: read.names } };
    }
    return { committed: true, result: await commit(deps, user, read.sheet, options.month, options.exclude) };
  });
}

const monthFit: SheetFit = (sheet) => {
  const header = findHeader(sheet.rows, MONTH_FIELDS, 'name');
  return !header ? 0 : header.missing.length ? 1 : 2;
};

async function planFrom(deps: Deps, q: Queryable, sheet: Sheet, asked: string | undefined, exclude: Set<number>, read?: ReadSheet): Promise<MonthPlan> {
  const campaign = await requireCampaign(q);
  const today = todayFor(campaign, deps.clock());
  const month = asked ?? reportingCalendar(today, campaign.settings).reportingMonth;
  const [projects, accepted, openings] = await Promise.all([listProjects(q, campaign.id), acceptedOfMonth(q, campaign.id, month), listOpenings(q, campaign.id)]);
  const through = new Map(openings.map((o) => [o.projectId, o.throughMonth]));
  return planMonthImport(sheet, { year: campaign.year, today, month, projects, accepted, openings: through }, exclude) ?? noHeader('项目名称、本月完成投资', read ?? { sheet, names: [sheet.name] });
}

async function commit(deps: Deps, user: User, sheet: Sheet, asked: string | undefined, exclude: Set<number>): Promise<ImportResult> {
  const actor = { userId: user.id, name: user.displayName };
  const result = await deps.db.tx(async (tx) => {
    // Many rows in a few dozen statements: let other requests in between them.
    const q = yielding(tx);
    const campaign = await requireCampaign(q);
    const version = await bumpVersion(q, campaign.id);
    // Checked again inside the transaction, with the projects locked: what is written is what was checked.
    const first = await planFrom(deps, q, sheet, asked, exclude);
    await lockProjects(q, first.rows.flatMap((r) => (r.projectId ? [r.projectId] : [])));
    const plan = await planFrom(deps, q, sheet, asked, exclude);
    if (plan.preview.missing.length) throw Invalid({ file: `表头缺少必填列：${plan.preview.missing.join('、')}` }, '表头缺少必填列，未写入任何数据');
    const bad = Object.keys(plan.blocking).length;
    if (bad) throw Invalid(plan.blocking, `有${bad}行数据有误，请修正或排除后再导入；未写入任何数据`);

    const live = plan.rows.filter((r) => !r.excluded && (r.verdict === 'create' || r.verdict === 'update'));
    const month = plan.preview.month!;
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()), month);
    const now = deps.clock();
    const at = now.toISOString();
    const inserted = await insertAcceptedReports(q, live.map((r) => ({
      projectId: r.projectId!, month, investment: r.input!.investment, progress: r.input!.progress,
      startedOn: r.input!.startedOn ?? null, completedOn: r.input!.completedOn ?? null, remark: r.input!.remark ?? '',
    })), { userId: user.id, name: user.displayName, at });
    const byProject = new Map(inserted.map((r) => [r.projectId, r]));
    // December figures of a year already rolled over move the carried projects' since-start totals.
    if (await successorOf(q, campaign.id)) for (const r of live) await syncCarriedSinceStart(q, r.projectId!);
    const reports: Report[] = live.map((r) => ({
      id: byProject.get(r.projectId!)!.id, projectId: r.projectId!, month, revision: byProject.get(r.projectId!)!.revision,
      investment: r.input!.investment, progress: r.input!.progress, startedOn: r.input!.startedOn ?? null,
      completedOn: r.input!.completedOn ?? null, remark: r.input!.remark ?? '', status: 'accepted', submittedBy: user.displayName,
      createdAt: at, returnReason: null, reviewedBy: user.displayName, reviewedAt: at,
    }));
    const projects = new Map((await listProjects(q, campaign.id)).map((p) => [p.id, p]));
    // The milestones the figures carry, as applyMilestones sets them for one report, written in bulk.
    const milestones = reports.filter((r) => r.startedOn || r.completedOn).map((r) => milestoneChange(projects.get(r.projectId)!, r));
    const moved = milestones.filter((x) => x.changed);
    await setMilestonesMany(q, moved.map((x) => ({ id: x.project.id, startedOn: x.startedOn, completedOn: x.completedOn, stage: x.stage })));
    await auditMany(q, actor, [
      ...reports.map((r) => ({ action: 'report.import', entity: 'report', entityId: r.id, before: null, after: r })),
      ...moved.map((x) => ({ action: 'project.milestones', entity: 'project', entityId: x.project.id, ...milestoneAudit(x) })),
      { action: 'month.import', entity: 'campaign', entityId: campaign.id, before: null, after: { sheet: sheet.name, month, ...plan.preview.counts } },
    ]);
    const started = milestones.filter((x) => x.milestones.started);
    const completed = milestones.filter((x) => x.milestones.completed);
    const change = await finishChange(deps, q, campaign, version, now, async (summary, writeEvent) => {
      const pushes: Push[] = [{ name: 'summary:update', payload: { version, summary: summaryDelta(summary) } }];
      const push = async (name: 'project:started' | 'project:completed', { project, milestones: m }: MilestoneChange, text: string) => {
        const kind = name === 'project:started' ? 'started' : 'completed';
        const date = (name === 'project:started' ? m.started : m.completed)!;
        pushes.push({ name, payload: { version, projectId: project.id, project: project.name, unit: project.unit, date, event: await writeEvent(kind, project.id, text) } });
      };
      if (started.length + completed.length > ANNOUNCE_LIMIT) {
        // A bulk change: one ticker line per kind, not one per project.
        if (started.length) await push('project:started', started[0], `本次导入${started.length.toLocaleString('zh-CN')}个项目开工建设`);
        if (completed.length) await push('project:completed', completed[0], `本次导入${completed.length.toLocaleString('zh-CN')}个项目竣工`);
      } else {
        for (const x of milestones) {
          if (x.milestones.started) await push('project:started', x, startedText(x.project));
          if (x.milestones.completed) await push('project:completed', x, completedText(x.project));
        }
      }
      return pushes;
    });
    return { change, version, counts: plan.preview.counts, month };
  });
  await announce(deps, result.change);
  return { kind: 'month', counts: result.counts, newUnits: [], newLeaders: [], month: result.month, version: result.version };
}
