import { describe, expect, it } from 'vitest';
import { WALL_PAGES } from '../../../shared/wall.js';
import { holdMs, pagesInPanes, playlistFromSearch, shownPages, stepIndex } from '../../../screen/apps/wall/playlist.js';
import { panesFor } from '../../../screen/composables/useStageScale.js';

describe('playlistFromSearch', () => {
  it('rotates through every page by default, at the display token\'s pace', () => {
    expect(playlistFromSearch('?token=abc')).toEqual({ pages: [...WALL_PAGES], pinned: null, rotateSeconds: null });
  });

  it('reads a pinned page, a page list and an interval, ignoring what it does not know', () => {
    expect(playlistFromSearch('?page=map&pages=overview,bogus,ranking,overview&rotate=20')).toEqual({
      pages: ['overview', 'ranking'], pinned: 'map', rotateSeconds: 20,
    });
    expect(playlistFromSearch('?page=nowhere&rotate=0').pinned).toBeNull();
    expect(playlistFromSearch('?rotate=1.5').rotateSeconds).toBeNull();
    expect(playlistFromSearch('?rotate=99999').rotateSeconds).toBeNull();
  });
});

describe('panesFor', () => {
  it('gives one pane to 1080p, 4K and near-16:9 screens, three to a 5760×1080 splice', () => {
    expect(panesFor(1920, 1080)).toBe(1);
    expect(panesFor(3840, 2160)).toBe(1);
    expect(panesFor(1366, 768)).toBe(1);
    expect(panesFor(1024, 1366)).toBe(1);
    expect(panesFor(3840, 1080)).toBe(2);
    expect(panesFor(5760, 1080)).toBe(3);
    expect(panesFor(7680, 1080)).toBe(4);
    expect(panesFor(20000, 1080)).toBe(4);
    expect(panesFor(0, 0)).toBe(1);
  });
});

describe('pages on the panes', () => {
  const pages = [...WALL_PAGES];

  it('shows the current page and those after it, wrapping, never one twice', () => {
    expect(pagesInPanes(pages, 0, 1)).toEqual(['overview']);
    expect(pagesInPanes(pages, 6, 3)).toEqual(['map', 'overview', 'domains']);
    expect(pagesInPanes(['overview', 'map'], 0, 3)).toEqual(['overview', 'map']);
    expect(pagesInPanes([], 3, 2)).toEqual([]);
  });

  it('puts the pinned or presented page first and rotates the rest beside it', () => {
    const config = { pages, pinned: 'map' as const, rotateSeconds: null };
    expect(shownPages(config, 0, 1, null)).toEqual(['map']);
    expect(shownPages(config, 0, 3, null)).toEqual(['map', 'overview', 'domains']);
    expect(shownPages(config, 0, 2, 'ranking')).toEqual(['ranking', 'overview']);
    expect(shownPages({ ...config, pinned: null }, 2, 1, null)).toEqual(['alerts']);
  });

  it('steps both ways and holds a touched page at least a minute', () => {
    expect(stepIndex(6, 1, 7)).toBe(0);
    expect(stepIndex(0, -1, 7)).toBe(6);
    expect(stepIndex(5, 3, 7)).toBe(1);
    expect(stepIndex(4, 1, 0)).toBe(0);
    expect(holdMs(10_000)).toBe(60_000);
    expect(holdMs(45_000)).toBe(90_000);
  });
});
