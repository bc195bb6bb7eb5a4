// An amount cell as typed in a county's sheet → the one amount grammar the API uses (shared/money
// parseWan: ASCII digits, one decimal point, at most four decimals of 万元). What is normalised
// first, and only here (never in text fields): full-width digits, commas and point (１，２３４．５),
// spaces, and a unit written in the cell (3,000万, 1.2亿元). Thousands separators must come in
// groups of three (1,234,567); 12,34 is refused rather than guessed.
import { parseWan, type Yuan } from '../../shared/money.js';
import type { AmountUnit } from '../../shared/imports.js';
import { halfWidth } from './text.js';

export type AmountCell = { value: Yuan; unit: AmountUnit } | { error: 'syntax' | 'negative' | 'precision' | 'size' };

const GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const SUFFIX = /(亿元|亿|万元|万|元)$/;
/** Decimal places from the cell's unit to 万元. */
const SHIFT: Record<AmountUnit, number> = { 元: -4, 万元: 0, 亿元: 4 };

/** "123" "45" moved `shift` places (positive: ×10^shift) → a plain decimal string. */
function shifted(whole: string, frac: string, shift: number): string {
  let digits = whole + frac;
  let point = whole.length + shift;
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const dec = digits.slice(point).replace(/0+$/, '');
  return dec ? `${int}.${dec}` : int;
}

/** Text of an amount cell in `headerUnit` (unless it names its own) → exact yuan, or why not. */
export function normaliseAmountText(text: string, headerUnit: AmountUnit): AmountCell {
  let t = halfWidth(text).replace(/[\s\u3000]/g, '').replace(/。/g, '.');
  let unit = headerUnit;
  const suffix = SUFFIX.exec(t);
  if (suffix) {
    unit = suffix[1].startsWith('亿') ? '亿元' : suffix[1].startsWith('万') ? '万元' : '元';
    t = t.slice(0, -suffix[1].length);
  }
  const negative = t.startsWith('-');
  if (negative || t.startsWith('+')) t = t.slice(1);
  const m = GROUPED.exec(t);
  if (!m) return { error: 'syntax' };
  const wan = shifted(m[1].replace(/,/g, ''), m[2] ?? '', SHIFT[unit]);
  if (negative && /[1-9]/.test(wan)) return { error: 'negative' };
  const [, frac = ''] = wan.split('.');
  if (frac.length > 4) return { error: 'precision' };
  const value = parseWan(wan);
  return value === null ? { error: 'size' } : { value, unit };
}
