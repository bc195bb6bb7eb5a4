import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { WALL_PAGES, type WallPageKey } from '../../../shared/wall.js';
import { playlistFromSearch } from '../../../screen/apps/wall/playlist.js';
import { usePlaylist } from '../../../screen/apps/wall/usePlaylist.js';

function start(search = '', opts: { panes?: number; rotate?: number } = {}) {
  const scope = effectScope();
  const target = new EventTarget();
  const panes = ref(opts.panes ?? 1);
  const rotateSeconds = ref(opts.rotate ?? 10);
  const lead = ref<WallPageKey | null>(null);
  const playlist = scope.run(() => usePlaylist({ config: playlistFromSearch(search), panes, rotateSeconds, lead, target }))!;
  const key = (k: string) => target.dispatchEvent(Object.assign(new Event('keydown'), { key: k }));
  return { scope, target, panes, rotateSeconds, lead, playlist, key, shown: () => playlist.shown.value };
}

describe('usePlaylist', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a page every interval and wraps round', () => {
    const { shown, scope } = start();
    expect(shown()).toEqual(['overview']);
    vi.advanceTimersByTime(10_000);
    expect(shown()).toEqual(['domains']);
    vi.advanceTimersByTime(6 * 10_000);
    expect(shown()).toEqual(['overview']);
    scope.stop();
  });

  it('holds the page when touched and resumes by itself after the hold', () => {
    const { shown, target, playlist, scope } = start();
    vi.advanceTimersByTime(5_000);
    target.dispatchEvent(new Event('pointerdown'));
    expect(playlist.state.value).toBe('held');
    vi.advanceTimersByTime(59_000);
    expect(shown()).toEqual(['overview']);
    vi.advanceTimersByTime(1_000);
    expect(playlist.state.value).toBe('rotating');
    vi.advanceTimersByTime(10_000);
    expect(shown()).toEqual(['domains']);
    scope.stop();
  });

  it('steps with the keys and shows a chosen page', () => {
    const { shown, key, playlist, scope } = start();
    key('ArrowLeft');
    expect(shown()).toEqual(['map']);
    key('ArrowRight');
    key('ArrowRight');
    expect(shown()).toEqual(['domains']);
    key('Home');
    expect(shown()).toEqual(['overview']);
    playlist.show('leaders');
    expect(shown()).toEqual(['leaders']);
    scope.stop();
  });

  it('follows the presenter without turning, and picks up again when the meeting ends', async () => {
    const { shown, lead, playlist, scope } = start();
    lead.value = 'ranking';
    await nextTick();
    expect(shown()).toEqual(['ranking']);
    expect(playlist.state.value).toBe('fixed');
    vi.advanceTimersByTime(120_000);
    expect(shown()).toEqual(['ranking']);
    lead.value = null;
    await nextTick();
    vi.advanceTimersByTime(10_000);
    expect(WALL_PAGES).toContain(shown()[0]);
    expect(playlist.state.value).toBe('rotating');
    scope.stop();
  });

  it('gives every pane of a splice a fresh page each turn, and stops its timer and listeners when disposed', () => {
    const { shown, scope, target } = start('', { panes: 3 });
    expect(shown()).toEqual(['overview', 'domains', 'alerts']);
    vi.advanceTimersByTime(10_000);
    expect(shown()).toEqual(['problems', 'leaders', 'ranking']);
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
    target.dispatchEvent(new Event('pointerdown'));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not turn a pinned page or a playlist that fits the screen', () => {
    const pinned = start('?page=map');
    vi.advanceTimersByTime(60_000);
    expect(pinned.shown()).toEqual(['map']);
    expect(vi.getTimerCount()).toBe(0);
    pinned.scope.stop();
    const fits = start('?pages=overview,map', { panes: 3 });
    expect(fits.shown()).toEqual(['overview', 'map']);
    expect(vi.getTimerCount()).toBe(0);
    fits.scope.stop();
  });
});
