import type { Yuan } from '../../shared/money.js';
import type { Report, ReportStatus } from '../../shared/types.js';
import type { Queryable } from './db.js';

const SELECT = `SELECT id::int4 AS id, project_id AS "projectId", month, revision, investment, progress,
  to_char(started_on, 'YYYY-MM-DD') AS "startedOn", to_char(completed_on, 'YYYY-MM-DD') AS "completedOn",
  remark, status, submitted_by_name AS "submittedBy", created_at AS "createdAt" FROM reports`;

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
     RETURNING id::int4 AS id, project_id AS "projectId", month, revision, investment, progress,
       to_char(started_on, 'YYYY-MM-DD') AS "startedOn", to_char(completed_on, 'YYYY-MM-DD') AS "completedOn",
       remark, status, submitted_by_name AS "submittedBy", created_at AS "createdAt"`,
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
