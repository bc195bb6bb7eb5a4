// 问题台账: problems with their project, unit, domain and linked leader, their steps, and how many
// held meetings had them on the agenda.
import type { ProblemAction, ProblemDetail, ProblemStep } from '../../shared/problems.js';
import type { DispatchLevel, ProblemState } from '../../shared/types.js';
import { problemFacts } from '../domain/problemSummary.js';
import type { Queryable } from './db.js';

/** Held meetings that had the problem on the agenda (上犹 附件2 四(三) counts them). */
export const HELD_MEETINGS = `(SELECT count(*) FROM meeting_items mi JOIN meetings m ON m.id = mi.meeting_id
  WHERE mi.problem_id = pr.id AND m.state = 'held')::int`;

/** Those meetings, oldest first, each with the deadline its decision set (通报批评, domain/problemRules.ts). */
export const AGENDA = `COALESCE((SELECT json_agg(json_build_object('heldOn', to_char(m.held_on, 'YYYY-MM-DD'),
  'deadline', to_char(mi.deadline, 'YYYY-MM-DD')) ORDER BY m.held_on, m.id)
  FROM meeting_items mi JOIN meetings m ON m.id = mi.meeting_id WHERE mi.problem_id = pr.id AND m.state = 'held'), '[]'::json)`;

/** Its states with the China date each began and the due date a step set, oldest first (the steps of its history). */
export const STATE_HISTORY = `COALESCE((SELECT json_agg(json_build_object('on', to_char(ps.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  'state', ps.to_state, 'dueOn', to_char(ps.due_on, 'YYYY-MM-DD')) ORDER BY ps.at, ps.id) FROM problem_steps ps WHERE ps.problem_id = pr.id), '[]'::json)`;

const DETAIL = `SELECT pr.id, pr.project_id AS "projectId", p.name AS project, p.code AS "projectCode",
  p.unit_id AS "unitId", u.name AS unit, p.domain_id AS "domainId", d.name AS domain, l.name AS leader,
  pr.category, pr.description, pr.asked_of AS "askedOf", pr.coordinating_unit AS "coordinatingUnit",
  to_char(pr.due_on, 'YYYY-MM-DD') AS "dueOn", pr.state, pr.level, pr.resolution, pr.resolved_by AS "resolvedBy",
  pr.confirmed_by AS "confirmedBy", pr.return_reason AS "returnReason", COALESCE(us.display_name, '') AS "raisedBy",
  pr.created_at AS "createdAt", pr.closed_at AS "closedAt", ${HELD_MEETINGS} AS meetings, ${AGENDA} AS agenda
  FROM problems pr JOIN projects p ON p.id = pr.project_id JOIN units u ON u.id = p.unit_id
  LEFT JOIN domains d ON d.id = p.domain_id LEFT JOIN leaders l ON l.id = p.leader_id LEFT JOIN users us ON us.id = pr.raised_by`;

type Row = Omit<ProblemDetail, 'overdue' | 'flagged' | 'ageDays'>;

const withFacts = (today: string) => (row: Row): ProblemDetail => ({ ...row, ...problemFacts(row, today) });

export interface ProblemFilter {
  /** 'open': pending or coordinating. */
  state?: ProblemState | 'open';
  level?: number;
  category?: string;
  domainId?: number;
  unitId?: number;
  projectId?: number;
  ids?: number[];
}

/** The campaign's problems matching the filter, oldest first, with overdue / flagged / age as of today. */
export async function listProblemDetails(q: Queryable, campaignId: number, today: string, f: ProblemFilter = {}): Promise<ProblemDetail[]> {
  const rows = await q.query<Row>(
    `${DETAIL} WHERE p.campaign_id = $1
       AND ($2::text IS NULL OR pr.state = $2 OR ($2 = 'open' AND pr.state IN ('pending', 'coordinating')))
       AND ($3::int IS NULL OR pr.level = $3) AND ($4::text IS NULL OR pr.category = $4)
       AND ($5::int IS NULL OR p.domain_id = $5) AND ($6::int IS NULL OR p.unit_id = $6)
       AND ($7::int IS NULL OR pr.project_id = $7) AND ($8::int[] IS NULL OR pr.id = ANY($8::int[]))
     ORDER BY pr.created_at, pr.id`,
    [campaignId, f.state ?? null, f.level ?? null, f.category ?? null, f.domainId ?? null, f.unitId ?? null, f.projectId ?? null, f.ids ?? null],
  );
  return rows.map(withFacts(today));
}

export async function getProblemDetail(q: Queryable, id: number, today: string): Promise<ProblemDetail | null> {
  const rows = await q.query<Row>(`${DETAIL} WHERE pr.id = $1`, [id]);
  return rows[0] ? withFacts(today)(rows[0]) : null;
}

/** Locks the problem row until the transaction ends, so actions on it apply one at a time. */
export async function lockProblem(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('SELECT id FROM problems WHERE id = $1 FOR UPDATE', [id])).length > 0;
}

export async function insertProblem(
  q: Queryable,
  p: { projectId: number; category: string; description: string; askedOf: string; dueOn: string | null; raisedBy: number; at: string },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO problems (project_id, category, description, asked_of, due_on, raised_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [p.projectId, p.category, p.description, p.askedOf, p.dueOn, p.raisedBy, p.at],
  );
  return id;
}

/** The columns a transition or a decision may set, by ProblemDetail's names. */
export interface ProblemChange {
  state?: ProblemState;
  level?: DispatchLevel;
  coordinatingUnit?: string;
  dueOn?: string;
  resolution?: string | null;
  resolvedBy?: string | null;
  resolvedAt?: string | null;
  confirmedBy?: string;
  closedAt?: string;
  returnReason?: string;
}

const COLUMNS: Record<keyof ProblemChange, string> = {
  state: 'state', level: 'level', coordinatingUnit: 'coordinating_unit', dueOn: 'due_on', resolution: 'resolution',
  resolvedBy: 'resolved_by', resolvedAt: 'resolved_at', confirmedBy: 'confirmed_by', closedAt: 'closed_at', returnReason: 'return_reason',
};

export async function updateProblem(q: Queryable, id: number, change: ProblemChange, at: string): Promise<void> {
  const params: unknown[] = [id, at];
  const sets = Object.entries(change)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${COLUMNS[k as keyof ProblemChange]} = $${params.push(v)}`);
  await q.query(`UPDATE problems SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, params);
}

export async function insertStep(
  q: Queryable,
  problemId: number,
  s: {
    at: string; actor: string; action: ProblemAction | 'raise' | 'decision'; fromState: ProblemState | null; toState: ProblemState; note: string;
    /** The due date the step set (a raise with one, an acceptance's deadline, a decision's). */
    dueOn?: string | null;
  },
): Promise<void> {
  await q.query(
    'INSERT INTO problem_steps (problem_id, at, actor, action, from_state, to_state, note, due_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [problemId, s.at, s.actor, s.action, s.fromState, s.toState, s.note, s.dueOn ?? null],
  );
}

export async function stepsOf(q: Queryable, problemId: number): Promise<ProblemStep[]> {
  return q.query<ProblemStep>(
    `SELECT at, actor, action, from_state AS "fromState", to_state AS "toState", note FROM problem_steps
     WHERE problem_id = $1 ORDER BY id`,
    [problemId],
  );
}

/** The id of the problem's newest step. */
export async function lastStepId(q: Queryable, problemId: number): Promise<number> {
  const [{ step }] = await q.query<{ step: number }>('SELECT max(id)::int8 AS step FROM problem_steps WHERE problem_id = $1', [problemId]);
  return step;
}
