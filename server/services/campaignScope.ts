// Which campaign year a request works on: the active one, or the one `?campaign=<id>` names.
// Carried through the request's async work so every use case's requireCampaign() sees it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Campaign } from '../../shared/types.js';
import { NotFound } from '../errors.js';
import { campaignOfProject, getActiveCampaign, getCampaign } from '../store/campaigns.js';
import type { Queryable } from '../store/db.js';

const selected = new AsyncLocalStorage<number>();

/** Runs `fn` (and all it awaits) on campaign `id` instead of the active one. */
export function withCampaign<T>(id: number, fn: () => T): T {
  return selected.run(id, fn);
}

/** The campaign year a project belongs to (a write goes to the project's own year, whichever is active). */
export async function projectCampaign(q: Queryable, projectId: number): Promise<Campaign> {
  const campaign = await campaignOfProject(q, projectId);
  if (!campaign) throw NotFound('项目不存在');
  return campaign;
}

/** The campaign the current request works on, or 404 in Chinese. */
export async function requireCampaign(q: Queryable): Promise<Campaign> {
  const id = selected.getStore();
  const campaign = id === undefined ? await getActiveCampaign(q) : await getCampaign(q, id);
  if (!campaign) throw NotFound(id === undefined ? '尚未建立项目年度台账' : '年度台账不存在');
  return campaign;
}

/** The active campaign year's id, or null before the first one is created. */
export async function activeCampaignId(q: Queryable): Promise<number | null> {
  return (await getActiveCampaign(q))?.id ?? null;
}
