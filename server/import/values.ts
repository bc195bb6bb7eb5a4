// Numbers, amounts and dates as hand-kept sheets hold them: text with thousands separators or
// full-width digits, 亿元 / 万元 per the header (or written in the cell), Excel serial dates, and
// dates written 2020.3, 2020年3月, 2020-03-15. Exact: amounts become integer yuan by decimal arithmetic.
import { isValidDate } from '../../shared/dates.js';
import type { AmountUnit } from '../../shared/imports.js';
import type { Yuan } from '../../shared/money.js';
import type { Cell } from './sheet.js';
import { normaliseAmountText } from './amountCell.js';
import { cellText, halfWidth } from './text.js';

export type Parsed<T> = { value: T; warning?: string } | { error: string } | null;

export const UNIT_YUAN: Record<AmountUnit, bigint> = { 元: 1n, 万元: 10_000n, 亿元: 100_000_000n };

/** The amount unit a header names, e.g. 总投资（亿元） → 亿元; null when it names none. */
export function unitOfHeader(header: string): AmountUnit | null {
  const text = halfWidth(header);
  if (/亿元|亿/.test(text)) return '亿元';
  if (/万元|万/.test(text)) return '万元';
  if (/[(（/]\s*元\s*[)）]?|\(元\)|单位[:：]?\s*元/.test(text)) return '元';
  return null;
}

/** A number cell as its shortest decimal spelling, without binary noise (0.30000000000000004 → 0.3). */
function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(Number(n.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  return Math.abs(n) < 1 ? n.toFixed(12).replace(/\.?0+$/, '') : null;
}

/** Plain decimal text from a typed cell: separators and spaces removed; null when it is not a number. */
function decimalText(cell: Cell): { text: string; unit: AmountUnit | null } | null {
  if (typeof cell === 'number') {
    const text = numberText(cell);
    return text === null ? null : { text, unit: null };
  }
  if (typeof cell !== 'string') return null;
  let text = halfWidth(cell).replace(/[\s,，、']/g, '').replace(/。/g, '.');
  let unit: AmountUnit | null = null;
  const suffix = text.match(/(亿元|亿|万元|万|元)$/);
  if (suffix) {
    unit = suffix[1].startsWith('亿') ? '亿元' : suffix[1].startsWith('万') ? '万元' : '元';
    text = text.slice(0, -suffix[1].length);
  }
  return /^[-+]?\d+(\.\d+)?$/.test(text) || /^[-+]?\.\d+$/.test(text) ? { text: text.replace(/^\+/, ''), unit } : null;
}

/**
 * An amount in the header's unit (or the cell's own 亿/万 suffix) → integer yuan. Text goes through
 * the one grammar (amountCell.ts); a number cell is binary, so it is rounded to the yuan.
 */
export function parseAmount(cell: Cell, headerUnit: AmountUnit, label: string): Parsed<Yuan> {
  const shown = cellText(cell);
  if (shown === '' || shown === '-' || shown === '/') return null;
  if (typeof cell === 'string') {
    const read = normaliseAmountText(cell, headerUnit);
    if ('value' in read) return { value: read.value };
    if (read.error === 'negative') return { error: `${label}不能为负数` };
    if (read.error === 'precision') return { error: `${label}「${shown}」精确到元以下，请保留至多4位小数（万元）` };
    if (read.error === 'size') return { error: `${label}数值过大` };
    return { error: `${label}「${shown}」不是数字` };
  }
  const d = decimalText(cell);
  if (!d) return { error: `${label}「${shown}」不是数字` };
  const negative = d.text.startsWith('-');
  const [whole, frac = ''] = (negative ? d.text.slice(1) : d.text).split('.');
  const scale = 10n ** BigInt(frac.length);
  const scaled = BigInt((whole || '0') + frac) * UNIT_YUAN[d.unit ?? headerUnit];
  const yuan = (scaled * 2n + scale) / (scale * 2n);
  if (yuan > BigInt(Number.MAX_SAFE_INTEGER)) return { error: `${label}数值过大` };
  if (negative && yuan > 0n) return { error: `${label}不能为负数` };
  return { value: Number(yuan) };
}

/** A plain number (coordinates, counts). */
export function parseNumber(cell: Cell, label: string): Parsed<number> {
  if (cellText(cell) === '') return null;
  const d = decimalText(cell);
  if (!d || d.unit) return { error: `${label}「${cellText(cell)}」不是数字` };
  return { value: Number(d.text) };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DATE_HINT = '可写作 2020-03-15、2020.3 或 2020年3月';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month alone is its first day for a start, its last day for a completion. */
function monthDate(year: number, month: number, end: boolean): string | null {
  if (month < 1 || month > 12) return null;
  return `${year}-${pad(month)}-${pad(end ? lastDay(year, month) : 1)}`;
}

function fullDate(year: number, month: number, day: number): string | null {
  const s = `${year}-${pad(month)}-${pad(day)}`;
  return isValidDate(s) ? s : null;
}

function serialDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date cell → YYYY-MM-DD. `end` says whether a bare month or year means its last day (completion)
 * or its first (start). Serial numbers are Excel's day count (1900 system).
 */
export function parseDate(cell: Cell, label: string, end = false): Parsed<string> {
  const shown = cellText(cell);
  if (shown === '' || shown === '-' || shown === '/') return null;
  const bad = { error: `${label}「${shown}」不是可识别的日期（${DATE_HINT}）` };
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad : { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 20_000 && cell <= 80_000) return { value: serialDate(cell) };
    if (Number.isInteger(cell) && cell >= 1990 && cell <= 2100) {
      return { value: monthDate(cell, end ? 12 : 1, end)!, warning: `${label}只填了年份，按${cell}年${end ? '12月31日' : '1月1日'}计` };
    }
    // 2020.3 typed into a number cell; 2020.10 arrives as 2020.1, so a one-digit 1 is flagged.
    const m = numberText(cell)?.match(/^(\d{4})\.(\d{1,2})$/);
    if (m) {
      const date = monthDate(Number(m[1]), Number(m[2]), end);
      if (!date) return bad;
      return m[2] === '1'
        ? { value: date, warning: `${label}「${shown}」按${m[1]}年1月计；如为10月，请将单元格设为文本并写作 ${m[1]}.10` }
        : { value: date };
    }
    return bad;
  }
  const text = halfWidth(String(cell)).replace(/\s+/g, '');
  let m = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/) ?? text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) {
    const date = fullDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { value: date } : bad;
  }
  m = text.match(/^(\d{4})[-/.年](\d{1,2})月?份?(底|末|初|上旬|中旬|下旬)?$/);
  if (m) {
    const atEnd = m[3] === '底' || m[3] === '末' || m[3] === '下旬' ? true : m[3] ? false : end;
    const date = monthDate(Number(m[1]), Number(m[2]), atEnd);
    return date ? { value: date } : bad;
  }
  m = text.match(/^(\d{4})年?(底|末|初)?$/);
  if (m && Number(m[1]) >= 1990 && Number(m[1]) <= 2100) {
    const atEnd = m[2] === '底' || m[2] === '末' ? true : m[2] === '初' ? false : end;
    const value = monthDate(Number(m[1]), atEnd ? 12 : 1, atEnd)!;
    return m[2] ? { value } : { value, warning: `${label}只填了年份，按${value}计` };
  }
  if (/^\d{5}(\.\d+)?$/.test(text) && Number(text) >= 20_000 && Number(text) <= 80_000) return { value: serialDate(Number(text)) };
  return bad;
}
