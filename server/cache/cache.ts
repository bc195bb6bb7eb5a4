// The snapshot cache: one small interface, a Redis and an in-process implementation.
import type { Snapshot } from '../../shared/snapshot.js';

export interface SnapshotCache {
  readonly kind: 'redis' | 'memory';
  /** The cached snapshot, or null when absent or the cache is unreachable. */
  get(campaignId: number): Promise<Snapshot | null>;
  /** Stores the snapshot unless a newer version is already there. Never throws. */
  set(snapshot: Snapshot): Promise<void>;
  /** Whether the backing service answers right now (always true in memory). */
  healthy(): boolean;
  close(): Promise<void>;
}
