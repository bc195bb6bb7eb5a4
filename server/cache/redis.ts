import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Snapshot } from '../../shared/snapshot.js';
import type { SnapshotCache } from './cache.js';

// Sets the snapshot only when its version is newer, so processes racing after commits never go back.
const SET_IF_NEWER = `
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
if tonumber(ARGV[1]) > current then
  redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2])
  return 1
end
return 0`;


/** Redis options that fail fast while Redis is away, so requests fall back to the store instead of hanging. */
export const FAIL_FAST = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  retryStrategy: (times: number) => Math.min(times * 200, 5_000),
} as const;

/** The deployment's key (DEPLOYMENT_KEY, default the store's id) keeps deployments sharing one Redis apart. */
export function redisCache(url: string, log: Logger, deploymentKey: string): SnapshotCache {
  const key = (campaignId: number) => `xmdd:${deploymentKey}:snapshot:${campaignId}`;
  const redis = new Redis(url, FAIL_FAST);
  let up = false;
  redis.on('ready', () => {
    if (!up) log.info('redis cache connected');
    up = true;
  });
  redis.on('error', (err) => {
    if (up) log.warn({ err: err.message }, 'redis cache unavailable; serving from the store');
    up = false;
  });
  redis.on('end', () => (up = false));

  return {
    kind: 'redis',
    async get(campaignId) {
      try {
        const json = await redis.hget(key(campaignId), 'json');
        return json ? (JSON.parse(json) as Snapshot) : null;
      } catch {
        return null;
      }
    },
    async set(snapshot) {
      try {
        await redis.eval(SET_IF_NEWER, 1, key(snapshot.campaign.id), String(snapshot.version), JSON.stringify(snapshot));
      } catch (err) {
        log.debug({ err: (err as Error).message }, 'snapshot not cached');
      }
    },
    healthy: () => up,
    async close() {
      redis.disconnect();
    },
  };
}
