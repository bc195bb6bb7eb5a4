// This process's own copy of each campaign's latest snapshot: parsed once, serialised (and gzipped)
// once per version, and recomputed by one caller at a time however many walls connect at once.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Snapshot } from '../../shared/snapshot.js';
import type { Alert } from '../../shared/types.js';
import type { LedgerInput } from '../domain/ledger.js';
import type { CampaignMemo } from '../domain/monthEnd.js';

/** A snapshot as GET /api/snapshot sends it. */
export interface SnapshotBody {
  etag: string;
  json: Buffer;
  /** Made on first request for it. */
  gzip(): Buffer;
}

export interface LocalSnapshots {
  /** Settles once the start-up recompute has: reads wait for it (health does not), so they never see the ledger before its rules ran. */
  readonly warming: Promise<void>;
  warm(work: Promise<unknown>): void;
  /** The newest snapshot this process has seen of the campaign. */
  latest(campaignId: number): Snapshot | null;
  /** Keeps it unless a newer version is already held. */
  keep(snapshot: Snapshot): void;
  body(snapshot: Snapshot): SnapshotBody;
  /** Runs `work` unless the same key's work is in flight, whose result is shared then. */
  once<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * A value computed once per key (keys name what they depend on, versions included), the last
   * REMEMBERED kept: e.g. an earlier year's figures, which every write of this year would recompute.
   */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * The ledger a committed change left at `version`, with the open alerts as then stored (null when
   * that change did not read them all), when this process made that change.
   */
  ledger(campaignId: number, version: number): HeldLedger | null;
  keepLedger(campaignId: number, version: number, held: HeldLedger): void;
}

export interface HeldLedger {
  ledger: LedgerInput;
  openAlerts: Alert[] | null;
  /** The per-project facts the live figures were added up from, for a change of a few projects to reuse. */
  memo: CampaignMemo;
}

const REMEMBERED = 64;

export function localSnapshots(): LocalSnapshots {
  const latest = new Map<number, Snapshot>();
  const bodies = new Map<number, { version: number; body: SnapshotBody }>();
  const inFlight = new Map<string, Promise<unknown>>();
  const remembered = new Map<string, Promise<unknown>>();
  const ledgers = new Map<number, { version: number; held: HeldLedger }>();
  let warming: Promise<void> = Promise.resolve();
  return {
    get warming() {
      return warming;
    },
    warm(work) {
      warming = work.then(() => undefined, () => undefined);
    },
    latest: (campaignId) => latest.get(campaignId) ?? null,
    keep(snapshot) {
      const held = latest.get(snapshot.campaign.id);
      if (!held || held.version < snapshot.version) latest.set(snapshot.campaign.id, snapshot);
    },
    body(snapshot) {
      const held = bodies.get(snapshot.campaign.id);
      if (held?.version === snapshot.version) return held.body;
      const json = Buffer.from(JSON.stringify(snapshot));
      let gzip: Buffer | null = null;
      // The version names the content; when it was computed joins it, so a reseeded or another store's
      // version n never matches a tag a client kept (the same version computed twice only costs a 200).
      const tag = createHash('sha1').update(`${snapshot.campaign.id}:${snapshot.version}:${snapshot.campaign.county}:${snapshot.generatedAt}`).digest('base64url').slice(0, 16);
      const body: SnapshotBody = { etag: `W/"${snapshot.version}-${tag}"`, json, gzip: () => (gzip ??= gzipSync(json)) };
      if (!held || held.version < snapshot.version) bodies.set(snapshot.campaign.id, { version: snapshot.version, body });
      return body;
    },
    once(key, work) {
      const running = inFlight.get(key);
      if (running) return running as Promise<never>;
      const started = work().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    ledger(campaignId, version) {
      const held = ledgers.get(campaignId);
      return held?.version === version ? held.held : null;
    },
    keepLedger(campaignId, version, kept) {
      const held = ledgers.get(campaignId);
      if (!held || held.version < version) ledgers.set(campaignId, { version, held: kept });
    },
    remember(key, compute) {
      const held = remembered.get(key);
      if (held) return held as Promise<never>;
      const value = compute();
      remembered.set(key, value);
      // A failure is not remembered; the oldest key goes when the map is full (Map keeps insertion order).
      value.catch(() => remembered.delete(key));
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
      return value;
    },
  };
}
