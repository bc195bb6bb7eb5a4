// Reads the configuration, builds store, cache and logger, wires the app and listens.
import { createServer } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.js';
import { firstStart, productClock } from './bootstrap.js';
import { memoryCache } from './cache/memory.js';
import { loadConfig } from './config.js';
import { refreshCampaign } from './services/change.js';
import { watchDayTurn } from './services/dayTurn.js';
import { openStore, storeId } from './store/open.js';

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
await firstStart(db, log, config);
const clock = await productClock(db, log, config);

const deploymentKey = config.DEPLOYMENT_KEY ?? (await storeId(db));
// ioredis is loaded only when Redis is configured: the embedded default starts without it.
const cache = config.REDIS_URL ? (await import('./cache/redis.js')).redisCache(config.REDIS_URL, log, deploymentKey) : memoryCache();
const httpServer = createServer();
const app = createApp(httpServer, {
  db,
  cache,
  log,
  clock,
  redisUrl: config.REDIS_URL,
  deploymentKey,
  screenDir: config.SCREEN_DIR,
  secureCookies: config.COOKIE_SECURE === '1',
  allowedOrigins: config.ALLOWED_ORIGINS,
  notify: { secretKey: config.NOTIFY_SECRET_KEY, publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` },
});
app.notify.start();

// Listening at once: health answers while the rules run over the ledger; every other request waits for them.
app.deps.local.warm(refreshCampaign(app.deps).catch((err) => log.warn({ err }, 'no campaign to refresh yet')));

httpServer.listen(config.PORT, config.HOST, () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, store: db.kind, cache: cache.kind }, `项目调度指挥平台 listening on http://localhost:${port}/`);
});

watchDayTurn(app.deps);

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
