// Long lists on the wall turn pages instead of scrolling: whole rows only, never one cut in half.

/** How many rows of `rowHeight` (with `gap` between them) fit in `available` pixels; at least one. */
export function rowsThatFit(available: number, rowHeight: number, gap = 0): number {
  return Math.max(1, Math.floor((available + gap) / (rowHeight + gap)));
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/** The rows of page `page` (0-based); a page past the end shows the last. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  const last = pageCount(items.length, perPage) - 1;
  const p = Math.min(Math.max(0, page), last);
  return items.slice(p * perPage, (p + 1) * perPage);
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, pages: number): number {
  return pages <= 1 ? 0 : (page + 1) % pages;
}
