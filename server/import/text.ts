// Cell text as people type it: full-width digits and punctuation, stray spaces, line breaks.
import type { Cell } from './sheet.js';

/** Full-width ASCII (０-９, Ａ-Ｚ, （）, ，．) and the ideographic space → their half-width forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Trimmed, inner runs of spaces and line breaks collapsed to one space. Full-width punctuation
 * （），：； and the ideographic space are kept exactly as typed: only matching keys (nameKey) and
 * amount and date cells are made half-width.
 */
export function cleanText(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** A key for matching names: half-width, no whitespace at all. */
export function nameKey(text: string): string {
  return halfWidth(text).replace(/\s+/g, '');
}

/** The text a cell shows, as typed (see cleanText); '' for an empty one. Dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cleanText(cell);
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}
