// The county map's project points: where each project is and which state colours it.
import { yearOf } from '../../shared/dates.js';
import type { MapPoint, MapPointState } from '../../shared/map.js';
import type { LaggingProject } from '../../shared/snapshot.js';
import type { Project } from '../../shared/types.js';
import type { LagHit } from './ledger.js';

export interface PointContext {
  /** The campaign year: a start in it is a new start (已开工), an earlier one a continuing project (在建). */
  year: number;
  today: string;
  /** Projects any lag rule fires for (the snapshot's laggingCount counts exactly these). */
  lagging: ReadonlySet<number>;
}

type PointProject = Pick<Project, 'id' | 'stage' | 'startedOn' | 'completedOn'>;

/**
 * 滞后 first, so the map's lagging points are the wall's lagging figure; then 竣工 (completed on or
 * before today, or at the completed/operating stage); then started this year (已开工) or earlier or
 * at the construction stage without a date (在建); else not started (未开工).
 */
export function pointState(p: PointProject, ctx: PointContext): MapPointState {
  if (ctx.lagging.has(p.id)) return 'lagging';
  if ((p.completedOn !== null && p.completedOn <= ctx.today) || p.stage === 'completed' || p.stage === 'operating') return 'completed';
  if (p.startedOn !== null && p.startedOn <= ctx.today) return yearOf(p.startedOn) === ctx.year ? 'started' : 'construction';
  if (p.stage === 'construction') return 'construction';
  return 'planned';
}

/** Every project with coordinates as a point, in ledger order; the others are only counted. */
export function mapPoints(projects: readonly Project[], ctx: PointContext): { points: MapPoint[]; unplaced: number } {
  const points: MapPoint[] = [];
  let unplaced = 0;
  for (const p of projects) {
    if (p.lat === null || p.lon === null || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) {
      unplaced++;
      continue;
    }
    points.push({ projectId: p.id, name: p.name, unit: p.unit, township: p.township, lat: p.lat, lon: p.lon, state: pointState(p, ctx) });
  }
  return { points, unplaced };
}

/**
 * The lagging projects from the snapshot's list when it holds them all; null when the list was
 * capped (LAGGING_LIMIT) and the caller must take them from the lag rules' hits instead.
 */
export function laggingFromSnapshot(lagging: readonly LaggingProject[], laggingCount: number): Set<number> | null {
  return lagging.length >= laggingCount ? new Set(lagging.map((l) => l.projectId)) : null;
}

export function laggingFromHits(hits: readonly LagHit[]): Set<number> {
  return new Set(hits.map((h) => h.projectId));
}
