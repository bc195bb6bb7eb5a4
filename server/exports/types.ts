// What the document builders are given: plain figures, already computed. Amounts in integer yuan.
import type { ProblemView } from '../../shared/api.js';
import type { GroupFigures, LaggingProject, LeaderFigures, Totals, UnitRank } from '../../shared/snapshot.js';
import type { LetterKind, RankingWeights } from '../../shared/types.js';
import type { PriorYear } from '../../shared/yearTurn.js';

export interface LetterProject {
  code: string;
  name: string;
  leader: string | null;
  annualPlan: number;
  completed: number;
  /** completed / annualPlan */
  completionRate: number;
  /** The project's 序时进度 (planned to date / annual plan). */
  scheduleShare: number;
  /** Plain Chinese reasons, one per rule that fired. */
  reasons: string[];
}

/** 预警提示函 or 督办函 to one unit. */
export interface LetterDoc {
  kind: LetterKind;
  county: string;
  /** e.g. 弋阳县重点项目推进办公室 */
  issuingOffice: string;
  /** 文号, e.g. 重推预字〔2020〕3号 */
  docNumber: string;
  /** e.g. 关于县城投公司重点项目进度滞后的预警提示函 */
  title: string;
  /** The unit addressed (主送). */
  addressee: string;
  issuedOn: string;
  /** The date by which the unit must act and report back. */
  deadline: string;
  /** The data month the figures are as of, YYYY-MM. */
  month: string;
  projects: LetterProject[];
  /** What the covered alerts are about, in plain words (投资进度滞后于序时进度, 未按计划开工 …). */
  issues: string[];
  /** For a 督办函: the earlier warning letters whose deadline passed without rectification, by 文号. */
  previousLetters: string[];
  /** For a 督办函: the unit has sent an explanation (情况说明), though the projects still lag. */
  explained: boolean;
}

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
