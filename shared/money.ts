// Money is exact: integer yuan (元) everywhere in code and storage. Forms speak 万元, the wall 亿元;
// conversion to those happens only for input parsing (exact, string based) and display.

/** An integer amount of yuan. Always a safe integer, never fractional. */
export type Yuan = number;

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

/**
 * The one amount grammar of the API and the forms: ASCII digits, an optional minus, thousands
 * separators only between groups of three ("1,234,567.5"), one decimal point, at most four decimals
 * of 万元 (one yuan). "1,5", ",1", "1,,000", "１２" and "1e5" are not amounts.
 */
export const WAN_GRAMMAR = /^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,4})?$/;

/** The message for an amount that does not follow WAN_GRAMMAR. */
export const WAN_FORMAT_MESSAGE = '金额格式不正确';

/**
 * Parses an amount in 万元 given as a decimal string or number ("123.45", "1,234.5", 12.5) into exact
 * yuan, by WAN_GRAMMAR. Returns null when the input is not such a number. Sheet imports normalise
 * full-width digits and commas and 万/亿 suffixes first, then call this same parser.
 */
export function parseWan(input: string | number): Yuan | null {
  const raw = typeof input === 'number' ? numberToPlainString(input) : typeof input === 'string' ? input.trim() : null;
  if (raw === null || !WAN_GRAMMAR.test(raw)) return null;
  const text = raw.replace(/,/g, '');
  const negative = text.startsWith('-');
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const yuan = Number(whole) * YUAN_PER_WAN + Number(frac.padEnd(4, '0'));
  if (!Number.isSafeInteger(yuan)) return null;
  return negative ? -yuan : yuan;
}

function numberToPlainString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // toFixed(4) of a decimal literal like 12.3456 gives its exact four-decimal spelling.
  const fixed = n.toFixed(4);
  return Number(fixed) === n ? fixed.replace(/\.?0+$/, '') || '0' : null;
}

/**
 * Yuan → 万元 for every table, form and message: thousands separators and always `digits` decimals
 * ("1,234.50"), rounded half away from zero on the integer yuan, so the screen and the documents agree to
 * the cent. Past two decimals (4 shows every yuan, for import diffs) trailing zeros are dropped: "1,234.5678", "1,234.50".
 */
export function formatWan(yuan: Yuan, digits = 2): string {
  return scaled(yuan, YUAN_PER_WAN, digits, Math.min(digits, 2));
}

/** Yuan → 亿元 with `digits` decimals always and thousands separators ("84.90", "1,234.56"), rounded as formatWan. */
export function formatYi(yuan: Yuan, digits = 2): string {
  return scaled(yuan, YUAN_PER_YI, digits, digits);
}

/** Integer arithmetic only: 1234.565 万元 is a string of digits, never a binary fraction. */
function scaled(yuan: Yuan, unit: number, digits: number, minDigits: number): string {
  const step = unit / 10 ** digits;
  const abs = Math.abs(yuan);
  const rest = abs % step;
  const steps = (abs - rest) / step + (rest * 2 >= step ? 1 : 0);
  const scale = 10 ** digits;
  const whole = String(Math.floor(steps / scale)).replace(/\B(?=(\d{3})+$)/g, ',');
  let frac = digits ? String(steps % scale).padStart(digits, '0') : '';
  while (frac.length > minDigits && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${yuan < 0 && steps > 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Yuan → 亿元 as a display number (charts). */
export function toYi(yuan: Yuan): number {
  return Math.round((yuan / YUAN_PER_YI) * 10_000) / 10_000;
}

/** Yuan → 万元 as a display number (charts, tables). */
export function toWan(yuan: Yuan): number {
  return Math.round((yuan / YUAN_PER_WAN) * 100) / 100;
}

/** a / b as a ratio, 0 when b is 0. */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** A ratio as a percent string, e.g. 0.8333 → "83.3%". */
export function formatPercent(r: number, digits = 1): string {
  return `${(r * 100).toFixed(digits)}%`;
}
