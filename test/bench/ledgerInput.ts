// Turns a generated LedgerSeed into the domain's LedgerInput in memory (ids assigned in order),
// so the recompute can be timed without a store.
import { monthsOfYear } from '../../shared/dates.js';
import type { Project } from '../../shared/types.js';
import { seedCampaign, type LedgerInput, type LedgerSeed } from '../../server/domain/ledger.js';

export function seedToLedgerInput(seed: LedgerSeed, campaignId = 1): LedgerInput {
  const domains = seed.domains.map((d, i) => ({ id: i + 1, code: d.code, name: d.name, target: d.target, sortOrder: i }));
  const domainByCode = new Map(domains.map((d) => [d.code, d]));
  const unitId = new Map(seed.units.map((u, i) => [u, i + 1]));
  const leaders = seed.leaders.map((l, i) => ({ id: i + 1, ...l }));
  const leaderId = new Map(leaders.map((l) => [l.name, l.id]));
  const projectId = new Map<string, number>();
  const months = monthsOfYear(seed.campaign.year);
  const projects: Project[] = seed.projects.map((p, i) => {
    projectId.set(p.code, i + 1);
    const { monthlyPlan: _plan, domainCode, ...rest } = p;
    return {
      ...rest, id: i + 1, domainId: domainByCode.get(domainCode)!.id, domain: domainByCode.get(domainCode)!.name,
      unitId: unitId.get(p.unit)!, leaderId: p.leader ? leaderId.get(p.leader)! : null,
      chargeLeaderId: p.chargeLeader ? leaderId.get(p.chargeLeader)! : null, completedToDate: 0, rowVersion: 1,
    };
  });
  return {
    campaign: seedCampaign(campaignId, seed.campaign),
    today: seed.campaign.frozenToday ?? `${seed.campaign.year}-12-31`,
    domains,
    levels: seed.levels,
    leaders,
    projects,
    plans: seed.projects.flatMap((p) => (p.monthlyPlan ?? []).map((amount, m) => ({ projectId: projectId.get(p.code)!, month: months[m], amount }))),
    problems: [],
    monthly: seed.reports.map((r) => ({ projectId: projectId.get(r.projectCode)!, month: r.month, investment: r.investment, status: 'accepted' as const, submittedAt: r.submittedAt })),
  };
}
