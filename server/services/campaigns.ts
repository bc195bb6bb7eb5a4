// Campaign years (年度台账): listed for the console and API clients, created from scratch by staff.
import { campaignInput, rolloverInput, type CampaignInfo } from '../../shared/campaigns.js';
import { DEFAULT_SETTINGS, type User } from '../../shared/types.js';
import { rankOfTitle } from '../domain/leaderRank.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { campaignOfYear, getCampaign, listCampaigns, lockCampaign, newestYear, successorOf } from '../store/campaigns.js';
import { listDomains, listLevels } from '../store/reference.js';
import { carryProblems, carryProjects } from '../store/rollover.js';
import { insertCampaignYear } from '../store/campaignYear.js';
import { assertRole } from './access.js';
import { refreshCampaign } from './change.js';
import type { Deps } from './deps.js';
import { withCampaign } from './campaignScope.js';
import { currentSnapshot, todayFor } from './snapshot.js';
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
      domains: (input.domains ?? []).map((d, i) => ({ code: `d${i + 1}`, name: d.name, target: d.target ?? 0, periodTarget: d.periodTarget ?? null })),
      levels: (input.levels ?? []).map((l, i) => ({
        code: `l${i + 1}`, name: l.name, plannedCount: null, plannedAnnual: l.target ?? null, periodTarget: l.periodTarget ?? null,
      })),
      units: input.units ?? [],
      leaders: (input.leaders ?? []).map((l) => ({ name: l.name, title: l.title, rank: l.rank ?? rankOfTitle(l.title) })),
      activate: active,
    });
    const info: CampaignInfo = { id: campaignId, county: input.county, title: input.title, year: input.year, firstYear, lastYear, active, rolledOver: false };
    await audit(q, { userId: user.id, name: user.displayName }, 'campaign.create', 'campaign', campaignId, null, { ...info, ...input });
    return info;
  }).catch(onDuplicate(taken));
  // The new active year's first snapshot; walls see the version move and fetch it.
  if (created.active) await switchWalls(deps, created.id);
  return created;
}

/**
 * 年度结转: the next year's campaign, active at once, with every project not completed by 31 December
 * carried over (its investment since start as an opening balance, its open problems copied). The year
 * that ended stays readable and takes its December reports until January's deadline.
 */
export async function rolloverCampaign(deps: Deps, user: User, id: number, body: unknown): Promise<CampaignInfo & { carried: number; problems: number }> {
  assertRole(user, 'admin');
  const { year, domains: domainTargets, levels: levelTargets } = parseInput(rolloverInput, body);
  const targetOf = (list: typeof domainTargets, name: string) => list?.find((g) => g.name === name)?.target ?? null;
  const actor = { userId: user.id, name: user.displayName };
  const created = await deps.db.tx(async (q) => {
    // The old year's row lock serialises two staff rolling it over at once.
    const from = (await lockCampaign(q, id)) ? await getCampaign(q, id) : null;
    if (!from) throw NotFound('年度台账不存在');
    if (year !== from.year + 1) throw Invalid({ year: `${from.year}年度只能结转至${from.year + 1}年度` });
    if (await successorOf(q, from.id)) throw Conflict(`${from.county}${from.year}年度已结转至${year}年度`);
    if (await campaignOfYear(q, from.county, year)) throw Conflict(`${from.county}${year}年度台账已存在`);
    if ((await newestYear(q, from.county)) !== from.year) throw Conflict('只能结转最新年度的台账');
    const today = todayFor(from, deps.clock());
    // The year runs to its end: November's reports are due in December and the wall shows the year.
    if (today < `${year}-01-01`) throw Conflict(`${from.year}年度尚未结束，${year}年1月1日起方可结转`);

    // Inside a multi-year campaign the period, title and period targets carry on; after it, a one-year campaign.
    const inPeriod = year <= from.lastYear;
    const [domains, levels] = await Promise.all([listDomains(q, from.id), listLevels(q, from.id)]);
    const { campaignId } = await insertCampaignYear(q, {
      campaign: {
        county: from.county, year, firstYear: inPeriod ? from.firstYear : year, lastYear: inPeriod ? from.lastYear : year,
        title: from.title, frozenToday: null, settings: from.settings,
      },
      // The year's targets are the new year's own (given here, or none); the period's carry on.
      domains: domains.map((d) => ({ code: d.code, name: d.name, target: targetOf(domainTargets, d.name) ?? 0, periodTarget: inPeriod ? d.periodTarget ?? null : null })),
      levels: levels.map((l) => ({ ...l, plannedCount: null, plannedAnnual: targetOf(levelTargets, l.name), periodTarget: inPeriod ? l.periodTarget ?? null : null })),
      units: [],
      leaders: [],
      activate: true,
      rolledFrom: from.id,
    });
    const carried = await carryProjects(q, from.id, campaignId, from.year, actor);
    const problems = await carryProblems(q, carried, from.year, actor);
    const info = {
      id: campaignId, county: from.county, title: from.title, year,
      firstYear: inPeriod ? from.firstYear : year, lastYear: inPeriod ? from.lastYear : year, active: true, rolledOver: false,
      carried: carried.size, problems,
    };
    await audit(q, actor, 'campaign.rollover', 'campaign', campaignId, { id: from.id, year: from.year }, info);
    return info;
  }).catch(onDuplicate(() => Conflict(`该年度已结转至${year}年度`)));
  await switchWalls(deps, created.id);
  return created;
}

/** The new active year's first snapshot, sent whole to every wall (its versions start afresh). */
async function switchWalls(deps: Deps, campaignId: number): Promise<void> {
  await withCampaign(campaignId, async () => {
    await refreshCampaign(deps);
    const others = (await listCampaigns(deps.db)).map((c) => c.id).filter((id) => id !== campaignId);
    deps.notifier.resync?.(await currentSnapshot(deps), others);
  });
}

/** Two staff doing the same at once: the unique index refuses the second, which gets the 409 the check gives. */
function onDuplicate(conflict: () => Error) {
  return (err: unknown): never => {
    throw (err as { code?: string })?.code === '23505' ? conflict() : err;
  };
}
