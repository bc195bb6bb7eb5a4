// Finding the header of a hand-kept sheet and mapping its columns to fields by name. Above the
// header there may be a title and notes; the header may span two rows (投资（亿元） merged over
// 总投资 | 年度计划), and a merged cell leaves the cells it covers empty.
import type { AmountUnit, ColumnMapping } from '../../shared/imports.js';
import { columnLetter, type SheetRow } from './sheet.js';
import { cellText, halfWidth, nameKey } from './text.js';
import { unitOfHeader } from './values.js';

export interface FieldDef<K extends string = string> {
  key: K;
  /** The canonical header, as the export and the template write it. */
  label: string;
  /** Header names (without units) read as this field; compared without spaces, brackets or a year prefix. */
  names: string[];
  /** Header keys read as this field beyond `names` (1-10月完成投资, 截至9月底累计完成). */
  patterns?: RegExp[];
  amount?: boolean;
  required?: boolean;
}

export interface HeaderMatch<K extends string> {
  headerRows: number[];
  /** The first data row's index in the rows given. */
  dataStart: number;
  columns: ColumnMapping[];
  /** Field → 0-based column index. */
  index: Partial<Record<K, number>>;
  units: Partial<Record<K, AmountUnit>>;
  /** Field → its header as written (parent and child joined), for what a header itself says (1-2月). */
  headers: Partial<Record<K, string>>;
  /** The unit a note line above the header gives (单位：亿元), with its row; null when none does. */
  noteUnit: { unit: AmountUnit; row: number } | null;
  /** The text of the rows above the header (title, notes), for what they say (截至2月底). */
  above: string[];
  missing: string[];
}

/** How many rows from the top a header is looked for in. */
const SEARCH_ROWS = 20;

/** A header's words for matching: half-width, no spaces, units and bracketed notes and a leading year removed. */
export function headerKey(header: string): string {
  return nameKey(header)
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[/／](亿元|万元|元)$/, '')
    .replace(/(单位[:：])?(亿元|万元)$/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/^(本年|今年|当年)度?/, (m) => (m.endsWith('度') ? '年度' : '年'))
    .replace(/[:：*＊]/g, '');
}

function fieldOf<K extends string>(fields: FieldDef<K>[], header: string): FieldDef<K> | null {
  const key = headerKey(header);
  if (!key) return null;
  return fields.find((f) => f.names.includes(key)) ?? fields.find((f) => f.patterns?.some((p) => p.test(key))) ?? null;
}

/** A unit a note or title line names: 单位：亿元, 金额单位:万元, (单位:亿元). */
export function unitOfNote(text: string): AmountUnit | null {
  const m = /单位\s*[:：]?\s*(亿元|万元|元)/.exec(halfWidth(text));
  return m ? (m[1] as AmountUnit) : null;
}

interface Candidate<K extends string> {
  rows: number[];
  texts: string[];
  parents: string[];
  children: string[];
  fields: (FieldDef<K> | null)[];
  score: number;
}

/** Reads headers from one row, or from a parent row over a child row (merged cells filled across). */
function candidate<K extends string>(fields: FieldDef<K>[], top: SheetRow, sub: SheetRow | null, width: number): Candidate<K> {
  const parents = Array.from({ length: width }, (_, i) => cellText(top.cells[i] ?? null));
  const children = Array.from({ length: width }, (_, i) => (sub ? cellText(sub.cells[i] ?? null) : ''));
  if (sub) {
    // A parent merged across several children shows only in its first column: carry it right while children continue.
    for (let i = 1; i < width; i++) {
      if (!parents[i] && children[i] && children[i - 1] && parents[i - 1]) parents[i] = parents[i - 1];
    }
  }
  const texts: string[] = [];
  const chosen: (FieldDef<K> | null)[] = [];
  for (let i = 0; i < width; i++) {
    const child = children[i];
    const parent = parents[i];
    const field = (child && (fieldOf(fields, child) ?? fieldOf(fields, parent + child))) || (!child && parent ? fieldOf(fields, parent) : null);
    chosen.push(field);
    texts.push(child && parent && parent !== child ? `${parent} / ${child}` : child || parent);
  }
  const seen = new Set<string>();
  const deduped = chosen.map((f) => (f && !seen.has(f.key) ? (seen.add(f.key), f) : null));
  const score = deduped.filter(Boolean).length;
  return { rows: sub ? [top.row, sub.row] : [top.row], texts, parents, children, fields: deduped, score };
}

/** The best header in the first rows, with the columns mapped; null when no row reads as one. */
export function findHeader<K extends string>(rows: SheetRow[], fields: FieldDef<K>[], nameKeyField: K): HeaderMatch<K> | null {
  const width = Math.max(0, ...rows.slice(0, SEARCH_ROWS + 1).map((r) => r.cells.length));
  let best: (Candidate<K> & { start: number }) | null = null;
  for (let i = 0; i < Math.min(rows.length, SEARCH_ROWS); i++) {
    const options = [candidate(fields, rows[i], null, width)];
    // The child row must directly follow its parent.
    if (rows[i + 1] && rows[i + 1].row === rows[i].row + 1) options.push(candidate(fields, rows[i], rows[i + 1], width));
    for (const c of options) {
      if (!c.fields.some((f) => f?.key === nameKeyField) || c.score < 2) continue;
      // On a tie the single-row header wins: a note row above (单位：万元) is not a parent header.
      if (!best || c.score > best.score || (c.score === best.score && c.rows.length < best.rows.length)) best = { ...c, start: i + c.rows.length };
    }
  }
  if (!best) return null;
  const found = best;
  // The nearest note line above the header that names a unit (a title may name one too).
  const headerIndex = found.start - found.rows.length;
  const above = rows.slice(0, headerIndex).map((r) => r.cells.map(cellText).filter(Boolean).join(' '));
  let noteUnit: HeaderMatch<K>['noteUnit'] = null;
  for (let i = headerIndex - 1; i >= 0 && !noteUnit; i--) {
    const unit = unitOfNote(above[i]);
    if (unit) noteUnit = { unit, row: rows[i].row };
  }
  const index: Partial<Record<K, number>> = {};
  const units: Partial<Record<K, AmountUnit>> = {};
  const headers: Partial<Record<K, string>> = {};
  const columns: ColumnMapping[] = [];
  found.texts.forEach((header, i) => {
    const field = found.fields[i];
    let unit: AmountUnit | null = null;
    if (field?.amount) {
      // The nearest wins: the column's own header, its group header, the note line above, else 万元.
      const child = found.children[i] && found.children[i] !== found.parents[i] ? found.children[i] : '';
      unit = (child && unitOfHeader(child)) || (found.parents[i] && unitOfHeader(found.parents[i])) || noteUnit?.unit || '万元';
      units[field.key] = unit;
    }
    if (field) {
      index[field.key] = i;
      headers[field.key] = header;
    }
    if (header || field) columns.push({ column: i + 1, letter: columnLetter(i + 1), header: halfWidth(header), field: field?.key ?? null, label: field?.label ?? null, unit });
  });
  const missing = fields.filter((f) => f.required && index[f.key] === undefined).map((f) => f.label);
  return { headerRows: found.rows, dataStart: found.start, columns, index, units, headers, noteUnit, above, missing };
}
