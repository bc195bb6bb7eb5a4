// 调度会: coordination meetings, their agenda items and the decisions (议定事项) taken on them.
import type { Meeting, MeetingKind } from '../../shared/problems.js';
import type { Queryable } from './db.js';

/** A meeting without its items (the service joins them with the problems). */
export type MeetingRow = Omit<Meeting, 'items'>;

export interface ItemRow {
  meetingId: number;
  problemId: number;
  sort: number;
  decision: string | null;
  owner: string | null;
  deadline: string | null;
}

const SELECT = `SELECT m.id, m.kind, m.title, m.domain_id AS "domainId", d.name AS domain,
  to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", m.location, m.chair, m.state, m.attendees,
  m.created_by_name AS "createdBy", m.created_at AS "createdAt", m.held_at AS "heldAt"
  FROM meetings m LEFT JOIN domains d ON d.id = m.domain_id`;

export async function insertMeeting(
  q: Queryable,
  m: { campaignId: number; kind: MeetingKind; title: string; domainId: number | null; heldOn: string; location: string; chair: string; createdBy: number; createdByName: string; at: string },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO meetings (campaign_id, kind, title, domain_id, held_on, location, chair, created_by, created_by_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [m.campaignId, m.kind, m.title, m.domainId, m.heldOn, m.location, m.chair, m.createdBy, m.createdByName, m.at],
  );
  return id;
}

/** Newest meeting day first. */
export async function listMeetingRows(q: Queryable, campaignId: number): Promise<MeetingRow[]> {
  return q.query<MeetingRow>(`${SELECT} WHERE m.campaign_id = $1 ORDER BY m.held_on DESC, m.id DESC`, [campaignId]);
}

export async function getMeetingRow(q: Queryable, id: number): Promise<MeetingRow | null> {
  return (await q.query<MeetingRow>(`${SELECT} WHERE m.id = $1`, [id]))[0] ?? null;
}

/** Locks the meeting row until the transaction ends and returns it. */
export async function lockMeeting(q: Queryable, id: number): Promise<MeetingRow | null> {
  if (!(await q.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [id])).length) return null;
  return getMeetingRow(q, id);
}

export async function updateMeeting(q: Queryable, id: number, f: { title?: string; heldOn?: string; location?: string; chair?: string }): Promise<void> {
  await q.query(
    `UPDATE meetings SET title = COALESCE($2, title), held_on = COALESCE($3::date, held_on), location = COALESCE($4, location),
       chair = COALESCE($5, chair) WHERE id = $1`,
    [id, f.title ?? null, f.heldOn ?? null, f.location ?? null, f.chair ?? null],
  );
}

export async function setAttendees(q: Queryable, id: number, attendees: string[]): Promise<void> {
  await q.query('UPDATE meetings SET attendees = $2::text[] WHERE id = $1', [id, attendees]);
}

export async function markHeld(q: Queryable, id: number, at: string): Promise<void> {
  await q.query(`UPDATE meetings SET state = 'held', held_at = $2 WHERE id = $1`, [id, at]);
}

/** Items of the given meetings, in agenda order. */
export async function itemsOf(q: Queryable, meetingIds: number[]): Promise<ItemRow[]> {
  return q.query<ItemRow>(
    `SELECT meeting_id AS "meetingId", problem_id AS "problemId", sort, decision, owner, to_char(deadline, 'YYYY-MM-DD') AS deadline
     FROM meeting_items WHERE meeting_id = ANY($1::int[]) ORDER BY meeting_id, sort`,
    [meetingIds],
  );
}

/** The agenda becomes these problems in this order; items that stay keep their decisions. */
export async function setAgenda(q: Queryable, meetingId: number, problemIds: number[]): Promise<void> {
  await q.query('DELETE FROM meeting_items WHERE meeting_id = $1 AND NOT (problem_id = ANY($2::int[]))', [meetingId, problemIds]);
  for (const [sort, problemId] of problemIds.entries()) {
    await q.query(
      `INSERT INTO meeting_items (meeting_id, problem_id, sort) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, problem_id) DO UPDATE SET sort = EXCLUDED.sort`,
      [meetingId, problemId, sort + 1],
    );
  }
}

export async function recordDecision(
  q: Queryable,
  meetingId: number,
  d: { problemId: number; decision: string; owner: string; deadline: string },
): Promise<void> {
  await q.query('UPDATE meeting_items SET decision = $3, owner = $4, deadline = $5 WHERE meeting_id = $1 AND problem_id = $2', [
    meetingId, d.problemId, d.decision, d.owner, d.deadline,
  ]);
}
