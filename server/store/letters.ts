import type { LetterKind } from '../../shared/types.js';
import type { LetterDoc } from '../../shared/letters.js';
import type { Queryable } from './db.js';

export interface LetterRow {
  id: number;
  kind: LetterKind;
  docNumber: string;
  unitId: number;
  unit: string;
  title: string;
  month: string;
  issuedOn: string;
  deadline: string;
  alertIds: number[];
  projectIds: number[];
  issuedBy: string;
  createdAt: string;
}

const SELECT = `SELECT l.id, l.kind, l.doc_number AS "docNumber", l.unit_id AS "unitId", u.name AS unit, l.title, l.month,
  to_char(l.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(l.deadline, 'YYYY-MM-DD') AS deadline,
  l.alert_ids AS "alertIds", l.project_ids AS "projectIds", l.issued_by_name AS "issuedBy", l.created_at AS "createdAt"
  FROM letters l JOIN units u ON u.id = l.unit_id`;

/** The next number of a kind of letter in a campaign year (文号 sequence), under the letters' lock. */
export async function nextLetterSeq(q: Queryable, campaignId: number, kind: LetterKind): Promise<number> {
  await q.query('LOCK TABLE letters IN SHARE ROW EXCLUSIVE MODE');
  const rows = await q.query<{ seq: number }>('SELECT COALESCE(max(seq), 0) + 1 AS seq FROM letters WHERE campaign_id = $1 AND kind = $2', [campaignId, kind]);
  return rows[0].seq;
}

export async function insertLetter(
  q: Queryable,
  l: { campaignId: number; kind: LetterKind; seq: number; unitId: number; alertIds: number[]; projectIds: number[]; doc: LetterDoc; issuedBy: number; issuedByName: string },
): Promise<LetterRow> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO letters (campaign_id, kind, seq, doc_number, unit_id, title, month, issued_on, deadline, alert_ids, project_ids, content, issued_by, issued_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [l.campaignId, l.kind, l.seq, l.doc.docNumber, l.unitId, l.doc.title, l.doc.month, l.doc.issuedOn, l.doc.deadline,
      l.alertIds, l.projectIds, JSON.stringify(l.doc), l.issuedBy, l.issuedByName],
  );
  return (await getLetter(q, id))!;
}

export async function getLetter(q: Queryable, id: number): Promise<LetterRow | null> {
  return (await q.query<LetterRow>(`${SELECT} WHERE l.id = $1`, [id]))[0] ?? null;
}

export async function letterContent(q: Queryable, id: number): Promise<LetterDoc | null> {
  return (await q.query<{ content: LetterDoc }>('SELECT content FROM letters WHERE id = $1', [id]))[0]?.content ?? null;
}

export async function listLetters(q: Queryable, campaignId: number, unitId?: number): Promise<LetterRow[]> {
  return q.query<LetterRow>(`${SELECT} WHERE l.campaign_id = $1 AND ($2::int IS NULL OR l.unit_id = $2) ORDER BY l.id DESC`, [campaignId, unitId ?? null]);
}


/** The unit's 预警提示函 whose rectification deadline has passed before `today` (what a 督办函 cites), with the alerts each covers. */
export async function expiredWarnings(q: Queryable, campaignId: number, unitId: number, today: string): Promise<{ docNumber: string; alertIds: number[] }[]> {
  return q.query<{ docNumber: string; alertIds: number[] }>(
    `SELECT doc_number AS "docNumber", alert_ids AS "alertIds" FROM letters
     WHERE campaign_id = $1 AND unit_id = $2 AND kind = 'warning' AND deadline < $3 ORDER BY id`,
    [campaignId, unitId, today],
  );
}
