// The wall at `/`: in the main bundle, so a kiosk never waits for a chunk.
import type { RouteRecordRaw } from 'vue-router';
import WallLayout from './WallLayout.vue';

export const wallRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'wall', component: WallLayout },
];
