import type { ProblemView } from '../../shared/api.js';
import type { Queryable } from './db.js';

const VIEW = `SELECT pr.id, pr.project_id AS "projectId", p.name AS project, u.name AS unit, pr.category, pr.description,
  pr.asked_of AS "askedOf", to_char(pr.due_on, 'YYYY-MM-DD') AS "dueOn", pr.state,
  COALESCE(us.display_name, '') AS "raisedBy", pr.created_at AS "createdAt", pr.closed_at AS "closedAt"
  FROM problems pr JOIN projects p ON p.id = pr.project_id JOIN units u ON u.id = p.unit_id LEFT JOIN users us ON us.id = pr.raised_by`;

export async function insertProblem(
  q: Queryable,
  p: { projectId: number; category: string; description: string; askedOf: string; dueOn: string | null; raisedBy: number },
): Promise<ProblemView> {
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO problems (project_id, category, description, asked_of, due_on, raised_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.projectId, p.category, p.description, p.askedOf, p.dueOn, p.raisedBy],
  );
  return (await q.query<ProblemView>(`${VIEW} WHERE pr.id = $1`, [id]))[0];
}

export async function listProblems(q: Queryable, projectId: number): Promise<ProblemView[]> {
  return q.query<ProblemView>(`${VIEW} WHERE pr.project_id = $1 ORDER BY pr.id DESC`, [projectId]);
}

export async function listCampaignProblems(q: Queryable, campaignId: number): Promise<ProblemView[]> {
  return q.query<ProblemView>(`${VIEW} WHERE p.campaign_id = $1 ORDER BY pr.created_at, pr.id`, [campaignId]);
}
