// A kiosk must never stay stuck on a drill-down: it closes after a spell without interaction.

/** How long the drill-down stays open without a touch, a click, a key or a pointer move. */
export const DRILL_IDLE_MS = 90_000;

export interface IdleTimer {
  /** (Re)starts the countdown. */
  poke(): void;
  /** Stops it (the overlay closed). */
  stop(): void;
}

export function createIdleTimer(
  ms: number,
  onIdle: () => void,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (t: unknown) => void } = {
    set: (fn, t) => setTimeout(fn, t),
    clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): IdleTimer {
  let handle: unknown = null;
  const stop = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  return {
    poke() {
      stop();
      handle = timers.set(() => {
        handle = null;
        onIdle();
      }, ms);
    },
    stop,
  };
}
