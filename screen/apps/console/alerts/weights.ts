// 比赶超 ranking: the five components of a unit's score, what each measures, and the weights' sum.
import type { RankingWeights } from '../../../../shared/types.js';

export const WEIGHT_COMPONENTS: readonly { key: keyof RankingWeights; label: string; meaning: string }[] = [
  { key: 'investment', label: '投资进度', meaning: '累计完成投资占序时计划的比例（最高按100%计）' },
  { key: 'start', label: '项目开工', meaning: '应开工项目中已开工的比例' },
  { key: 'completion', label: '项目竣工', meaning: '应竣工项目中已竣工的比例' },
  { key: 'timeliness', label: '按时报送', meaning: '截止日前报送的月报占应报月报的比例' },
  { key: 'problems', label: '问题解决', meaning: '报送的问题中已解决或已销号的比例' },
];

/** Blank inputs count as 0, so the sum shows while a field is being edited. */
export function weightSum(weights: Partial<Record<keyof RankingWeights, number | null | undefined>>): number {
  const sum = WEIGHT_COMPONENTS.reduce((s, c) => s + (Number(weights[c.key]) || 0), 0);
  return Math.round(sum * 100) / 100;
}

/** Each weight's share of the sum in percent, one decimal ("40", "33.3"); all 0 when the sum is 0. */
export function weightShares(weights: Partial<Record<keyof RankingWeights, number | null | undefined>>): Record<keyof RankingWeights, number> {
  const sum = weightSum(weights);
  const share = (k: keyof RankingWeights) => (sum > 0 ? Math.round(((Number(weights[k]) || 0) / sum) * 1000) / 10 : 0);
  return { investment: share('investment'), start: share('start'), completion: share('completion'), timeliness: share('timeliness'), problems: share('problems') };
}
