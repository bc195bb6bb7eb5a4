// Reads the configuration, builds store, cache and logger, wires the app and listens.
import { createServer } from 'node:http';
import { pino } from 'pino';
import { demoLedger } from '../mock/demo.js';
import { chinaDate } from '../shared/dates.js';
import { createApp } from './app.js';
import { memoryCache } from './cache/memory.js';
import { redisCache } from './cache/redis.js';
import { loadConfig } from './config.js';
import { ensureFirstAdmin } from './services/auth.js';
import { refreshCampaign } from './services/change.js';
import { getActiveCampaign } from './store/campaigns.js';
import { openStore, storeId } from './store/open.js';
import { loadSeed } from './store/seed.js';
import { SYSTEM_ACTOR } from './store/audit.js';

const config = loadConfig();
const log = pino({ level: config.LOG_LEVEL });

// A database still starting (or restarting) is waited for, with a line per attempt.
const db = await openStore({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  onWait: (attempt, delayMs, err) =>
    log.warn({ attempt, err: err.message }, `PostgreSQL 无法连接（${err.message}），${delayMs / 1000} 秒后重试 / database not reachable, retrying`),
});

// A failure in background work (a refresh after a commit, a push) is logged; it must not end the
// process and leave every wall stale.
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
const admin = await ensureFirstAdmin(db, config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
if (admin?.generatedPassword) {
  // Printed once, on the console only: it is never stored in clear.
  console.log(`\n  首个管理员账号已创建 / first admin created\n  用户名 username: ${admin.username}\n  密码 password: ${admin.generatedPassword}\n`);
}
if (config.DEMO === '1' && !(await getActiveCampaign(db))) {
  const seed = demoLedger(config.DEMO_PROFILE, { seed: config.DEMO_SEED, today: config.DEMO_TODAY });
  await loadSeed(db, seed, SYSTEM_ACTOR);
  log.info({ county: seed.campaign.county, projects: seed.projects.length }, 'demo county loaded');
}

const cache = config.REDIS_URL ? redisCache(config.REDIS_URL, log, await storeId(db)) : memoryCache();
const httpServer = createServer();
const app = createApp(httpServer, {
  db,
  cache,
  log,
  redisUrl: config.REDIS_URL,
  screenDir: config.SCREEN_DIR,
  secureCookies: config.COOKIE_SECURE === '1',
  allowedOrigins: config.ALLOWED_ORIGINS,
});

await refreshCampaign(app.deps).catch((err) => log.warn({ err }, 'no campaign to refresh yet'));

httpServer.listen(config.PORT, config.HOST, () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, store: db.kind, cache: cache.kind }, `项目调度指挥平台 listening on http://localhost:${port}/`);
});

// Lateness depends on the calendar too: re-run the rules when the date in China moves on.
let lastDay = chinaDate(new Date());
const dayTimer = setInterval(() => {
  const day = chinaDate(new Date());
  if (day === lastDay) return;
  lastDay = day;
  refreshCampaign(app.deps).catch((err) => log.error({ err }, 'daily refresh failed'));
}, 60_000);
dayTimer.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await app.close();
  await cache.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
