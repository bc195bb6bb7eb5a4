// A sheet as the import reads it: its rows, each with the sheet's own row number.

/** A cell's value after reading: text, a number, a date (from a date-formatted cell), or empty. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based, as Excel (or the CSV's line) numbers it. */
  row: number;
  /** cells[0] is column A. */
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The most rows with content a sheet may have; past it reading stops (.xlsx, .xls/.et and .csv).
 * With SHEET_MAX_CELLS it bounds an import's memory (300 MB over idle for any file, tested): a
 * province-scale ledger has ~15,000 projects.
 */
export const SHEET_MAX_ROWS = 20_000;
/** The most cells a sheet may hold (rows × their width up to the last filled cell). */
export const SHEET_MAX_CELLS = 1_000_000;
/** Columns read from the left; cells further right are ignored (a stray entry in XFD costs nothing). */
export const SHEET_MAX_COLUMNS = 200;
/** Excel's own limit on a cell's text. */
export const CELL_MAX_CHARS = 32_767;

export const TOO_MANY_ROWS = `表格行数超过上限（${SHEET_MAX_ROWS.toLocaleString('en-US')}行），请分批导入`;
export const TOO_MANY_CELLS = `表格内容过多（超过${SHEET_MAX_CELLS.toLocaleString('en-US')}个单元格），请删除无关的列或分批导入`;

/** Counts the cells kept while reading; past SHEET_MAX_CELLS the sheet is refused. */
export function cellCounter(max = SHEET_MAX_CELLS): (width: number) => void {
  let total = 0;
  return (width) => {
    total += width;
    if (total > max) throw new SheetRefused(TOO_MANY_CELLS);
  };
}

/** A sheet that cannot be imported as it is; `message` is for people (Chinese). */
export class SheetRefused extends Error {}

export function cellTooLong(row: number, column: number): SheetRefused {
  return new SheetRefused(`第${row}行${columnLetter(column)}列的内容过长（超过${CELL_MAX_CHARS.toLocaleString('en-US')}个字符），请修改后再导入`);
}
