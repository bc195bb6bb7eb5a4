// What every use case is given: the store, the cache, a logger, the clock and the push channel.
import type { Logger } from 'pino';
import type { ServerToClientEvents } from '../../shared/events.js';
import type { DisplayConfig } from '../../shared/wall.js';
import type { Snapshot } from '../../shared/snapshot.js';
import type { SnapshotCache } from '../cache/cache.js';
import type { DrillView } from '../domain/drill.js';
import type { LocalSnapshots } from './local.js';
import type { Db } from '../store/db.js';

type PushName = Exclude<keyof ServerToClientEvents, 'snapshot'>;

/** One server → client event of a committed change. */
export type Push = { [K in PushName]: { name: K; payload: Parameters<ServerToClientEvents[K]>[0] } }[PushName];

/** Delivers a committed change's pushes to every connected client (implemented by the realtime layer). */
export interface Notifier {
  publish(campaignId: number, pushes: Push[]): void;
  /** Cuts off the walls connected with a revoked display token. */
  revokeDisplay(displayId: number): void;
  /** Cuts off the sockets of a user whose sessions were ended (disabled, role changed, password reset). */
  endUser(userId: number): void;
  /** Cuts off the sockets opened with one session (logout). */
  endSession?(tokenHash: string): void;
  /** Tells the walls of a display token its changed settings (`display:config`). */
  updateDisplay?(config: DisplayConfig): void;
  /** Moves every wall to another campaign year that became the active one, with its whole snapshot; `others` are the years it leaves. */
  resync?(snapshot: Snapshot, others: number[]): void;
}

export interface Deps {
  db: Db;
  cache: SnapshotCache;
  /** This process's parsed and serialised snapshots, and its single-flight recomputes. */
  local: LocalSnapshots;
  /** The drill-down's recomputed ledger views, by month ('' for today) (services/drill.ts). */
  drillViews: Map<string, { key: string; view: Promise<DrillView> }>;
  /** Meeting mode's month-end snapshots, by campaign and month (services/presentation.ts). */
  frozenSnapshots: Map<string, { version: number; snapshot: Promise<Snapshot> }>;
  log: Logger;
  clock: () => Date;
  notifier: Notifier;
}
