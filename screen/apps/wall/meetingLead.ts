// 会议模式 on the wall: while this wall follows a session, the presenter's page leads the playlist and
// the project in focus opens its card (drill-down); when the focus goes or the session ends, the card closes.
import { computed, watch, type ComputedRef } from 'vue';
import type { WallPageKey } from '../../../shared/wall.js';
import { useDrillStore } from './drill/drillStore.js';
import { useWallStore } from './stores/wallStore.js';

/** The page the presenter leads with, or null: pass it to usePlaylist as `lead`. Call from a component's setup. */
export function useMeetingLead(): ComputedRef<WallPageKey | null> {
  const wall = useWallStore();
  const drill = useDrillStore();
  const focus = computed(() => (wall.following ? wall.presentation?.projectId ?? null : null));
  watch(focus, (projectId, before) => {
    if (projectId !== null) void drill.showProject(projectId);
    else if (before !== null && before !== undefined) drill.close();
  }, { immediate: true });
  return computed(() => (wall.following ? wall.presentation?.page ?? null : null));
}
