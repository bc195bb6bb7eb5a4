// What the document builders are given: plain figures, already computed. Amounts in integer yuan.
import type { ProblemView } from '../../shared/api.js';
import type { GroupFigures, LaggingProject, LeaderFigures, Totals, UnitRank } from '../../shared/snapshot.js';
import type { RankingWeights } from '../../shared/types.js';
import type { PriorYear } from '../../shared/yearTurn.js';

export type { LetterDoc, LetterProject } from '../../shared/letters.js';

/** 月通报: the month's picture for the county, with the 比赶超 ranking. */
export interface BulletinDoc {
  county: string;
  year: number;
  /** The month reported on, YYYY-MM. */
  month: string;
  title: string;
  issuingOffice: string;
  issuedOn: string;
  /** 数据截至: the month's last day; every figure is as of it (口径说明). */
  asOf: string;
  /** 序时进度 share of the year (planned to date / annual plan). */
  scheduleShare: number;
  totals: Totals;
  /** 同比: the county's previous year as of the same month end, when the store has it. */
  priorYear?: PriorYear | null;
  byDomain: GroupFigures[];
  byLevel: GroupFigures[];
  byLeader: LeaderFigures[];
  ranking: UnitRank[];
  weights: RankingWeights;
  lagging: LaggingProject[];
  problems: {
    /** 未销号: pending, coordinating and 已解决 awaiting 销号. */
    open: number;
    /** Of the open: 已解决 awaiting 销号. */
    resolved: number;
    overdue: number;
    /** 通报批评 (经过两次会议仍未落实). */
    flagged: number;
    closedThisMonth: number;
    /** open: 未销号; resolved: 已销号. */
    byCategory: { category: string; open: number; resolved: number }[];
    /** The open ones, oldest first. */
    items: ProblemView[];
  };
}
