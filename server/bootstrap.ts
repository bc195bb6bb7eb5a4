// First start of a store: the first admin and the demo county, made once however many processes
// start together on an empty PostgreSQL (they take turns under one advisory lock).
import type { Logger } from 'pino';
import type { LedgerSeed } from './domain/ledger.js';
import { ensureFirstAdmin } from './services/auth.js';
import { SYSTEM_ACTOR } from './store/audit.js';
import { listCampaigns } from './store/campaigns.js';
import type { Db } from './store/db.js';
import { withStoreLock } from './store/locks.js';
import { loadSeed } from './store/seed.js';

export interface FirstStart {
  admin: { username?: string; password?: string };
  /** The demo county to load into a store without campaigns (DEMO=1), built only when needed. */
  demo: (() => LedgerSeed) | null;
}

export async function firstStart(db: Db, log: Logger, opts: FirstStart): Promise<void> {
  await withStoreLock(db, 'xmdd:first-start', async () => {
    const admin = await ensureFirstAdmin(db, opts.admin.username, opts.admin.password);
    if (admin?.generatedPassword) {
      // Printed once, on the console only: it is never stored in clear.
      console.log(`\n  首个管理员账号已创建 / first admin created\n  用户名 username: ${admin.username}\n  密码 password: ${admin.generatedPassword}\n`);
    }
    if (opts.demo && (await listCampaigns(db)).length === 0) {
      const seed = opts.demo();
      await loadSeed(db, seed, SYSTEM_ACTOR);
      log.info({ county: seed.campaign.county, projects: seed.projects.length }, 'demo county loaded');
    }
  });
}
