import type { Snapshot } from '../../shared/snapshot.js';
import type { SnapshotCache } from './cache.js';

export function memoryCache(): SnapshotCache {
  const store = new Map<number, Snapshot>();
  return {
    kind: 'memory',
    async get(campaignId) {
      return store.get(campaignId) ?? null;
    },
    async set(snapshot) {
      const current = store.get(snapshot.campaign.id);
      if (!current || current.version < snapshot.version) store.set(snapshot.campaign.id, snapshot);
    },
    healthy: () => true,
    async close() {
      store.clear();
    },
  };
}
