// Campaign years (年度台账): listed for the console and API clients, created from scratch by staff.
import { campaignInput, type CampaignInfo } from '../../shared/campaigns.js';
import { DEFAULT_SETTINGS, type User } from '../../shared/types.js';
import { rankOfTitle } from '../domain/leaderRank.js';
import { Conflict } from '../errors.js';
import { audit } from '../store/audit.js';
import { campaignOfYear, listCampaigns, newestYear } from '../store/campaigns.js';
import { insertCampaignYear } from '../store/campaignYear.js';
import { assertRole } from './access.js';
import { refreshCampaign } from './change.js';
import type { Deps } from './deps.js';
import { parseInput } from './validate.js';

export async function campaignYears(deps: Deps): Promise<CampaignInfo[]> {
  return listCampaigns(deps.db);
}

/**
 * A new campaign year: its groups with targets, its deadline day, and the units and leaders typed in
 * (the ledger import adds those it meets). It becomes the active year when it is its county's newest.
 */
export async function createCampaign(deps: Deps, user: User, body: unknown): Promise<CampaignInfo> {
  assertRole(user, 'admin');
  const input = parseInput(campaignInput, body);
  const firstYear = input.firstYear ?? input.year;
  const lastYear = input.lastYear ?? input.year;
  const taken = () => Conflict(`${input.county}${input.year}年度台账已存在`);
  const created = await deps.db.tx(async (q) => {
    if (await campaignOfYear(q, input.county, input.year)) throw taken();
    const newest = await newestYear(q, input.county);
    const active = newest === null || input.year > newest;
    const { campaignId } = await insertCampaignYear(q, {
      campaign: {
        county: input.county, year: input.year, firstYear, lastYear, title: input.title, frozenToday: null,
        settings: { ...DEFAULT_SETTINGS, reportDeadlineDay: input.reportDeadlineDay ?? DEFAULT_SETTINGS.reportDeadlineDay },
      },
      domains: (input.domains ?? []).map((d, i) => ({ code: `d${i + 1}`, name: d.name, target: d.target ?? 0 })),
      levels: (input.levels ?? []).map((l, i) => ({ code: `l${i + 1}`, name: l.name, plannedCount: null, plannedAnnual: l.target ?? null })),
      units: input.units ?? [],
      leaders: (input.leaders ?? []).map((l) => ({ name: l.name, title: l.title, rank: l.rank ?? rankOfTitle(l.title) })),
      activate: active,
    });
    const info: CampaignInfo = { id: campaignId, county: input.county, title: input.title, year: input.year, firstYear, lastYear, active };
    await audit(q, { userId: user.id, name: user.displayName }, 'campaign.create', 'campaign', campaignId, null, { ...info, ...input });
    return info;
  }).catch((err: unknown) => {
    // Two staff creating the same year at once: the unique index refuses the second.
    throw (err as { code?: string })?.code === '23505' ? taken() : err;
  });
  // The new active year's first snapshot; walls see the version move and fetch it.
  if (created.active) await refreshCampaign(deps);
  return created;
}
