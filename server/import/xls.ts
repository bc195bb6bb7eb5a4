// Reading an uploaded .xls (Excel 97-2003) or WPS .et: both are OLE compound files holding a BIFF
// workbook, read by SheetJS (its maintained npm package @e965/xlsx) through its public API only.
// The file is parsed whole (the upload limit, 20 MB, bounds it), in dense mode, without formulas,
// HTML or styles; rows past a physical cap are not parsed, and the limits of sheet.ts apply as
// for .xlsx. Cells are read as for .xlsx: a date-formatted number becomes a date.
import * as XLSX from '@e965/xlsx';
import { CELL_MAX_CHARS, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, SheetRefused, TOO_MANY_ROWS, cellCounter, cellTooLong, type Cell, type Sheet, type SheetRow } from './sheet.js';
import type { SheetSource, WorkbookLimits } from './workbook.js';

/**
 * The largest .xls/.et read: SheetJS holds the whole workbook, some 25 times the file's size, so
 * a larger one (rare: a county ledger is well under 1 MB) is to be saved as .xlsx, read as a stream.
 */
export const XLS_MAX_BYTES = 6 * 1024 * 1024;

/** Physical rows parsed at most (blank ones included): well past SHEET_MAX_ROWS rows with content. */
const PHYSICAL_ROWS = SHEET_MAX_ROWS * 4;

export const unreadableXls = () => new SheetRefused('无法读取该 Excel 文件，文件可能已损坏或不是 .xls/.et 格式');

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
}

function cellOf(c: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!c) return null;
  switch (c.t) {
    case 'n': {
      const v = c.v as number;
      if (typeof c.z === 'string' && XLSX.SSF.is_date(c.z)) return serialToDate(v, date1904);
      return v;
    }
    case 's': return c.v === '' ? null : String(c.v);
    case 'b': return Boolean(c.v);
    case 'd': return c.v instanceof Date ? c.v : null;
    case 'e': return c.w ?? '#公式错误';
    default: return null;
  }
}

/** The visible sheets of an .xls/.et with content, in tab order. */
export function openXls(bytes: Buffer, limits: WorkbookLimits = {}): SheetSource {
  const maxRows = limits.maxRows ?? SHEET_MAX_ROWS;
  const maxColumns = limits.maxColumns ?? SHEET_MAX_COLUMNS;
  if (bytes.length > XLS_MAX_BYTES) {
    throw new SheetRefused(`旧版 .xls/.et 文件超过${XLS_MAX_BYTES / 1024 / 1024}MB，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`);
  }
  let wb: XLSX.WorkBook;
  try {
    // An OLE compound file holding a workbook stream (BIFF8 Workbook, BIFF5 Book): anything else is
    // not a sheet, whatever SheetJS would make of it.
    const container = XLSX.CFB.read(bytes, { type: 'buffer' });
    const streams = container.FullPaths.map((p: string) => p.replace(/^.*\//, '').toLowerCase());
    if (!streams.includes('workbook') && !streams.includes('book')) throw unreadableXls();
  } catch {
    throw unreadableXls();
  }
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false,
      cellStyles: false, sheetStubs: false, sheetRows: PHYSICAL_ROWS, WTF: false,
    });
  } catch (err) {
    if (err instanceof Error && /password|encrypt/i.test(err.message)) throw new SheetRefused('该 Excel 文件已加密，请取消密码保护后再导入');
    throw unreadableXls();
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  const names = wb.SheetNames.filter((n) => !hidden.has(n));
  const read = (name: string): Sheet => {
    const ws = wb.Sheets[name];
    const data = ((ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const rows: SheetRow[] = [];
    const count = cellCounter();
    data.forEach((line, r) => {
      if (!line) return;
      const cells: Cell[] = [];
      let width = 0;
      for (let column = 1; column <= Math.min(line.length, maxColumns); column++) {
        const value = cellOf(line[column - 1], date1904);
        if (typeof value === 'string' && value.length > CELL_MAX_CHARS) throw cellTooLong(r + 1, column);
        cells.push(value);
        if (value !== null && value !== '') width = column;
      }
      if (!width) return;
      if (rows.length >= maxRows) throw new SheetRefused(maxRows === SHEET_MAX_ROWS ? TOO_MANY_ROWS : `表格行数超过上限（${maxRows}行），请分批导入`);
      cells.length = width;
      count(width);
      rows.push({ row: r + 1, cells });
    });
    if (data.length >= PHYSICAL_ROWS) throw new SheetRefused(TOO_MANY_ROWS);
    return { name, rows };
  };
  async function* sheets(): AsyncGenerator<Sheet> {
    for (const name of names) {
      const sheet = read(name);
      // Read once: let the parsed sheet go.
      delete wb.Sheets[name];
      if (sheet.rows.length) yield sheet;
    }
  }
  return { names, sheets: sheets() };
}
