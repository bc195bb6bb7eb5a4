// First start of a store: the first admin and the demo county, made once however many processes
// start together on an empty PostgreSQL (they take turns under one advisory lock); and the product's date.
import type { Logger } from 'pino';
import { dayClock } from '../shared/dates.js';
import type { Config } from './config.js';
import { demoLedger } from './demo/demo.js';
import { ensureFirstAdmin } from './services/auth.js';
import { SYSTEM_ACTOR } from './store/audit.js';
import { getActiveCampaign, listCampaigns } from './store/campaigns.js';
import type { Db } from './store/db.js';
import { withStoreLock } from './store/locks.js';
import { loadSeed } from './store/seed.js';

type StartConfig = Pick<Config, 'ADMIN_USERNAME' | 'ADMIN_PASSWORD' | 'DEMO' | 'DEMO_PROFILE' | 'DEMO_SEED' | 'DEMO_TODAY' | 'TODAY'>;

export async function firstStart(db: Db, log: Logger, config: StartConfig): Promise<void> {
  await withStoreLock(db, 'xmdd:first-start', async () => {
    const admin = await ensureFirstAdmin(db, config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
    if (admin?.generatedPassword) {
      // Printed once, on the console only: it is never stored in clear.
      console.log(`\n  首个管理员账号已创建 / first admin created\n  用户名 username: ${admin.username}\n  密码 password: ${admin.generatedPassword}\n`);
    }
    // The demo county (DEMO=1) goes into a store without campaigns, built only then.
    if (config.DEMO === '1' && (await listCampaigns(db)).length === 0) {
      const seed = demoLedger(config.DEMO_PROFILE, { seed: config.DEMO_SEED, today: config.TODAY ?? config.DEMO_TODAY });
      await loadSeed(db, seed, SYSTEM_ACTOR);
      log.info({ county: seed.campaign.county, projects: seed.projects.length }, 'demo county loaded');
    }
  });
}

/** The product's date: TODAY when set, else a demo's own date, else the date in China now. */
export async function productClock(db: Db, log: Logger, config: Pick<Config, 'TODAY'>): Promise<() => Date> {
  const day = config.TODAY ?? (await getActiveCampaign(db))?.frozenToday ?? null;
  if (!day) return () => new Date();
  log.info({ today: day }, config.TODAY ? 'product date fixed by TODAY' : "product date fixed by the demo's date");
  return dayClock(day);
}
