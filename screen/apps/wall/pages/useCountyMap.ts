// The map page's data: the county map and project points over the wall socket (`map:request`),
// fetched on a full snapshot and at most once a minute as the figures move; new starts and
// completions from the ticker move their point at once and make it ripple for a while.
import { registerMap } from 'echarts/core';
import { onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import type { CountyGeoJson, MapData, MapPoint } from '../../../../shared/map.js';
import { mapName, regionsGeoJson } from '../../../charts/map.js';
import { useWallStore } from '../stores/wallStore.js';
import { addRipple, applyMilestone, newMilestones, refetchDelay, RIPPLE_MS } from './mapLive.js';

const REQUEST_TIMEOUT_MS = 10_000;
/** After a failed request, try again this soon. */
const RETRY_MS = 15_000;
/**
 * The server answers a socket's map requests at most every 2 s, those with the GeoJSON every 10 s
 * (server/realtime/rateLimit.ts); the wall keeps its requests at least this far apart.
 */
export const POINTS_GAP_MS = 2_000;
export const MAP_GAP_MS = 10_000;

/** When this wall last asked, and last asked for the whole map (across the page's mounts). */
let lastAskAt: number | null = null;
let lastMapAskAt: number | null = null;

/** Milliseconds to wait before asking (0: now), given whether the map itself is wanted. */
export function askDelay(wantsMap: boolean, now: number, lastAsk: number | null, lastMapAsk: number | null): number {
  const points = lastAsk === null ? 0 : lastAsk + POINTS_GAP_MS - now;
  const map = wantsMap && lastMapAsk !== null ? lastMapAsk + MAP_GAP_MS - now : 0;
  return Math.max(0, points, map);
}

/**
 * The last map received, kept across the page's mounts: the playlist comes back to the map every few
 * minutes and then asks for the points only (the map may be megabytes). One entry, replaced on upload.
 */
let held: { version: string; name: string; geojson: CountyGeoJson } | null = null;

export function useCountyMap() {
  const wall = useWallStore();
  const county = ref('');
  const geojson = shallowRef<CountyGeoJson | null>(null);
  /** The ECharts map name the current GeoJSON is registered under. */
  const registered = ref<string | null>(null);
  const points = shallowRef<MapPoint[]>([]);
  const unplaced = ref(0);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const rippling = shallowRef<number[]>([]);

  let mapVersion: string | null = held?.version ?? null;
  if (held) {
    geojson.value = held.geojson;
    registered.value = held.name;
  }
  let lastFetchAt: number | null = null;
  let inFlight = false;
  let again = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rippleTimers = new Map<number, ReturnType<typeof setTimeout>>();

  function apply(reply: MapData) {
    county.value = reply.county;
    if (reply.mapVersion === null) {
      geojson.value = null;
      registered.value = null;
      held = null;
    } else if (reply.geojson) {
      // Registered before the option names it; a new upload gets a new name.
      const name = mapName(reply.mapVersion);
      registerMap(name, regionsGeoJson(reply.geojson) as unknown as Parameters<typeof registerMap>[1]);
      geojson.value = reply.geojson;
      registered.value = name;
      held = { version: reply.mapVersion, name, geojson: reply.geojson };
    }
    mapVersion = reply.mapVersion;
    points.value = reply.points;
    unplaced.value = reply.unplaced;
    loaded.value = true;
    error.value = null;
  }

  async function fetchNow(): Promise<void> {
    if (disposed) return;
    if (inFlight) return void (again = true);
    const socket = wall.liveSocket();
    // Not connected: the connection watcher asks again once the wall is live.
    if (!socket) return;
    const wait = askDelay(mapVersion === null, Date.now(), lastAskAt, lastMapAskAt);
    if (wait > 0) return later(wait);
    clearTimeout(timer);
    inFlight = true;
    lastFetchAt = Date.now();
    lastAskAt = lastFetchAt;
    if (mapVersion === null) lastMapAskAt = lastFetchAt;
    try {
      const reply = await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('map:request', { mapVersion });
      if (disposed) return;
      if ('error' in reply) {
        error.value = reply.error;
        later(RETRY_MS);
      } else apply(reply);
    } catch {
      if (disposed) return;
      error.value = '地图数据加载超时，稍后自动重试';
      later(RETRY_MS);
    } finally {
      inFlight = false;
      if (again && !disposed) {
        again = false;
        later(refetchDelay(lastFetchAt, Date.now()));
      }
    }
  }

  function later(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void fetchNow(), ms);
  }

  function ripple(projectId: number) {
    const next = addRipple(rippling.value, projectId);
    for (const dropped of rippling.value.filter((id) => !next.includes(id))) {
      clearTimeout(rippleTimers.get(dropped));
      rippleTimers.delete(dropped);
    }
    rippling.value = next;
    clearTimeout(rippleTimers.get(projectId));
    rippleTimers.set(
      projectId,
      setTimeout(() => {
        rippleTimers.delete(projectId);
        rippling.value = rippling.value.filter((id) => id !== projectId);
      }, RIPPLE_MS),
    );
  }

  // A full snapshot (on connect, after a gap) is a new generatedAt: fetch at once.
  watch(() => wall.snapshot?.generatedAt, (at) => at && void fetchNow(), { immediate: true });
  // Pushes move the figures (and may move a point's state): fetch again, at most once a minute.
  watch(() => wall.version, () => later(refetchDelay(lastFetchAt, Date.now())));
  watch(() => wall.connection, (c) => c === 'live' && !loaded.value && void fetchNow());

  let seen = new Set(wall.ticker.map((e) => e.id));
  watch(
    () => wall.ticker,
    (list) => {
      // Oldest first, so the newest milestone ripples last and stays longest.
      for (const m of newMilestones(seen, list).reverse()) {
        points.value = applyMilestone(points.value, m);
        ripple(m.projectId);
      }
      seen = new Set(list.map((e) => e.id));
    },
  );

  onBeforeUnmount(() => {
    disposed = true;
    clearTimeout(timer);
    for (const t of rippleTimers.values()) clearTimeout(t);
    rippleTimers.clear();
  });

  return { county, geojson, registered, points, unplaced, loaded, error, rippling };
}
