// The wall's pages by key, found by file name (WallOverviewPage.vue → overview). All are in the main
// bundle: a kiosk must not wait for a chunk when the playlist turns.
import type { Component } from 'vue';
import { isWallPage, WALL_PAGES, type WallPageKey } from '../../../../shared/wall.js';

const modules = import.meta.glob<{ default: Component }>('./Wall*Page.vue', { eager: true });

export const PAGE_COMPONENTS: Partial<Record<WallPageKey, Component>> = Object.fromEntries(
  Object.entries(modules).flatMap(([file, mod]) => {
    const key = /\.\/Wall(\w+)Page\.vue$/.exec(file)?.[1]?.toLowerCase();
    return isWallPage(key) ? [[key, mod.default]] : [];
  }),
);

/** The pages this build has, in playlist order. */
export const AVAILABLE_PAGES: WallPageKey[] = WALL_PAGES.filter((p) => PAGE_COMPONENTS[p]);
