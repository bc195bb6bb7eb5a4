// CSV as Excel writes it: UTF-8 (with or without BOM) or, from Chinese Windows, GBK; quoted fields
// with embedded commas, quotes and line breaks.
import { CELL_MAX_CHARS, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, SheetRefused, TOO_MANY_ROWS, cellCounter, cellTooLong, type Sheet, type SheetRow } from './sheet.js';

/** UTF-8 when the bytes are valid UTF-8, else GBK (what 另存为 CSV gives on Chinese Windows). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/**
 * Rows numbered by the line each starts on. Cells are text: the import normalises them. As for
 * .xlsx: blank rows are absent, rows are cut at their last non-empty cell within the first
 * SHEET_MAX_COLUMNS columns, and more than SHEET_MAX_ROWS rows or a cell longer than
 * CELL_MAX_CHARS (an unclosed quote swallows the rest of the file) is refused while reading.
 */
export function parseCsv(text: string, name = 'CSV', limits: { maxRows?: number; maxColumns?: number } = {}): Sheet {
  const maxRows = limits.maxRows ?? SHEET_MAX_ROWS;
  const maxColumns = limits.maxColumns ?? SHEET_MAX_COLUMNS;
  const rows: SheetRow[] = [];
  const count = cellCounter();
  const delimiter = detectDelimiter(text);
  let cells: (string | null)[] = [];
  let width = 0;
  let column = 0;
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endField = () => {
    if (++column <= maxColumns) {
      cells.push(field === '' ? null : field);
      if (field !== '') width = column;
    }
    field = '';
  };
  const endRow = () => {
    endField();
    if (width) {
      if (rows.length >= maxRows) throw new SheetRefused(maxRows === SHEET_MAX_ROWS ? TOO_MANY_ROWS : `表格行数超过上限（${maxRows}行），请分批导入`);
      cells.length = width;
      count(width);
      rows.push({ row: rowStart, cells });
    }
    cells = [];
    width = 0;
    column = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (field.length > CELL_MAX_CHARS) throw cellTooLong(rowStart, column + 1);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\r' && text[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') { endRow(); line++; rowStart = line; }
    else field += ch;
  }
  if (field.length > CELL_MAX_CHARS) throw cellTooLong(rowStart, column + 1);
  if (field !== '' || cells.length) endRow();
  return { name, rows };
}

/** Comma, or the tab or semicolon some exports use when the first line has more of them. */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => [d, first.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 1 ? counts[0][0] : ',';
}
