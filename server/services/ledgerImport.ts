// 项目台账导入: a ledger sheet previewed row by row (dry run), then written all or nothing in one
// transaction — new projects created, existing ones (by code, else by name) updated, every change
// audited — and published to every wall.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ImportPreview, ImportResult } from '../../shared/imports.js';
import type { User } from '../../shared/types.js';
import { summaryDelta } from '../domain/snapshot.js';
import { LEDGER_FIELDS } from '../import/fields.js';
import { findHeader } from '../import/header.js';
import { ledgerPlanner, type LedgerPlan, type ProjectValues } from '../import/ledgerRows.js';
import { Conflict, Invalid } from '../errors.js';
import { bumpVersion } from '../store/campaigns.js';
import { inChunks, yielding } from '../store/bulk.js';
import type { Queryable } from '../store/db.js';
import {
  auditMany, ensureLeaders, ensureUnits, insertProjects, listOpenings, updateProjects, upsertOpenings, type AuditEntry, type ProjectWrite,
} from '../store/imports.js';
import { listProjects } from '../store/projects.js';
import { listDomains, listLeaders, listLevels, listUnits } from '../store/reference.js';
import { assertRole } from './access.js';
import { announce, finishChange } from './change.js';
import type { Deps } from './deps.js';
import { importOptions, noHeader, oneAtATime, readSheet, type ReadSheet, type SheetFit } from './sheetFile.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { assertWritable } from './yearClosure.js';

/** Sheet rows checked between two turns of the event loop (~50 ms of work on a slow core). */
const PLAN_SLICE = 1_000;

export type LedgerImportOutcome = { committed: false; preview: ImportPreview } | { committed: true; result: ImportResult };

/** The data sheet: one whose header has every required column; one with a header but columns missing is a fallback. */
const ledgerFit: SheetFit = (sheet) => {
  const header = findHeader(sheet.rows, LEDGER_FIELDS, 'name');
  return !header ? 0 : header.missing.length ? 1 : 2;
};

export async function importLedger(deps: Deps, user: User, body: unknown, query: unknown): Promise<LedgerImportOutcome> {
  assertRole(user, 'admin');
  const options = importOptions(query);
  const campaign = await requireCampaign(deps.db);
  const plan = await oneAtATime(campaign.id, async () => planFrom(deps, deps.db, await readSheet(body, ledgerFit), options.exclude));
  if (options.dryRun) return { committed: false, preview: plan.preview };
  if (plan.preview.missing.length) {
    throw Invalid({ file: `表头缺少必填列：${plan.preview.missing.join('、')}` }, '表头缺少必填列，未写入任何数据');
  }
  const bad = Object.keys(plan.blocking).length;
  if (bad) throw Invalid(plan.blocking, `有${bad}行数据有误，请修正或排除后再导入；未写入任何数据`);
  return { committed: true, result: await commit(deps, user, plan, options.filename) };
}

async function planFrom(deps: Deps, q: Queryable, read: ReadSheet, exclude: Set<number>): Promise<LedgerPlan> {
  const campaign = await requireCampaign(q);
  const [domains, levels, units, leaders, projects, openings] = await Promise.all([
    listDomains(q, campaign.id), listLevels(q, campaign.id), listUnits(q), listLeaders(q), listProjects(q, campaign.id), listOpenings(q, campaign.id),
  ]);
  const today = todayFor(campaign, deps.clock());
  const planner = ledgerPlanner(read.sheet, { year: campaign.year, today, domains, levels, units, leaders, projects, openings }, exclude);
  if (!planner) return noHeader('项目名称、责任单位、总投资、年度计划投资', read);
  // Row checks are pure CPU: slices of rows with a turn of the event loop between them.
  await inChunks(planner.rows, PLAN_SLICE, (part) => planner.read(part));
  await yieldToLoop();
  const plan = planner.finish();
  plan.preview.sheets = read.names;
  const passed = read.names.slice(0, read.names.indexOf(read.sheet.name));
  if (passed.length) plan.preview.notes.unshift(`读取工作表「${read.sheet.name}」（「${passed.join('」「')}」不是项目台账，未读取）`);
  return plan;
}

async function commit(deps: Deps, user: User, plan: LedgerPlan, filename: string): Promise<ImportResult> {
  const actor = { userId: user.id, name: user.displayName };
  const live = plan.rows.filter((r) => !r.excluded && (r.verdict === 'create' || r.verdict === 'update'));
  const creates = live.filter((r) => r.verdict === 'create');
  const updates = live.filter((r) => r.verdict === 'update');
  const result = await deps.db.tx(async (tx) => {
    // Thousands of rows in a few dozen statements: let other requests in between them.
    const q = yielding(tx);
    const campaign = await requireCampaign(q);
    // A ledger import changes many projects at once: the version skips one, so every wall sees the
    // gap and fetches the whole snapshot (new map points, lists) instead of applying a summary.
    await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const version = await bumpVersion(q, campaign.id);
    const unitIds = await ensureUnits(q, plan.newUnits);
    const leaderIds = await ensureLeaders(q, plan.newLeaders);
    const row = (v: ProjectValues): ProjectWrite => ({
      ...v, unitId: unitIds.get(v.unit)!, leaderId: v.leader ? leaderIds.get(v.leader)! : null,
      chargeLeaderId: v.chargeLeader ? leaderIds.get(v.chargeLeader)! : null,
    });
    const createdIds = await insertProjects(q, campaign.id, creates.map((r) => row(r.values!)));
    const written = await updateProjects(q, updates.map((r) => ({ ...row(r.values!), id: r.projectId!, rowVersion: r.rowVersion! })));
    if (written !== updates.length) throw Conflict('预览之后台账已被他人修改，请重新预览后再导入');
    // Opening figures, kept with their source; never turned into monthly reports.
    const opened = live.filter((r) => r.opening).map((r) => ({ r, projectId: r.verdict === 'create' ? createdIds.get(r.values!.code)! : r.projectId! }));
    await upsertOpenings(q, actor, opened.map(({ r, projectId }) => ({
      projectId, ...r.opening!, sourceFile: filename, sourceSheet: plan.preview.sheet, sourceRow: r.row,
    })));

    const entries: AuditEntry[] = [
      ...[...unitIds].filter(([name]) => plan.newUnits.includes(name)).map(([name, id]) => ({ action: 'unit.import', entity: 'unit', entityId: id, before: null, after: { name } })),
      ...plan.newLeaders.map((l) => ({ action: 'leader.import', entity: 'leader', entityId: leaderIds.get(l.name)!, before: null, after: l })),
      ...creates.map((r) => ({ action: 'project.import', entity: 'project', entityId: createdIds.get(r.values!.code)!, before: null, after: { row: r.row, ...r.values } })),
      ...updates.map((r) => ({
        action: 'project.import', entity: 'project', entityId: r.projectId!, before: r.before,
        after: Object.fromEntries(Object.keys(r.before!).map((k) => [k, r.values![k as keyof ProjectValues]])),
      })),
    ];
    entries.push(...opened.map(({ r, projectId }) => ({
      action: 'project.opening', entity: 'project', entityId: projectId, before: r.openingBefore,
      after: { ...r.opening!, file: filename, sheet: plan.preview.sheet, row: r.row },
    })));
    const counts = plan.preview.counts;
    entries.push({
      action: 'ledger.import', entity: 'campaign', entityId: campaign.id, before: null,
      after: {
        file: filename, sheet: plan.preview.sheet, ...counts, openings: opened.length, openingMonth: plan.preview.openingMonth,
        newUnits: plan.newUnits, newLeaders: plan.newLeaders.map((l) => l.name),
      },
    });
    await auditMany(q, actor, entries);
    const change = await finishChange(deps, q, campaign, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
    ], { wallsRefetch: true });
    return { change, version, counts };
  });
  await announce(deps, result.change);
  return {
    kind: 'ledger', counts: result.counts, newUnits: plan.newUnits, newLeaders: plan.newLeaders.map((l) => l.name), month: null, version: result.version,
  };
}
