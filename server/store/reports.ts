import type { Yuan } from '../../shared/money.js';
import type { Report, ReportStatus } from '../../shared/types.js';
import type { Queryable } from './db.js';

const COLUMNS = `id::int4 AS id, project_id AS "projectId", month, revision, investment, progress,
  to_char(started_on, 'YYYY-MM-DD') AS "startedOn", to_char(completed_on, 'YYYY-MM-DD') AS "completedOn",
  remark, status, submitted_by_name AS "submittedBy", created_at AS "createdAt",
  return_reason AS "returnReason", reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt"`;
const SELECT = `SELECT ${COLUMNS} FROM reports`;

export interface NewReport {
  projectId: number;
  month: string;
  investment: Yuan;
  progress: string;
  startedOn: string | null;
  completedOn: string | null;
  remark: string;
  status: ReportStatus;
  userId: number | null;
  userName: string;
  createdAt?: string;
}

/** Appends a revision; earlier revisions stay as they were. */
export async function insertReport(q: Queryable, r: NewReport): Promise<Report> {
  const rows = await q.query<Report>(
    `WITH next AS (SELECT COALESCE(max(revision), 0) + 1 AS revision FROM reports WHERE project_id = $1 AND month = $2)
     INSERT INTO reports (project_id, month, revision, investment, progress, started_on, completed_on, remark, status,
       submitted_by, submitted_by_name, created_at)
     SELECT $1, $2, next.revision, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11::timestamptz, now()) FROM next
     RETURNING ${COLUMNS}`,
    [r.projectId, r.month, r.investment, r.progress, r.startedOn, r.completedOn, r.remark, r.status, r.userId, r.userName, r.createdAt ?? null],
  );
  return rows[0];
}

/** Every revision of a project's reports, newest first. */
export async function listReports(q: Queryable, projectId: number): Promise<Report[]> {
  return q.query<Report>(`${SELECT} WHERE project_id = $1 ORDER BY month DESC, revision DESC`, [projectId]);
}

/** Accepted investment of all months but one, for the cumulative-vs-total check. */
export async function acceptedTotalExcept(q: Queryable, projectId: number, month: string): Promise<Yuan> {
  const rows = await q.query<{ total: Yuan }>(
    `SELECT COALESCE(sum(investment), 0)::int8 AS total FROM (
       SELECT DISTINCT ON (month) investment FROM reports
       WHERE project_id = $1 AND status = 'accepted' AND month <> $2
       ORDER BY month, revision DESC) a`,
    [projectId, month],
  );
  return rows[0].total;
}

/** Accepted investment of the months before one (e.g. before the campaign year): what is no longer to be planned. */
export async function acceptedTotalBefore(q: Queryable, projectId: number, month: string): Promise<Yuan> {
  const rows = await q.query<{ total: Yuan }>(
    `SELECT COALESCE(sum(investment), 0)::int8 AS total FROM (
       SELECT DISTINCT ON (month) investment FROM reports
       WHERE project_id = $1 AND status = 'accepted' AND month < $2
       ORDER BY month, revision DESC) a`,
    [projectId, month],
  );
  return rows[0].total;
}

export async function getReport(q: Queryable, id: number): Promise<Report | null> {
  return (await q.query<Report>(`${SELECT} WHERE id = $1`, [id]))[0] ?? null;
}

/** The latest revision number of a project's month, 0 when nothing was filed. */
export async function latestRevision(q: Queryable, projectId: number, month: string): Promise<number> {
  const rows = await q.query<{ revision: number }>(
    'SELECT COALESCE(max(revision), 0) AS revision FROM reports WHERE project_id = $1 AND month = $2',
    [projectId, month],
  );
  return rows[0].revision;
}

/** The status of the latest revision of a project's month, null when nothing was filed. */
export async function latestStatus(q: Queryable, projectId: number, month: string): Promise<ReportStatus | null> {
  const rows = await q.query<{ status: ReportStatus }>(
    'SELECT status FROM reports WHERE project_id = $1 AND month = $2 ORDER BY revision DESC LIMIT 1',
    [projectId, month],
  );
  return rows[0]?.status ?? null;
}

/** Staff's review: the status changes, the figures of the revision never do. */
export async function reviewReport(
  q: Queryable, id: number, status: 'accepted' | 'returned', reviewer: string, reason: string | null, at: string | null = null,
): Promise<Report> {
  const rows = await q.query<Report>(
    `UPDATE reports SET status = $2, reviewed_by = $3, reviewed_at = COALESCE($5::timestamptz, now()), return_reason = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status, reviewer, reason, at],
  );
  return rows[0];
}

export interface MonthRow {
  projectId: number;
  code: string;
  name: string;
  unitId: number;
  unit: string;
  latestId: number | null;
  acceptedId: number | null;
  /** When the first non-draft revision of the month was filed. */
  firstFiledAt: string | null;
}

/** Every project of the campaign (or of one unit) with its month's latest and latest accepted revision. */
export async function monthRows(q: Queryable, campaignId: number, month: string, unitId: number | null): Promise<MonthRow[]> {
  return q.query<MonthRow>(
    `SELECT p.id AS "projectId", p.code, p.name, p.unit_id AS "unitId", u.name AS unit,
       (SELECT id::int4 FROM reports r WHERE r.project_id = p.id AND r.month = $2 ORDER BY revision DESC LIMIT 1) AS "latestId",
       (SELECT id::int4 FROM reports r WHERE r.project_id = p.id AND r.month = $2 AND r.status = 'accepted' ORDER BY revision DESC LIMIT 1) AS "acceptedId",
       (SELECT min(created_at) FROM reports r WHERE r.project_id = p.id AND r.month = $2 AND r.status <> 'draft') AS "firstFiledAt"
     FROM projects p JOIN units u ON u.id = p.unit_id
     WHERE p.campaign_id = $1 AND ($3::int IS NULL OR p.unit_id = $3)
     ORDER BY u.name, p.code`,
    [campaignId, month, unitId],
  );
}

export async function reportsByIds(q: Queryable, ids: number[]): Promise<Map<number, Report>> {
  if (!ids.length) return new Map();
  const rows = await q.query<Report>(`${SELECT} WHERE id = ANY($1::int8[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}
