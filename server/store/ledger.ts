// Loads everything the aggregate recompute needs for one campaign, in four queries.
import type { Campaign, Domain, Leader, Level } from '../../shared/types.js';
import type { LedgerInput, MonthlyFigure, MonthlyPlan } from '../domain/ledger.js';
import type { Queryable } from './db.js';
import { listProjectsBare } from './projects.js';

export async function loadLedger(q: Queryable, campaign: Campaign, today: string): Promise<LedgerInput> {
  const [domains, levels, leaders, projects, plans, monthly] = await Promise.all([
    q.query<Domain>('SELECT id, code, name, target, sort_order AS "sortOrder" FROM domains WHERE campaign_id = $1 ORDER BY sort_order, id', [campaign.id]),
    q.query<Level>(
      `SELECT code, name, planned_count AS "plannedCount", planned_annual AS "plannedAnnual"
       FROM levels WHERE campaign_id = $1 ORDER BY sort_order, code`,
      [campaign.id],
    ),
    q.query<Leader>('SELECT id, name, title, rank FROM leaders ORDER BY id'),
    listProjectsBare(q, campaign.id),
    q.query<MonthlyPlan>(
      `SELECT mp.project_id AS "projectId", mp.month, mp.amount FROM monthly_plans mp
       JOIN projects p ON p.id = mp.project_id WHERE p.campaign_id = $1`,
      [campaign.id],
    ),
    // Per project and month: the latest accepted revision, or else the latest revision of any status.
    q.query<MonthlyFigure>(
      `SELECT DISTINCT ON (r.project_id, r.month) r.project_id AS "projectId", r.month, r.investment, r.status,
         r.created_at AS "submittedAt"
       FROM reports r JOIN projects p ON p.id = r.project_id
       WHERE p.campaign_id = $1
       ORDER BY r.project_id, r.month, (r.status = 'accepted') DESC, r.revision DESC`,
      [campaign.id],
    ),
  ]);
  return { campaign, today, domains, levels, leaders, projects, plans, monthly };
}
