// The wall as a playlist of pages, and what a display learns about itself when it connects.

/** The wall's pages in playlist order. */
export const WALL_PAGES = ['overview', 'domains', 'alerts', 'problems', 'leaders', 'ranking', 'map'] as const;
export type WallPageKey = (typeof WALL_PAGES)[number];

export const WALL_PAGE_TITLES: Record<WallPageKey, string> = {
  overview: '总览',
  domains: '领域',
  alerts: '滞后预警',
  problems: '问题台账',
  leaders: '挂点领导',
  ranking: '单位排名',
  map: '地图',
};

export function isWallPage(value: unknown): value is WallPageKey {
  return typeof value === 'string' && (WALL_PAGES as readonly string[]).includes(value);
}

/** Sent to every wall socket right after it connects (`display:config`). */
export interface DisplayConfig {
  /** The display token's id and name; null for a person's browser. */
  displayId: number | null;
  name: string | null;
  /** Seconds each playlist page stays up (per display token; 30 for a person's browser). */
  rotateSeconds: number;
  /** Follows a meeting-mode session (page, project in focus, frozen figures); per display token, true for a person's browser. */
  followsMeetings: boolean;
}
