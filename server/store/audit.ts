import type { Queryable } from './db.js';

export interface Actor {
  userId: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system' };

/** One row per write: who, what, and the values before and after. */
export async function audit(
  q: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await q.query(
    'INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [actor.userId, actor.name, action, entity, String(entityId), before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after)],
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function auditTrail(q: Queryable, entity: string, entityId: string | number): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT id::int8 AS id, at, actor, action, entity, entity_id AS "entityId", before, after FROM audit_log
     WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
    [entity, String(entityId)],
  );
}

export interface AuditFilter {
  limit: number;
  before?: number;
  /** Who did it (操作人, exact). */
  actor?: string;
  /** What was done: an action (report.accept) or every action on one kind (report). */
  action?: string;
  /** The rows about one project: its edits, its reports, its problems and alerts. */
  projectId?: number;
  /** China dates, both ends included. */
  from?: string | null;
  to?: string | null;
}

/** An audit row with what it is about in words: the project it concerns, else the object's name. */
export interface NamedAuditRow extends AuditRow {
  projectId: number | null;
  subject: string | null;
}

// The project an audited object belongs to, for the kinds that belong to one.
const ROW_PROJECT = `CASE a.entity
    WHEN 'project' THEN a.entity_id::int
    WHEN 'report' THEN (SELECT r.project_id FROM reports r WHERE r.id = a.entity_id::int)
    WHEN 'problem' THEN (SELECT pr.project_id FROM problems pr WHERE pr.id = a.entity_id::int)
    WHEN 'alert' THEN (SELECT al.project_id FROM alerts al WHERE al.id = a.entity_id::int)
  END`;

// Every entity id above is an integer written by the services; a non-numeric one (seed, store) has no project.
const NUMERIC_ID = `a.entity_id ~ '^[0-9]{1,9}$'`;

/** The log, newest first, a page at a time, filtered, with the project or object each row is about. */
export async function listAudit(q: Queryable, f: AuditFilter): Promise<NamedAuditRow[]> {
  return q.query<NamedAuditRow>(
    `SELECT x.*, COALESCE(p.name, x.named) AS subject FROM (
       SELECT a.id::int8 AS id, a.at, a.actor, a.action, a.entity, a.entity_id AS "entityId", a.before, a.after,
         CASE WHEN ${NUMERIC_ID} THEN ${ROW_PROJECT} END AS "projectId",
         CASE WHEN ${NUMERIC_ID} THEN CASE a.entity
           WHEN 'unit' THEN (SELECT u.name FROM units u WHERE u.id = a.entity_id::int)
           WHEN 'user' THEN (SELECT u.display_name FROM users u WHERE u.id = a.entity_id::int)
           WHEN 'leader' THEN (SELECT l.name FROM leaders l WHERE l.id = a.entity_id::int)
           WHEN 'meeting' THEN (SELECT m.title FROM meetings m WHERE m.id = a.entity_id::int)
           WHEN 'letter' THEN (SELECT lt.doc_number FROM letters lt WHERE lt.id = a.entity_id::int)
           WHEN 'campaign' THEN (SELECT c.title FROM campaigns c WHERE c.id = a.entity_id::int)
         END END AS named
       FROM audit_log a
       WHERE ($2::int8 IS NULL OR a.id < $2)
         AND ($3::text IS NULL OR a.actor = $3)
         AND ($4::text IS NULL OR a.action = $4 OR a.entity = $4)
         AND ($5::date IS NULL OR a.at >= ($5::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
         AND ($6::date IS NULL OR a.at < (($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
         AND ($7::int IS NULL
           OR (a.entity = 'project' AND a.entity_id = $7::text)
           OR (a.entity = 'report' AND a.entity_id IN (SELECT id::text FROM reports WHERE project_id = $7))
           OR (a.entity = 'problem' AND a.entity_id IN (SELECT id::text FROM problems WHERE project_id = $7))
           OR (a.entity = 'alert' AND a.entity_id IN (SELECT id::text FROM alerts WHERE project_id = $7)))
       ORDER BY a.id DESC LIMIT $1
     ) x
     LEFT JOIN projects p ON p.id = x."projectId"
     ORDER BY x.id DESC`,
    [f.limit, f.before ?? null, f.actor ?? null, f.action ?? null, f.from ?? null, f.to ?? null, f.projectId ?? null],
  );
}

/** Who appears in the log and what was done, for the filters. */
export async function auditFacets(q: Queryable): Promise<{ actors: string[]; actions: string[] }> {
  const [actors, actions] = await Promise.all([
    q.query<{ actor: string }>('SELECT DISTINCT actor FROM audit_log ORDER BY actor'),
    q.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action'),
  ]);
  return { actors: actors.map((r) => r.actor), actions: actions.map((r) => r.action) };
}

/** A project's trail: its own edits and the filing and review of its reports. */
export async function projectAudit(q: Queryable, projectId: number): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT id::int8 AS id, at, actor, action, entity, entity_id AS "entityId", before, after FROM audit_log
     WHERE (entity = 'project' AND entity_id = $1)
        OR (entity = 'report' AND entity_id IN (SELECT id::text FROM reports WHERE project_id = $2))
     ORDER BY id DESC`,
    [String(projectId), projectId],
  );
}

/** The project's own audited edits, newest first, at most `limit` (a wall card's history); up to `until` when given. */
export async function projectEdits(q: Queryable, projectId: number, limit: number, until: string | null = null): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT id::int8 AS id, at, actor, action, entity, entity_id AS "entityId", before, after FROM audit_log
     WHERE entity = 'project' AND entity_id = $1 AND ($3::timestamptz IS NULL OR at <= $3)
     ORDER BY id DESC LIMIT $2`,
    [String(projectId), limit, until],
  );
}
