// The small lists forms choose from: units, leaders, and the active year's domains and levels.
import type { Deps } from './deps.js';
import { requireCampaign } from './campaignScope.js';
import { listDomains, listLeaders, listLevels, listUnits } from '../store/reference.js';

export const units = (deps: Deps) => listUnits(deps.db);
export const leaders = (deps: Deps) => listLeaders(deps.db);
export const domains = async (deps: Deps) => listDomains(deps.db, (await requireCampaign(deps.db)).id);
export const levels = async (deps: Deps) => listLevels(deps.db, (await requireCampaign(deps.db)).id);
