// What linked leaders record of their duties (附件3) and commissioners of their contacts (附件4).
import type { CommissionerContact, ContactKind, DutyKind } from '../../shared/problems.js';
import type { Queryable } from './db.js';

export interface DutyRow {
  kind: DutyKind;
  period: string;
  doneOn: string;
  note: string | null;
}

export async function dutiesOf(q: Queryable, leaderId: number, campaignId: number): Promise<DutyRow[]> {
  return q.query<DutyRow>(
    `SELECT kind, period, to_char(done_on, 'YYYY-MM-DD') AS "doneOn", NULLIF(note, '') AS note FROM leader_duties
     WHERE leader_id = $1 AND campaign_id = $2 ORDER BY period, kind`,
    [leaderId, campaignId],
  );
}

/** false when the period's duty is already recorded (it is evidence: never overwritten). */
export async function insertDuty(
  q: Queryable,
  d: { leaderId: number; campaignId: number; kind: DutyKind; period: string; doneOn: string; note: string; recordedBy: string },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO leader_duties (leader_id, campaign_id, kind, period, done_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (leader_id, kind, period) DO NOTHING RETURNING id`,
    [d.leaderId, d.campaignId, d.kind, d.period, d.doneOn, d.note, d.recordedBy],
  );
  return rows.length > 0;
}

const CONTACT = `SELECT id, project_id AS "projectId", kind, to_char(contacted_on, 'YYYY-MM-DD') AS "on", note,
  recorded_by AS "recordedBy", created_at AS "createdAt" FROM commissioner_contacts`;

/** Contacts of the given projects, newest first. */
export async function contactsOf(q: Queryable, projectIds: number[]): Promise<CommissionerContact[]> {
  return q.query<CommissionerContact>(`${CONTACT} WHERE project_id = ANY($1::int[]) ORDER BY contacted_on DESC, id DESC`, [projectIds]);
}

export async function insertContact(
  q: Queryable,
  c: { projectId: number; kind: ContactKind; on: string; note: string; recordedBy: string; at: string },
): Promise<CommissionerContact> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO commissioner_contacts (project_id, kind, contacted_on, note, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [c.projectId, c.kind, c.on, c.note, c.recordedBy, c.at],
  );
  return (await q.query<CommissionerContact>(`${CONTACT} WHERE id = $1`, [id]))[0];
}
