// The 单位排名 page (比赶超): the score's components with the campaign's weights, 红榜 and 黑榜 as
// county bulletins print them, and each unit's row.
import { formatPercent } from '../../../../shared/money.js';
import type { RankComponents, UnitRank } from '../../../../shared/snapshot.js';
import type { RankingWeights } from '../../../../shared/types.js';
import { progressTone, scheduleShare, type ProgressTone } from '../../../charts/progressTone.js';

export const COMPONENT_LABELS: Record<keyof RankComponents, string> = {
  investment: '投资完成',
  start: '项目开工',
  completion: '项目竣工',
  timeliness: '按时报送',
  problems: '问题销号',
};
const COMPONENT_KEYS = Object.keys(COMPONENT_LABELS) as (keyof RankComponents)[];

export interface WeightColumn {
  key: keyof RankComponents;
  label: string;
  /** The weight's share of all weights, e.g. "40%". */
  share: string;
}

/** The components in score order with each weight's share; a zero weight still shows (as 0%). */
export function weightColumns(weights: RankingWeights): WeightColumn[] {
  const total = COMPONENT_KEYS.reduce((n, k) => n + Math.max(0, weights[k]), 0);
  return COMPONENT_KEYS.map((key) => ({
    key,
    label: COMPONENT_LABELS[key],
    share: total === 0 ? '—' : `${Math.round((100 * Math.max(0, weights[key])) / total)}%`,
  }));
}

/** 红榜 the best, 黑榜 the worst: up to `size` each, never the same unit on both. */
export function honourBoards(ranking: readonly UnitRank[], size = 3): { red: UnitRank[]; black: UnitRank[] } {
  const red = ranking.slice(0, Math.min(size, Math.ceil(ranking.length / 2)));
  const black = ranking.slice(red.length).slice(-size).reverse();
  return { red, black };
}

export type ComponentTone = 'good' | 'fair' | 'poor';

export function componentTone(value: number): ComponentTone {
  return value >= 90 ? 'good' : value >= 60 ? 'fair' : 'poor';
}

export interface RankingRow {
  unitId: number;
  rank: number;
  unit: string;
  projects: number;
  components: { key: keyof RankComponents; value: string; tone: ComponentTone }[];
  score: string;
  completionRate: number;
  schedule: number;
  scheduleRate: number;
  rateText: string;
  tone: ProgressTone;
  laggingCount: number;
  /** On the 红榜 or the 黑榜. */
  board: 'red' | 'black' | null;
}

export function rankingRows(ranking: readonly UnitRank[], size = 3): RankingRow[] {
  const { red, black } = honourBoards(ranking, size);
  const redIds = new Set(red.map((u) => u.unitId));
  const blackIds = new Set(black.map((u) => u.unitId));
  return ranking.map((u) => ({
    unitId: u.unitId,
    rank: u.rank,
    unit: u.unit,
    projects: u.projects,
    components: COMPONENT_KEYS.map((key) => ({ key, value: Math.round(u.components[key]).toString(), tone: componentTone(u.components[key]) })),
    score: u.score.toFixed(1),
    completionRate: u.completionRate,
    schedule: scheduleShare(u),
    scheduleRate: u.scheduleRate,
    rateText: formatPercent(u.completionRate),
    tone: progressTone(u),
    laggingCount: u.laggingCount,
    board: redIds.has(u.unitId) ? 'red' : blackIds.has(u.unitId) ? 'black' : null,
  }));
}
