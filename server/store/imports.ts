// Bulk writes of the sheet imports: new projects, updated projects, report revisions and their audit
// rows, in chunks with a yield to the event loop between them (a 15,000-row ledger must not stall the wall).
import type { Yuan } from '../../shared/money.js';
import type { LeaderRank, Project, Stage } from '../../shared/types.js';
import type { Actor } from './audit.js';
import { inChunks, insertColumns, insertMany, type Column } from './bulk.js';
import type { Queryable } from './db.js';

const CHUNK = 1_000;

/** A project as written, with units and leaders resolved to ids: the Project without what the store derives. */
export type ProjectWrite = Omit<Project, 'id' | 'domain' | 'unit' | 'leader' | 'chargeLeader' | 'completedToDate' | 'investmentSinceStart' | 'rowVersion'>;

/** Creates the units not there yet; returns name → id of the names given. */
export async function ensureUnits(q: Queryable, names: string[]): Promise<Map<string, number>> {
  if (names.length) await insertMany(q, 'units', ['name'], names.map((n) => [n]), { onConflict: '(name) DO NOTHING' });
  const rows = await q.query<{ id: number; name: string }>('SELECT id, name FROM units');
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function ensureLeaders(q: Queryable, leaders: { name: string; title: string; rank: LeaderRank }[]): Promise<Map<string, number>> {
  if (leaders.length) {
    await insertMany(q, 'leaders', ['name', 'title', 'rank'], leaders.map((l) => [l.name, l.title, l.rank]), { onConflict: '(name) DO NOTHING' });
  }
  const rows = await q.query<{ id: number; name: string }>('SELECT id, name FROM leaders');
  return new Map(rows.map((r) => [r.name, r.id]));
}

const PROJECT_COLUMNS: Column[] = [
  ['campaign_id', 'int'], ['code', 'text'], ['name', 'text'], ['domain_id', 'int'], ['levels', 'text[]'], ['unit_id', 'int'], ['lead_unit', 'text'],
  ['leader_id', 'int'], ['charge_leader_id', 'int'], ['commissioner', 'text'], ['total_investment', 'int8'], ['annual_plan', 'int8'],
  ['planned_start', 'date'], ['planned_completion', 'date'], ['started_on', 'date'], ['completed_on', 'date'], ['stage', 'text'],
  ['township', 'text'], ['lat', 'float8'], ['lon', 'float8'], ['content', 'text'],
];

/** Inserts new projects (leader links with them); returns code → id. */
export async function insertProjects(q: Queryable, campaignId: number, rows: ProjectWrite[]): Promise<Map<string, number>> {
  const out = await insertColumns(q, 'projects', PROJECT_COLUMNS, rows.map((p) => [
    campaignId, p.code, p.name, p.domainId, p.levels, p.unitId, p.leadUnit, p.leaderId, p.chargeLeaderId, p.commissioner,
    p.totalInvestment, p.annualPlan, p.plannedStart, p.plannedCompletion, p.startedOn, p.completedOn, p.stage, p.township,
    p.lat, p.lon, p.content,
  ]), { returning: 'id, code', chunkRows: CHUNK });
  return new Map(out.map((r) => [r.code as string, r.id as number]));
}

const SEP = '\u001f';

/**
 * Overwrites the ledger fields of existing projects, each only if it still has the row version it
 * was read at; returns how many were written (fewer means someone edited meanwhile).
 */
export async function updateProjects(q: Queryable, rows: (ProjectWrite & { id: number; rowVersion: number })[]): Promise<number> {
  let written = 0;
  await inChunks(rows, CHUNK, async (part) => {
    const col = <T>(f: (p: (typeof part)[number]) => T) => part.map(f);
    const out = await q.query(
      `UPDATE projects p SET code = v.code, name = v.name, domain_id = v.domain_id,
         levels = CASE WHEN v.levels = '' THEN '{}'::text[] ELSE string_to_array(v.levels, chr(31)) END,
         unit_id = v.unit_id, lead_unit = v.lead_unit, leader_id = v.leader_id, charge_leader_id = v.charge_leader_id,
         commissioner = v.commissioner, total_investment = v.total_investment, annual_plan = v.annual_plan,
         planned_start = v.planned_start, planned_completion = v.planned_completion, started_on = v.started_on,
         completed_on = v.completed_on, stage = v.stage, township = v.township, lat = v.lat, lon = v.lon, content = v.content,
         row_version = p.row_version + 1, updated_at = now()
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[],
         $11::text[], $12::int8[], $13::int8[], $14::date[], $15::date[], $16::date[], $17::date[], $18::text[], $19::text[],
         $20::float8[], $21::float8[], $22::text[])
         AS v(id, row_version, code, name, domain_id, levels, unit_id, lead_unit, leader_id, charge_leader_id, commissioner,
           total_investment, annual_plan, planned_start, planned_completion, started_on, completed_on, stage, township, lat, lon, content)
       WHERE p.id = v.id AND p.row_version = v.row_version RETURNING p.id`,
      [
        col((p) => p.id), col((p) => p.rowVersion), col((p) => p.code), col((p) => p.name), col((p) => p.domainId),
        col((p) => p.levels.join(SEP)), col((p) => p.unitId), col((p) => p.leadUnit), col((p) => p.leaderId), col((p) => p.chargeLeaderId),
        col((p) => p.commissioner), col((p) => p.totalInvestment), col((p) => p.annualPlan), col((p) => p.plannedStart),
        col((p) => p.plannedCompletion), col((p) => p.startedOn), col((p) => p.completedOn), col((p) => p.stage), col((p) => p.township),
        col((p) => p.lat), col((p) => p.lon), col((p) => p.content),
      ],
    );
    written += out.length;
  });
  return written;
}

/** Sets the start, completion and stage of many projects (accepted figures that carry milestones). */
export async function setMilestonesMany(q: Queryable, rows: { id: number; startedOn: string | null; completedOn: string | null; stage: Stage }[]): Promise<void> {
  await inChunks(rows, CHUNK, async (part) => {
    await q.query(
      `UPDATE projects p SET started_on = v.started_on, completed_on = v.completed_on, stage = v.stage,
         row_version = p.row_version + 1, updated_at = now()
       FROM unnest($1::int[], $2::date[], $3::date[], $4::text[]) AS v(id, started_on, completed_on, stage) WHERE p.id = v.id`,
      [part.map((r) => r.id), part.map((r) => r.startedOn), part.map((r) => r.completedOn), part.map((r) => r.stage)],
    );
  });
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

const AUDIT_COLUMNS: Column[] = [
  ['actor_id', 'int'], ['actor', 'text'], ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['before', 'jsonb'], ['after', 'jsonb'],
];

/** One audit row per change, written in bulk statements. */
export async function auditMany(q: Queryable, actor: Actor, entries: AuditEntry[]): Promise<void> {
  await insertColumns(q, 'audit_log', AUDIT_COLUMNS, entries.map((e) => [
    actor.userId, actor.name, e.action, e.entity, String(e.entityId),
    e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after),
  ]), { chunkRows: CHUNK });
}

/** The month's latest accepted revision per project of the campaign. */
export async function acceptedOfMonth(q: Queryable, campaignId: number, month: string): Promise<Map<number, { investment: Yuan; progress: string }>> {
  const rows = await q.query<{ projectId: number; investment: Yuan; progress: string }>(
    `SELECT DISTINCT ON (r.project_id) r.project_id AS "projectId", r.investment, r.progress
     FROM reports r JOIN projects p ON p.id = r.project_id
     WHERE p.campaign_id = $1 AND r.month = $2 AND r.status = 'accepted'
     ORDER BY r.project_id, r.revision DESC`,
    [campaignId, month],
  );
  return new Map(rows.map((r) => [r.projectId, { investment: r.investment, progress: r.progress }]));
}

/** Locks the projects' rows until the transaction ends (reports on them apply one at a time). */
export async function lockProjects(q: Queryable, ids: number[]): Promise<void> {
  if (ids.length) await q.query('SELECT id FROM projects WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [ids]);
}

export interface ImportedReport {
  projectId: number;
  month: string;
  investment: Yuan;
  progress: string;
  startedOn: string | null;
  completedOn: string | null;
  remark: string;
}

/** Appends an accepted revision per project (after its latest); returns the new rows' ids and revisions. */
export async function insertAcceptedReports(
  q: Queryable,
  reports: ImportedReport[],
  by: { userId: number; name: string; at: string },
): Promise<{ id: number; projectId: number; revision: number }[]> {
  const out: { id: number; projectId: number; revision: number }[] = [];
  await inChunks(reports, CHUNK, async (part) => {
    const col = <T>(f: (r: ImportedReport) => T) => part.map(f);
    out.push(...(await q.query<{ id: number; projectId: number; revision: number }>(
      `INSERT INTO reports (project_id, month, revision, investment, progress, started_on, completed_on, remark, status,
         submitted_by, submitted_by_name, reviewed_by, reviewed_at, created_at)
       SELECT v.project_id, v.month, COALESCE((SELECT max(r.revision) FROM reports r WHERE r.project_id = v.project_id AND r.month = v.month), 0) + 1,
         v.investment, v.progress, v.started_on, v.completed_on, v.remark, 'accepted', $8, $9, $9, $10::timestamptz, $10::timestamptz
       FROM unnest($1::int[], $2::text[], $3::int8[], $4::text[], $5::date[], $6::date[], $7::text[])
         AS v(project_id, month, investment, progress, started_on, completed_on, remark)
       RETURNING id::int4 AS id, project_id AS "projectId", revision`,
      [col((r) => r.projectId), col((r) => r.month), col((r) => r.investment), col((r) => r.progress), col((r) => r.startedOn),
        col((r) => r.completedOn), col((r) => r.remark), by.userId, by.name, by.at],
    )));
  });
  return out;
}

/** An opening balance as the ledger import writes it, with where it came from. */
export interface OpeningRow {
  projectId: number;
  throughMonth: string;
  completed: Yuan;
  sinceStart: Yuan | null;
  sourceFile: string;
  sourceSheet: string;
  sourceRow: number;
}

const OPENING_COLUMNS: Column[] = [
  ['project_id', 'int'], ['through_month', 'text'], ['completed', 'int8'], ['since_start', 'int8'], ['source_file', 'text'],
  ['source_sheet', 'text'], ['source_row', 'int'], ['imported_by', 'int'], ['imported_by_name', 'text'],
];

/** Sets the projects' opening balances (a later import of the same project replaces its own). */
export async function upsertOpenings(q: Queryable, actor: Actor, rows: OpeningRow[]): Promise<void> {
  await insertColumns(q, 'opening_balances', OPENING_COLUMNS, rows.map((r) => [
    r.projectId, r.throughMonth, r.completed, r.sinceStart, r.sourceFile, r.sourceSheet, r.sourceRow, actor.userId, actor.name,
  ]), {
    onConflict: `(project_id) DO UPDATE SET through_month = EXCLUDED.through_month, completed = EXCLUDED.completed,
      since_start = EXCLUDED.since_start, source_file = EXCLUDED.source_file, source_sheet = EXCLUDED.source_sheet,
      source_row = EXCLUDED.source_row, imported_by = EXCLUDED.imported_by, imported_by_name = EXCLUDED.imported_by_name, imported_at = now()`,
  });
}

/** The campaign's opening balances. */
export async function listOpenings(q: Queryable, campaignId: number): Promise<{ projectId: number; throughMonth: string; completed: Yuan; sinceStart: Yuan | null }[]> {
  return q.query(
    `SELECT ob.project_id AS "projectId", ob.through_month AS "throughMonth", ob.completed, ob.since_start AS "sinceStart"
     FROM opening_balances ob JOIN projects p ON p.id = ob.project_id WHERE p.campaign_id = $1`,
    [campaignId],
  );
}
