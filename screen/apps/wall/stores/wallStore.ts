// The wall's live data: the one place socket listeners are registered. Panels read it via computed.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, type ComputedRef } from 'vue';
import { ratio } from '../../../../shared/money.js';
import type { AlertRaised } from '../../../../shared/events.js';
import type { Snapshot, TickerEvent } from '../../../../shared/snapshot.js';
import type { Alert } from '../../../../shared/types.js';
import type { DisplayConfig } from '../../../../shared/wall.js';
import { runningOf, type FrozenSnapshot, type PresentationPush, type PresentationState } from '../../../../shared/presentation.js';
import { createWallSocket, type WallSocket } from '../../../api/socket.js';
import {
  applyAlertCleared,
  applyAlertRaised,
  applyAlertUpdated,
  applyInvestmentUpdate,
  applyMilestone,
  applyProblemUpdate,
  applySnapshot,
  applySummaryUpdate,
  type Outcome,
  type WallData,
} from './applyEvents.js';

/** The latest `presentation:state` a wall has taken (a session's or an end's): its campaign and seq. */
export interface PresentationSeen {
  campaignId: number;
  seq: number;
}

/**
 * Whether a wall takes a `presentation:state` push, having seen `seen` last: pushes of a campaign's
 * sessions — ends included — carry a growing seq, so an older one arriving late (a state read on
 * connect while the session ended) is dropped. A seq-less null (an older server's end) is taken.
 */
export function acceptsPresentation(seen: PresentationSeen | null, push: PresentationPush): boolean {
  if (push === null || seen === null || seen.campaignId !== push.campaignId) return true;
  return push.seq >= seen.seq;
}

/**
 * Whether a wall takes month-end figures (`presentation:snapshot`) while showing `current` and holding
 * `held`: those of the current session and month (unless older than the ones held), or those sent
 * just ahead of a newer state that freezes at them; anything else is stale.
 */
export function acceptsFrozen(seen: PresentationSeen | null, current: PresentationState | null, held: FrozenSnapshot | null, f: FrozenSnapshot): boolean {
  const seq = f.seq ?? -1;
  const sameAs = (x: { sessionId: number; month: string } | null) => x !== null && x.sessionId === f.sessionId && x.month === f.month;
  if (held && sameAs(held) && (held.seq ?? -1) > seq) return false;
  if (current?.frozen && sameAs({ sessionId: current.id, month: current.frozen.month })) return true;
  return seen === null || seen.campaignId !== f.snapshot.campaign.id || seq > seen.seq;
}

/** connecting: no data yet; live: connected and current; stale: disconnected, showing the last good data. */
export type ConnectionState = 'connecting' | 'live' | 'stale';

/** While a requested snapshot is on its way, further gaps do not ask again (unless it seems lost). */
const SNAPSHOT_REQUEST_PATIENCE_MS = 5_000;
/** How long a new red alert stays flashing across the wall, and how many are shown at once. */
export const FLASH_MS = 12_000;
const FLASH_LIMIT = 3;
/** Socket.IO does not retry after the server refused or closed the socket itself; the wall does, slowly. */
const REFUSED_RETRY_MS = 60_000;

export const useWallStore = defineStore('wall', () => {
  const snapshot = shallowRef<Snapshot | null>(null);
  const ticker = shallowRef<TickerEvent[]>([]);
  const version = computed(() => snapshot.value?.version ?? null);
  /**
   * 序时进度 of the figures shown (a frozen meeting's month end, else live): planned to date over the
   * annual plan (monthly plans where set, else the share of the year).
   */
  const scheduleShare = computed(() => {
    const s = frozenSnapshot.value ?? snapshot.value;
    return s ? ratio(s.totals.schedulePlan, s.totals.annualPlan) : 0;
  });
  const connection = ref<ConnectionState>('connecting');
  /** When the last snapshot or applied update arrived (epoch ms, this machine's clock). */
  const lastUpdatedAt = ref<number | null>(null);
  /** When the connection dropped; null while connected. */
  const disconnectedAt = ref<number | null>(null);
  /** The server's reason when it refused the wall (e.g. a revoked display token). */
  const refusal = ref<string | null>(null);
  /** New red alerts, to be noticed from across the hall; each leaves after FLASH_MS. */
  const flashes = shallowRef<Alert[]>([]);
  /** Who this wall is (display token) and how fast it rotates; the server says on connect. */
  const display = ref<DisplayConfig>({ displayId: null, name: null, rotateSeconds: 30, followsMeetings: true });
  /** 会议模式: the running session (null: none), and the month-end figures while it is frozen. */
  const presentation = shallowRef<PresentationState | null>(null);
  const frozen = shallowRef<FrozenSnapshot | null>(null);
  /** This wall follows the presenter (its display follows meetings and a session runs). */
  const following = computed(() => display.value.followsMeetings && presentation.value !== null);
  /** The frozen figures to show instead of the live ones, once they have arrived. */
  const frozenSnapshot = computed(() => {
    const p = presentation.value;
    const f = frozen.value;
    return following.value && p?.frozen && f && f.sessionId === p.id && f.month === p.frozen.month ? f.snapshot : null;
  });

  let socket: WallSocket | null = null;
  /** The last presentation state taken, kept after the session ends and across reconnects. */
  let presentationSeen: PresentationSeen | null = null;
  let snapshotRequestedAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const flashTimers = new Map<number, ReturnType<typeof setTimeout>>();

  const data = (): WallData => ({ snapshot: snapshot.value, ticker: ticker.value });

  function commit(next: WallData) {
    snapshot.value = next.snapshot;
    ticker.value = next.ticker;
  }

  function receiveSnapshot(s: Snapshot) {
    commit(applySnapshot(s));
    snapshotRequestedAt = 0;
    lastUpdatedAt.value = Date.now();
    disconnectedAt.value = null;
    refusal.value = null;
    connection.value = 'live';
  }

  function receive(outcome: Outcome) {
    if (outcome.decision === 'gap') return requestSnapshot();
    const month = snapshot.value?.reportingMonth;
    commit(outcome.data);
    if (outcome.decision === 'apply') lastUpdatedAt.value = Date.now();
    // A new 数据统计至 month: the year-before figures (同比) and the period's are of another month now.
    if (month !== undefined && outcome.data.snapshot && outcome.data.snapshot.reportingMonth !== month) requestSnapshot();
  }

  function alertRaised(a: AlertRaised) {
    const outcome = applyAlertRaised(data(), a);
    receive(outcome);
    if (outcome.decision === 'apply' && a.alert.severity === 'red') flash(a.alert);
  }

  function flash(alert: Alert) {
    unflash(alert.id);
    const dropped = flashes.value.slice(FLASH_LIMIT - 1);
    for (const old of dropped) unflash(old.id);
    flashes.value = [alert, ...flashes.value];
    flashTimers.set(alert.id, setTimeout(() => unflash(alert.id), FLASH_MS));
  }

  function unflash(id: number) {
    clearTimeout(flashTimers.get(id));
    flashTimers.delete(id);
    if (flashes.value.some((f) => f.id === id)) flashes.value = flashes.value.filter((f) => f.id !== id);
  }

  function presentationState(push: PresentationPush) {
    if (!acceptsPresentation(presentationSeen, push)) return;
    if (push) presentationSeen = { campaignId: push.campaignId, seq: push.seq };
    const state = runningOf(push);
    presentation.value = state;
    if (!state?.frozen) frozen.value = null;
  }

  function presentationSnapshot(f: FrozenSnapshot) {
    if (acceptsFrozen(presentationSeen, presentation.value, frozen.value, f)) frozen.value = f;
  }

  function requestSnapshot() {
    const now = Date.now();
    if (!socket?.connected || now - snapshotRequestedAt < SNAPSHOT_REQUEST_PATIENCE_MS) return;
    snapshotRequestedAt = now;
    socket.emit('snapshot:request');
  }

  function lose() {
    disconnectedAt.value ??= Date.now();
    connection.value = snapshot.value ? 'stale' : 'connecting';
    if (socket && !socket.active) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket?.connect(), REFUSED_RETRY_MS);
    }
  }

  function refused(err: Error) {
    if (socket && !socket.active) refusal.value = err.message;
    lose();
  }

  /** Registers the listeners once; the server sends a fresh snapshot on every (re)connect. */
  function connect(s: WallSocket = createWallSocket()): WallSocket {
    if (socket) return socket;
    socket = s;
    s.on('snapshot', receiveSnapshot);
    s.on('investment:update', (u) => receive(applyInvestmentUpdate(data(), u)));
    s.on('summary:update', (u) => receive(applySummaryUpdate(data(), u)));
    s.on('report:submitted', (r) => receive(applyMilestone(data(), r)));
    s.on('project:started', (m) => receive(applyMilestone(data(), m)));
    s.on('project:completed', (m) => receive(applyMilestone(data(), m)));
    s.on('alert:raised', alertRaised);
    s.on('alert:updated', (a) => receive(applyAlertUpdated(data(), a)));
    s.on('alert:cleared', (a) => {
      receive(applyAlertCleared(data(), a));
      unflash(a.alertId);
    });
    s.on('problem:update', (p) => receive(applyProblemUpdate(data(), p)));
    s.on('display:config', (c) => (display.value = c));
    s.on('presentation:state', presentationState);
    s.on('presentation:snapshot', presentationSnapshot);
    s.on('disconnect', lose);
    s.on('connect_error', refused);
    return s;
  }

  /** The socket while it is connected, for requests with an acknowledgement (drill-down, map). */
  function liveSocket(): WallSocket | null {
    return socket?.connected ? socket : null;
  }

  /** Closes the socket when the wall page is left (the console and the forms do not need it). */
  function disconnect() {
    clearTimeout(retryTimer);
    for (const id of [...flashTimers.keys()]) unflash(id);
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    snapshotRequestedAt = 0;
    disconnectedAt.value = null;
    refusal.value = null;
    connection.value = 'connecting';
    presentation.value = null;
    presentationSeen = null;
    frozen.value = null;
  }

  return { snapshot, ticker, version, scheduleShare, connection, lastUpdatedAt, disconnectedAt, refusal, flashes, display, connect, disconnect, liveSocket, presentation, frozen, following, frozenSnapshot };
});

/** The snapshot for a panel. The wall page renders its panels only once a snapshot has arrived. */
export function useSnapshot(): ComputedRef<Snapshot> {
  const wall = useWallStore();
  // While following a frozen meeting, the month-end figures (会议模式); the live ones keep updating meanwhile.
  return computed(() => (wall.frozenSnapshot ?? wall.snapshot) as Snapshot);
}
