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

// Building a number format is costly; rule texts for thousands of projects reuse one per precision.
const wanFormats = new Map<number, Intl.NumberFormat>();

/** Yuan → 万元 string with up to `digits` decimals, for forms and tables. */
export function formatWan(yuan: Yuan, digits = 2): string {
  let format = wanFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: digits });
    wanFormats.set(digits, format);
  }
  return format.format(yuan / YUAN_PER_WAN);
}

/** Yuan → 亿元 string with fixed decimals, for the wall. */
export function formatYi(yuan: Yuan, digits = 2): string {
  return (yuan / YUAN_PER_YI).toFixed(digits);
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
