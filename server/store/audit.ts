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

/** The whole log, newest first, a page at a time. */
export async function listAudit(q: Queryable, limit: number, beforeId: number | null): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT id::int8 AS id, at, actor, action, entity, entity_id AS "entityId", before, after FROM audit_log
     WHERE ($2::int8 IS NULL OR id < $2) ORDER BY id DESC LIMIT $1`,
    [limit, beforeId],
  );
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
