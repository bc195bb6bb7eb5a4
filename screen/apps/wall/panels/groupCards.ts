// The 领域 page's cards and level rows: one group's figures in the words the wall shows.
import { formatPercent, formatYi, ratio } from '../../../../shared/money.js';
import type { GroupFigures } from '../../../../shared/snapshot.js';
import { periodLength, periodProgress, type CampaignPeriod, type PeriodGroup } from '../../../../shared/yearTurn.js';
import { yiShort } from '../../../features/figures/yearTurnLines.js';
import { progressTone, scheduleShare, type ProgressTone } from '../../../charts/progressTone.js';

export interface GroupCard {
  key: string;
  name: string;
  projects: number;
  laggingCount: number;
  /** 亿元 with two decimals. */
  completed: string;
  annualPlan: string;
  /** null where the plan gives no target. */
  target: string | null;
  /** completed / target, where there is a target. */
  targetRate: string | null;
  completionRate: number;
  schedule: number;
  scheduleRate: number;
  rateText: string;
  scheduleText: string;
  /** Planned to date (序时计划), 亿元. */
  schedulePlan: string;
  /** Completed against planned to date: 超序时 (ahead) or 欠序时 (short) by gapAmount 亿元. */
  gapLabel: '超序时' | '欠序时';
  gapAmount: string;
  tone: ProgressTone;
  /** A multi-year campaign's progress of this group over the whole period, e.g. 「三年目标50亿 · 完成62%」. */
  period: string | null;
}

export function groupCard(g: GroupFigures): GroupCard {
  return {
    key: g.key,
    name: g.name,
    projects: g.projects,
    laggingCount: g.laggingCount,
    completed: formatYi(g.completed),
    annualPlan: formatYi(g.annualPlan),
    target: g.target === null ? null : formatYi(g.target),
    targetRate: g.target === null || g.target === 0 ? null : formatPercent(ratio(g.completed, g.target)),
    completionRate: g.completionRate,
    schedule: scheduleShare(g),
    scheduleRate: g.scheduleRate,
    rateText: formatPercent(g.completionRate),
    schedulePlan: formatYi(g.schedulePlan),
    gapLabel: g.completed >= g.schedulePlan ? '超序时' : '欠序时',
    gapAmount: formatYi(Math.abs(g.completed - g.schedulePlan)),
    scheduleText: formatPercent(scheduleShare(g)),
    tone: progressTone(g),
    period: null,
  };
}

/**
 * Each group's line over a multi-year campaign's whole period (earlier years plus this one), by name;
 * a group the period sets nothing for gets none.
 */
export function periodTexts(period: CampaignPeriod, groups: readonly PeriodGroup[], current: readonly GroupFigures[]): Map<string, string> {
  const length = periodLength(period);
  return new Map(
    periodProgress(groups, current).map((p) => [
      p.name,
      p.target && p.rate !== null
        ? `${length}目标${yiShort(p.target)}亿 · 完成${formatPercent(p.rate, 0)}`
        : `${length}累计完成${yiShort(p.completed)}亿`,
    ]),
  );
}

/**
 * The page's two views: the domains as cards, the levels as a table (or the levels alone when the campaign
 * has no domains). A multi-year campaign's cards carry their period line.
 */
export function groupViews(byDomain: readonly GroupFigures[], byLevel: readonly GroupFigures[], period: CampaignPeriod | null = null) {
  const primary = byDomain.length ? byDomain : byLevel;
  const periods = period ? periodTexts(period, byDomain.length ? period.byDomain : period.byLevel, primary) : null;
  return {
    cards: primary.map((g) => ({ ...groupCard(g), period: periods?.get(g.name) ?? null })),
    cardsAre: byDomain.length ? ('domain' as const) : ('level' as const),
    levels: byDomain.length ? byLevel.map(groupCard) : [],
  };
}

/** Columns of the card grid: all in one row up to six, else two rows. */
export function cardColumns(count: number): number {
  return count <= 6 ? Math.max(1, count) : Math.ceil(count / 2);
}
