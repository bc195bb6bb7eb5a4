// 发函: the form's checks (in Chinese, before anything is sent) and the body of POST /api/letters.
import type { LetterKind } from '../../../../shared/types.js';

export interface LetterForm {
  kind: LetterKind;
  unitId: number | null;
  /** The alerts the letter covers; all of the unit's open ones by default. */
  alertIds: number[];
}

export const LETTER_KINDS: { value: LetterKind; label: string; hint: string }[] = [
  { value: 'warning', label: '预警提示函', hint: '提示单位项目进度滞后，限期整改并报送情况说明' },
  { value: 'supervision', label: '督办函', hint: '单位收到预警提示函后仍未整改到位的，发督办函并引用此前函件文号' },
];

export function letterErrors(form: LetterForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.unitId) errors.unitId = '请选择责任单位';
  else if (!form.alertIds.length) errors.alertIds = '请至少选择一条预警';
  return errors;
}

export function letterBody(form: LetterForm): { kind: LetterKind; unitId: number; alertIds: number[] } {
  return { kind: form.kind, unitId: form.unitId!, alertIds: [...form.alertIds].sort((a, b) => a - b) };
}
