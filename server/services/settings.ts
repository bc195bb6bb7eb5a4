// The campaign year's thresholds and document settings, kept by staff; a change re-runs the rules.
import { settingsInput } from '../../shared/api.js';
import type { Campaign, User } from '../../shared/types.js';
import { summaryDelta } from '../domain/snapshot.js';
import { Invalid } from '../errors.js';
import { audit } from '../store/audit.js';
import { bumpVersion, setSettings } from '../store/campaigns.js';
import { assertRole } from './access.js';
import { announce, finishChange } from './change.js';
import type { Deps } from './deps.js';
import { requireCampaign, todayFor } from './snapshot.js';
import { parseInput } from './validate.js';
import { assertWritable } from './yearClosure.js';

export async function updateSettings(deps: Deps, user: User, body: unknown): Promise<Campaign> {
  assertRole(user, 'admin');
  const patch = parseInput(settingsInput, body);
  const result = await deps.db.tx(async (q) => {
    const campaign = await requireCampaign(q);
    const version = await bumpVersion(q, campaign.id);
    await assertWritable(q, campaign, todayFor(campaign, deps.clock()));
    const settings = { ...campaign.settings, ...patch };
    if (!(settings.lagYellowPoints < settings.lagOrangePoints && settings.lagOrangePoints < settings.lagRedPoints)) {
      throw Invalid({ lagOrangePoints: '阈值须满足：黄色 < 橙色 < 红色' });
    }
    await setSettings(q, campaign.id, settings);
    await audit(q, { userId: user.id, name: user.displayName }, 'campaign.settings', 'campaign', campaign.id, campaign.settings, settings);
    const updated = { ...campaign, settings };
    const change = await finishChange(deps, q, updated, version, deps.clock(), async (summary) => [
      { name: 'summary:update', payload: { version, summary: summaryDelta(summary) } },
    ]);
    return { updated, change };
  });
  await announce(deps, result.change);
  return result.updated;
}
