// Reading an uploaded .xlsx: the archive's parts are found by its central directory and only the
// ones needed are inflated (workbook, relations, styles, shared strings, then the visible sheets one
// at a time until the caller has the one it wants), each against a size limit, and parsed by
// exceljs's streaming parsers. exceljs is pinned to an exact version: the five parser methods used
// here are its internals, and test/unit/import/workbook.test.ts checks they are there. Element
// names with a namespace prefix (<x:row>, as some generators write) are read without it.
// Rows are cut at column SHEET_MAX_COLUMNS and reading stops past SHEET_MAX_ROWS, so a tiny file
// with an entry in column XFD or a million rows cannot take the server's memory or time.
import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { loadExcelJS } from '../exports/exceljs.js';
import { CELL_MAX_CHARS, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, SheetRefused, TOO_MANY_ROWS, cellCounter, cellTooLong, type Cell, type Sheet, type SheetRow } from './sheet.js';
import { entryText, unreadable, zipEntries, type Budget, type ZipEntry } from './zip.js';

/** The file kinds the import takes, told by their first bytes (not by a name or a header). */
export type FileKind = 'xlsx' | 'xls' | 'csv';
/** Every 'xls' is an OLE compound file: Excel 97-2003 .xls and WPS .et alike. */

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

const YIELD_EVERY = 500;

const MB = 1024 * 1024;
/** Inflated size limits: the small workbook parts, the shared strings, the sheets read. */
const PART_BYTES = 16 * MB;
const SHARED_STRINGS_BYTES = 64 * MB;
const SHEET_BYTES = 256 * MB;

const budget = (bytes: number): Budget => ({
  left: bytes,
  tooBig: () => new SheetRefused(`表格内容过大（解压后超过${bytes / MB}MB），请删除无关的工作表和内容，或分批导入`),
});

/** exceljs's streaming workbook reader, driven part by part (its own zip reading is bypassed). */
interface ReaderParts {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncIterable<{ index: number; text: unknown }>;
  _parseWorksheet(chunks: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: WorksheetParts }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: string[];
}

interface CellParts {
  value: unknown;
  numFmt?: string;
}

interface RowParts {
  number: number;
  cellCount: number;
  findCell(column: number): CellParts | undefined;
}

type WorksheetParts = AsyncIterable<RowParts> & { name: string };

/** Excel's date formats (what exceljs tells dates by): y m d h s in the code outside quotes and []. */
function isDateFormat(format: string | undefined): boolean {
  return !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
}

/** Text of a shared string or a rich-text value (runs joined). */
function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  const runs = (v as { richText?: { text?: string | null }[] }).richText;
  return Array.isArray(runs) ? runs.map((r) => r.text ?? '').join('') : String(v);
}

/**
 * A cell value as exceljs gives it → text, number, date or empty. A formula gives its cached
 * result (a date when the cell is date-formatted); one never calculated shows as its formula and
 * an error (#N/A, #REF!) as its code, so a row check names them instead of reading them as empty.
 */
export function cellValue(v: unknown, numFmt?: string, date1904 = false): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return plainText(o) || null;
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) {
      const result = o.result;
      if (result === undefined || result === null) return `=${String(o.formula ?? o.sharedFormula ?? '') || '公式（未计算）'}`;
      if (typeof result === 'number' && Number.isNaN(result)) return '#公式错误';
      if (typeof result === 'number' && isDateFormat(numFmt)) return serialToDate(result, date1904);
      return cellValue(result, numFmt, date1904);
    }
    if (typeof o.error === 'string') return o.error;
    if (typeof o.text === 'string') return o.text || null;
    if ('hyperlink' in o) return null;
  }
  return String(v);
}

/** A cell's column from its opening tag (r="XFD12" → 16,384); 0 when it has no reference. */
function tagColumn(tag: string): number {
  const m = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})/.exec(tag);
  if (!m) return 0;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const DROPPED = /<c(ols)?[\s>/]/g;

/**
 * The sheet's XML without the cells right of `maxColumns` and without <cols> (column widths,
 * whose ranges exceljs would expand one object per column), before exceljs sees it: a cell in
 * XFD would otherwise make exceljs walk 16,384 slots for every row.
 */
export async function* withoutFarCells(chunks: AsyncIterable<string>, maxColumns: number): AsyncGenerator<string> {
  let buf = '';
  /** The end tag being skipped to, while inside a dropped element. */
  let skipTo = '';
  for await (const chunk of chunks) {
    buf += chunk;
    let out = '';
    let i = 0;
    for (;;) {
      if (skipTo) {
        const end = buf.indexOf(skipTo, i);
        if (end < 0) { i = Math.max(i, buf.length - skipTo.length); break; }
        i = end + skipTo.length;
        skipTo = '';
        continue;
      }
      DROPPED.lastIndex = i;
      const m = DROPPED.exec(buf);
      if (!m) {
        // Keep a trailing tag that may be cut off (<c, <co…) for the next chunk.
        const lt = buf.lastIndexOf('<');
        const keep = lt >= i && buf.indexOf('>', lt) < 0 ? lt : buf.length;
        out += buf.slice(i, keep);
        i = keep;
        break;
      }
      const close = buf.indexOf('>', m.index);
      if (close < 0) { out += buf.slice(i, m.index); i = m.index; break; }
      const tag = buf.slice(m.index, close + 1);
      if (!m[1] && tagColumn(tag) <= maxColumns) { out += buf.slice(i, close + 1); i = close + 1; continue; }
      out += buf.slice(i, m.index);
      i = close + 1;
      if (!tag.endsWith('/>')) skipTo = m[1] ? '</cols>' : '</c>';
    }
    buf = buf.slice(i);
    if (out) yield out;
  }
  if (buf && !skipTo) yield buf;
}

/**
 * Element names without their namespace prefix (<x:row r="1"> → <row r="1">, </x:c> → </c>), across
 * chunk boundaries; attributes (r:id) are left alone.
 */
export async function* withoutPrefixes(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry + chunk;
    // A tag cut off at the end waits for the next chunk.
    const lt = text.lastIndexOf('<');
    if (lt >= 0 && text.indexOf('>', lt) < 0) { carry = text.slice(lt); text = text.slice(0, lt); } else carry = '';
    if (text) yield text.replace(PREFIXED, '<$1');
  }
  if (carry) yield carry.replace(PREFIXED, '<$1');
}

const PREFIXED = /<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g;

/** entryStream with element prefixes removed, for the exceljs parts that read a stream. */
function partStream(bytes: Buffer, e: ZipEntry, b: Budget): Readable {
  return Readable.from(withoutPrefixes(entryText(bytes, e, b)), { objectMode: true });
}

/**
 * One string for each short text met again (a domain, a unit, a date written as text): a ledger
 * repeats them on every row, and the parser makes a new string each time.
 */
export function interner(): <T extends Cell>(value: T) => T {
  const seen = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string' || value.length > 24) return value;
    const known = seen.get(value);
    if (known !== undefined) return known as typeof value;
    if (seen.size < 100_000) seen.set(value, value);
    return value;
  };
}

/** The workbook's sheets in tab order, visible ones only, with the part each is stored in. */
function sheetParts(reader: ReaderParts): { name: string; path: string }[] {
  const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  return (reader.model?.sheets ?? []).flatMap((s) => {
    const target = rels.get(s.rId);
    if (!target || (s.state && s.state !== 'visible')) return [];
    return [{ name: s.name, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` }];
  });
}

export interface WorkbookLimits {
  maxRows?: number;
  maxColumns?: number;
}

/** A workbook read sheet by sheet: `names` lists its visible sheets, `sheets` reads each when asked. */
export interface SheetSource {
  names: string[];
  sheets: AsyncGenerator<Sheet>;
}

/**
 * The visible worksheets with content, in tab order, each read only when the caller asks for the
 * next (an instructions sheet first costs only itself); rows keep their sheet numbers (blank ones
 * are absent), each cut at its last non-empty cell within the first SHEET_MAX_COLUMNS columns.
 * Throws SheetRefused (a Chinese reason) for what cannot or may not be read.
 */
export async function openXlsx(bytes: Buffer, limits: WorkbookLimits = {}): Promise<SheetSource> {
  const maxRows = limits.maxRows ?? SHEET_MAX_ROWS;
  const maxColumns = limits.maxColumns ?? SHEET_MAX_COLUMNS;
  const entries = zipEntries(bytes);
  const part = (name: string) => entries.get(name);
  const relsPart = part('xl/_rels/workbook.xml.rels');
  const workbookPart = part('xl/workbook.xml');
  if (!relsPart || !workbookPart) throw unreadable();

  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(null as never, {
    sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  }) as unknown as ReaderParts;
  await reader._parseRels(partStream(bytes, relsPart, budget(PART_BYTES)));
  await reader._parseWorkbook(partStream(bytes, workbookPart, budget(PART_BYTES)));
  const stylesPart = part('xl/styles.xml');
  if (stylesPart) await reader._parseStyles(partStream(bytes, stylesPart, budget(PART_BYTES)));
  const strings: string[] = [];
  const stringsPart = part('xl/sharedStrings.xml');
  if (stringsPart) {
    for await (const { text } of reader._parseSharedStrings(partStream(bytes, stringsPart, budget(SHARED_STRINGS_BYTES)))) {
      const s = plainText(text);
      if (s.length > CELL_MAX_CHARS) throw new SheetRefused(`表格中有单元格内容过长（超过${CELL_MAX_CHARS.toLocaleString('en-US')}个字符），请修改后再导入`);
      strings.push(s);
    }
  }
  reader.sharedStrings = strings;
  const date1904 = reader.properties?.model?.date1904 === true;
  const parts = sheetParts(reader);

  async function* sheets(): AsyncGenerator<Sheet> {
    // One budget for all the sheets read: an instructions sheet and the data sheet share it.
    const sheetBudget = budget(SHEET_BYTES);
    const intern = interner();
    const count = cellCounter();
    for (const { name, path } of parts) {
      const sheetPart = part(path);
      if (!sheetPart) continue;
      const xml = withoutFarCells(withoutPrefixes(entryText(bytes, sheetPart, sheetBudget)), maxColumns);
      const [emitted] = [...reader._parseWorksheet(xml, '0')];
      if (!emitted) continue;
      const rows: SheetRow[] = [];
      let seen = 0;
      for await (const row of emitted.value) {
        const last = Math.min(row.cellCount, maxColumns);
        const cells: Cell[] = [];
        let width = 0;
        for (let column = 1; column <= last; column++) {
          const cell = row.findCell(column);
          const value = intern(cellValue(cell?.value, cell?.numFmt, date1904));
          if (typeof value === 'string' && value.length > CELL_MAX_CHARS) throw cellTooLong(row.number, column);
          cells.push(value);
          if (value !== null) width = column;
        }
        if (width) {
          if (rows.length >= maxRows) throw new SheetRefused(maxRows === SHEET_MAX_ROWS ? TOO_MANY_ROWS : `表格行数超过上限（${maxRows}行），请分批导入`);
          cells.length = width;
          count(width);
          rows.push({ row: row.number, cells });
        }
        if (++seen % YIELD_EVERY === 0) await yieldToLoop();
      }
      if (rows.length) yield { name, rows };
    }
  }
  return { names: parts.map((p) => p.name), sheets: sheets() };
}

/** The first visible worksheet that has content (what the imports read before issue 14; kept for tests and tools). */
export async function readXlsx(bytes: Buffer, limits: WorkbookLimits = {}): Promise<Sheet> {
  const source = await openXlsx(bytes, limits);
  const first = await source.sheets.next();
  await source.sheets.return(undefined);
  return first.done ? { name: source.names[0] ?? 'Sheet1', rows: [] } : first.value;
}
