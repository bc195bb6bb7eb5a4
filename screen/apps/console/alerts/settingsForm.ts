// 预警与通报设置: the form over CampaignSettings, its checks, and every field message in Chinese.
import { settingsInput } from '../../../../shared/api.js';
import { fieldErrors } from '../../../../shared/schemas.js';
import type { CampaignSettings, LetterKind, RankingWeights } from '../../../../shared/types.js';

/** A cleared number input holds null until it is filled in again. */
export interface SettingsForm {
  lagYellowPoints: number | null;
  lagOrangePoints: number | null;
  lagRedPoints: number | null;
  reportDeadlineDay: number | null;
  problemDeadlineDays: number[];
  rankingWeights: Record<keyof RankingWeights, number | null>;
  issuingOffice: string;
  letterPrefixes: Record<LetterKind, string>;
  letterDeadlineDays: number | null;
}

export function toForm(s: CampaignSettings): SettingsForm {
  return { ...s, problemDeadlineDays: [...s.problemDeadlineDays], rankingWeights: { ...s.rankingWeights }, letterPrefixes: { ...s.letterPrefixes } };
}

/** Deadline days are 1–28 so that every month has them. */
export const DEADLINE_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

/** What each field is about, for a message the schema gives without Chinese. */
const FALLBACKS: Record<string, string> = {
  lagYellowPoints: '请填写黄色预警阈值（0–100个百分点）',
  lagOrangePoints: '请填写橙色预警阈值（0–100个百分点）',
  lagRedPoints: '请填写红色预警阈值（0–100个百分点）',
  reportDeadlineDay: '请填写月报截止日（每月1–28日）',
  problemDeadlineDays: '问题报送截止日须为每月1–28日，最多4个',
  rankingWeights: '权重须为0–100之间的数，且不能全为0',
  issuingOffice: '发文机关不超过50字',
  letterPrefixes: '请填写文号前缀（不超过20字）',
  'letterPrefixes.warning': '请填写预警提示函文号前缀（不超过20字）',
  'letterPrefixes.supervision': '请填写督办函文号前缀（不超过20字）',
  letterDeadlineDays: '请填写整改期限（1–90天）',
};

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

/**
 * Field messages keyed as the form shows them: an item of a list under the list
 * ("problemDeadlineDays.1" → "problemDeadlineDays"), a weight under its own input. A message
 * without Chinese (a schema default) is replaced by the field's own.
 */
export function settingsFieldErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = path.startsWith('problemDeadlineDays') ? 'problemDeadlineDays' : path;
    const fallback = FALLBACKS[key] ?? FALLBACKS[key.split('.')[0]] ?? '填写有误，请检查';
    const weight = key.startsWith('rankingWeights.') ? '权重须为0–100之间的数' : null;
    out[key] ??= hasChinese(message) ? message : weight ?? fallback;
  }
  return out;
}

/** Checks the form with the server's own schema; an empty object when it may be sent. */
export function settingsErrors(form: SettingsForm): Record<string, string> {
  const parsed = settingsInput.safeParse(form);
  return parsed.success ? {} : settingsFieldErrors(fieldErrors(parsed.error));
}

/** Deadline days in calendar order, once each. */
export function normalizedDays(days: number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** The 文号 the next letter of a kind gets with this prefix, e.g. 重推预字〔2020〕1号. */
export const docNumberExample = (prefix: string, year: number) => `${prefix.trim() || '（前缀）'}〔${year}〕1号`;
