// Money is exact: integer yuan (元) everywhere in code and storage. Forms speak 万元, the wall 亿元;
// conversion to those happens only for input parsing (exact, string based) and display.

/** An integer amount of yuan. Always a safe integer, never fractional. */
export type Yuan = number;

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

const DECIMAL = /^-?\d+(\.\d{1,4})?$/;

/**
 * Parses an amount in 万元 given as a decimal string or number ("123.45", 12.5) into exact yuan.
 * At most four decimals (one yuan). Returns null when the input is not such a number.
 */
export function parseWan(input: string | number): Yuan | null {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim().replace(/,/g, '');
  if (text === null || !DECIMAL.test(text)) return null;
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
