// An issued letter's content (预警提示函, 督办函): kept with the letter in the store and given to the
// docx builder as it is, so a letter downloaded later reads as issued. Amounts in integer yuan.
import type { LetterKind } from './types.js';

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
