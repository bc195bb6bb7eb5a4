// A tablet that slept (screen off, tab in the background, network lost) has stale figures: on waking it
// reloads everything. Which browser events mean "woke up" is pure and unit-tested; useWake wires them.
import { onBeforeUnmount, onMounted } from 'vue';

export type WakeSignal =
  | { type: 'visibilitychange'; visible: boolean }
  | { type: 'online' }
  | { type: 'pageshow'; persisted: boolean };

/** Coming back into view, back online, or restored from the back-forward cache. */
export function isWake(signal: WakeSignal): boolean {
  if (signal.type === 'visibilitychange') return signal.visible;
  if (signal.type === 'pageshow') return signal.persisted;
  return true;
}

/** One reload for a burst of wake signals (unlocking a tablet fires several at once). */
export function wakeGate(minGapMs: number): (now: number) => boolean {
  let last = -Infinity;
  return (now) => {
    if (now - last < minGapMs) return false;
    last = now;
    return true;
  };
}

/** Calls `resync` when the page wakes; listeners are removed with the component. */
export function useWake(resync: () => void, minGapMs = 2_000): void {
  const pass = wakeGate(minGapMs);
  const fire = (signal: WakeSignal) => {
    if (isWake(signal) && pass(Date.now())) resync();
  };
  const onVisibility = () => fire({ type: 'visibilitychange', visible: document.visibilityState === 'visible' });
  const onOnline = () => fire({ type: 'online' });
  const onPageShow = (e: PageTransitionEvent) => fire({ type: 'pageshow', persisted: e.persisted });
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    window.addEventListener('pageshow', onPageShow);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('pageshow', onPageShow);
  });
}
