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
