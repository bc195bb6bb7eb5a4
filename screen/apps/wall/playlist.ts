// The wall's playlist, worked out without timers or the DOM: which pages, which one each pane shows,
// how long a page stays up and how long an interaction holds it.
import { isWallPage, WALL_PAGES, type WallPageKey } from '../../../shared/wall.js';

const ROTATE_LIMITS = { min: 1, max: 3_600 };

export interface PlaylistConfig {
  /** The pages to rotate through, in order. */
  pages: WallPageKey[];
  /** A page held on screen (`?page=`): no rotation. */
  pinned: WallPageKey | null;
  /** Seconds per page from the URL (`?rotate=`), overriding the display token's setting. */
  rotateSeconds: number | null;
}

/** Reads `?page=map`, `?pages=overview,map,ranking` and `?rotate=20` from a wall URL; unknown values are ignored. */
export function playlistFromSearch(search: string): PlaylistConfig {
  const params = new URLSearchParams(search);
  const pinned = params.get('page');
  const listed = (params.get('pages') ?? '').split(',').map((p) => p.trim()).filter(isWallPage);
  const pages = listed.length ? [...new Set(listed)] : [...WALL_PAGES];
  const rotate = Number(params.get('rotate'));
  const rotateSeconds = Number.isInteger(rotate) && rotate >= ROTATE_LIMITS.min && rotate <= ROTATE_LIMITS.max ? rotate : null;
  return { pages, pinned: isWallPage(pinned) ? pinned : null, rotateSeconds };
}

/**
 * The page each pane shows: the current page in the first pane and the following ones beside it,
 * never the same page twice.
 */
export function pagesInPanes(pages: readonly WallPageKey[], index: number, panes: number): WallPageKey[] {
  if (!pages.length) return [];
  const n = pages.length;
  const start = ((index % n) + n) % n;
  return Array.from({ length: Math.min(panes, n) }, (_, i) => pages[(start + i) % n]);
}

/** The pages on screen: a pinned or presented page leads, the playlist fills the other panes. */
export function shownPages(config: PlaylistConfig, index: number, panes: number, lead: WallPageKey | null): WallPageKey[] {
  const first = lead ?? config.pinned;
  if (!first) return pagesInPanes(config.pages, index, panes);
  const rest = config.pages.filter((p) => p !== first);
  return [first, ...pagesInPanes(rest, index, panes - 1)];
}

/** The next index, wrapping both ways. */
export function stepIndex(index: number, delta: number, count: number): number {
  return count ? (((index + delta) % count) + count) % count : 0;
}

/** Someone touching the wall holds the page this long before the playlist resumes by itself. */
export function holdMs(rotateMs: number): number {
  return Math.max(60_000, 2 * rotateMs);
}
