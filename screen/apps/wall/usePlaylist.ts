// Rotates the wall's pages: one timer at a time, held while someone uses the wall (pointer, keys,
// wheel) and resumed by itself; ← → PageUp PageDown step, Home returns to the first page.
import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import type { WallPageKey } from '../../../shared/wall.js';
import { holdMs, shownPages, stepIndex, type PlaylistConfig } from './playlist.js';

export interface PlaylistOptions {
  config: PlaylistConfig;
  /** Panes side by side on this screen. */
  panes: Readonly<Ref<number>>;
  /** Seconds per page (the display token's setting; the URL's `rotate` wins). */
  rotateSeconds: Readonly<Ref<number>>;
  /** A page someone else decides (the presenter in meeting mode): shown first, no rotation of it. */
  lead: Readonly<Ref<WallPageKey | null>>;
  /** Where interactions are heard (the window; tests pass their own). */
  target?: EventTarget;
}

export function usePlaylist({ config, panes, rotateSeconds, lead, target = window }: PlaylistOptions) {
  const index = ref(0);
  /** Epoch ms until which an interaction holds the page; null when rotating. */
  const heldUntil = ref<number | null>(null);
  /** Bumped on every page change, so the progress bar restarts. */
  const turn = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const rotateMs = computed(() => (config.rotateSeconds ?? rotateSeconds.value) * 1_000);
  const fixed = computed(() => lead.value ?? config.pinned);
  /** The playlist's pages without the fixed one: what the index walks through. */
  const walked = computed(() => (fixed.value ? config.pages.filter((p) => p !== fixed.value) : config.pages));
  /** More pages than the panes left for them. */
  const rotating = computed(() => {
    const slots = fixed.value ? panes.value - 1 : panes.value;
    return slots > 0 && walked.value.length > slots;
  });
  const shown = computed(() => shownPages(config, index.value, panes.value, lead.value));
  const state = computed<'rotating' | 'held' | 'fixed'>(() => (heldUntil.value !== null ? 'held' : rotating.value ? 'rotating' : 'fixed'));

  function go(delta: number) {
    index.value = stepIndex(index.value, delta, walked.value.length);
    turn.value++;
  }

  function schedule() {
    clearTimeout(timer);
    const now = Date.now();
    if (heldUntil.value !== null) {
      timer = setTimeout(() => {
        heldUntil.value = null;
        schedule();
      }, Math.max(0, heldUntil.value - now));
      return;
    }
    if (!rotating.value) return;
    timer = setTimeout(() => {
      // Every pane gets a fresh page: a 3-panel wall moves on by three.
      go(Math.max(1, shown.value.length - (fixed.value ? 1 : 0)));
      schedule();
    }, rotateMs.value);
  }

  function hold() {
    heldUntil.value = Date.now() + holdMs(rotateMs.value);
    schedule();
  }

  /** Shows a page of the playlist now (a click on the page indicator) and holds it. */
  function show(page: WallPageKey) {
    const at = walked.value.indexOf(page);
    if (at < 0) return;
    index.value = at;
    turn.value++;
    hold();
  }

  function onKey(event: Event) {
    const e = event as KeyboardEvent;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
    else if (e.key === 'Home') {
      index.value = 0;
      turn.value++;
    }
    hold();
  }

  target.addEventListener('pointerdown', hold, { passive: true });
  target.addEventListener('wheel', hold, { passive: true });
  target.addEventListener('keydown', onKey);
  schedule();
  onScopeDispose(() => {
    clearTimeout(timer);
    target.removeEventListener('pointerdown', hold);
    target.removeEventListener('wheel', hold);
    target.removeEventListener('keydown', onKey);
  });
  // A new interval, a presenter taking or leaving the lead, or another screen width restarts the count.
  watch([rotateMs, fixed, panes], () => {
    index.value = stepIndex(index.value, 0, walked.value.length);
    schedule();
  });

  return { shown, state, rotateMs, turn, show };
}
