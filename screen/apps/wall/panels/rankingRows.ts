// Which units the wall's ranking panel shows: the leaders and the laggards (比赶超), never a cut list.
import type { UnitRank } from '../../../../shared/snapshot.js';

export interface RankingRows {
  top: UnitRank[];
  /** Empty when every unit fits in `top`. */
  bottom: UnitRank[];
  /** Units left out between the two groups. */
  hidden: number;
}

/** All units when they fit in `fit` rows; otherwise the first `head` and the last `fit - head`. */
export function rankingRows(ranking: readonly UnitRank[], fit = 6, head = 3): RankingRows {
  if (ranking.length <= fit) return { top: [...ranking], bottom: [], hidden: 0 };
  const tail = fit - head;
  return { top: ranking.slice(0, head), bottom: ranking.slice(-tail), hidden: ranking.length - fit };
}
