// Several server processes share pushes through Redis (Socket.IO's Redis adapter). Its channels carry
// the deployment's key: Redis pub/sub spans every DB number, so another deployment's adapter on the same
// server would otherwise receive every push and room operation of this one.
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { IoServer } from './io.js';

export function useRedisAdapter(io: IoServer, url: string, deploymentKey: string, log: Logger): () => Promise<void> {
  // Queue publishes while Redis is away rather than failing them: local clients are served anyway.
  const pub = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 5_000) });
  const sub = pub.duplicate();
  let warned = false;
  for (const client of [pub, sub]) {
    client.on('error', (err) => {
      if (!warned) log.warn({ err: err.message }, 'redis adapter unavailable; pushing to this process only');
      warned = true;
    });
    client.on('ready', () => (warned = false));
  }
  io.adapter(createAdapter(pub, sub, { key: `xmdd:${deploymentKey}` }));
  return async () => {
    pub.disconnect();
    sub.disconnect();
  };
}
