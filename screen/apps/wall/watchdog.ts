// The wall's watchdog: a page that runs for weeks must recover by itself when it gets stuck. The
// verdict is pure; useWatchdog reads the page and reloads it, but only when the server answers, so a
// recovery never trades stale figures for a blank screen.
import { onBeforeUnmount, onMounted } from 'vue';

export const WATCHDOG_LIMITS = {
  /** Frames stopped while the page is visible: rendering is wedged. */
  frameStallMs: 60_000,
  /** Pages missing while data is there: a render error left the wall empty. */
  blankMs: 30_000,
  /** No first snapshot this long after loading. */
  firstDataMs: 3 * 60_000,
  /** Disconnected this long although the server answers: the socket is wedged, a fresh load reconnects. */
  disconnectedMs: 15 * 60_000,
  /** Share of the JS heap limit above which the page starts afresh. */
  heapShare: 0.8,
  /** At most one recovery this often, so a broken build cannot reload in a loop. */
  minReloadGapMs: 10 * 60_000,
} as const;

export interface WatchdogReading {
  now: number;
  loadedAt: number;
  visible: boolean;
  lastFrameAt: number;
  hasData: boolean;
  /** Epoch ms since the page area has been empty while data was there; null when pages are shown. */
  blankSince: number | null;
  disconnectedAt: number | null;
  heapUsed: number | null;
  heapLimit: number | null;
  lastReloadAt: number | null;
}

/** Why the page should be reloaded, in Chinese for the log; null when all is well. */
export function watchdogVerdict(r: WatchdogReading): string | null {
  const L = WATCHDOG_LIMITS;
  if (r.lastReloadAt !== null && r.now - r.lastReloadAt < L.minReloadGapMs) return null;
  if (r.visible && r.now - r.lastFrameAt > L.frameStallMs) return '页面渲染停滞';
  if (r.hasData && r.blankSince !== null && r.now - r.blankSince > L.blankMs) return '页面内容缺失';
  if (!r.hasData && r.now - r.loadedAt > L.firstDataMs) return '长时间未收到数据';
  if (r.disconnectedAt !== null && r.now - r.disconnectedAt > L.disconnectedMs) return '连接长时间未恢复';
  if (r.heapUsed !== null && r.heapLimit && r.heapUsed > r.heapLimit * L.heapShare) return '内存占用过高';
  return null;
}

const RELOAD_KEY = 'xmdd-wall-reloaded-at';
const CHECK_MS = 15_000;

interface ChromeMemory {
  usedJSHeapSize: number;
  jsHeapSizeLimit: number;
}

export function useWatchdog(read: () => Pick<WatchdogReading, 'hasData' | 'disconnectedAt'> & { pagesShown: boolean }) {
  const loadedAt = Date.now();
  let lastFrameAt = loadedAt;
  let blankSince: number | null = null;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let checking = false;

  const tick = () => {
    lastFrameAt = Date.now();
    frame = requestAnimationFrame(tick);
  };

  async function check() {
    if (checking) return;
    const now = Date.now();
    const seen = read();
    blankSince = seen.hasData && !seen.pagesShown ? (blankSince ?? now) : null;
    const memory = (performance as Performance & { memory?: ChromeMemory }).memory;
    const lastReload = Number(sessionStorage.getItem(RELOAD_KEY));
    const reason = watchdogVerdict({
      now, loadedAt, visible: document.visibilityState === 'visible', lastFrameAt,
      hasData: seen.hasData, blankSince, disconnectedAt: seen.disconnectedAt,
      heapUsed: memory?.usedJSHeapSize ?? null, heapLimit: memory?.jsHeapSizeLimit ?? null,
      lastReloadAt: lastReload > 0 ? lastReload : null,
    });
    if (!reason) return;
    checking = true;
    try {
      const health = await fetch('/api/health', { cache: 'no-store' });
      if (!health.ok) return;
      console.warn(`大屏看门狗：${reason}，重新加载页面`);
      sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
      window.location.reload();
    } catch {
      // The server is away: keep the last good figures on screen and try again later.
    } finally {
      checking = false;
    }
  }

  // Hidden tabs get no frames; the count starts again when the wall is shown.
  const onVisible = () => (lastFrameAt = Date.now());

  onMounted(() => {
    frame = requestAnimationFrame(tick);
    timer = setInterval(() => void check(), CHECK_MS);
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    cancelAnimationFrame(frame);
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
}
