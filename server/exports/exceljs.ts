// exceljs, loaded on first use: reading it costs the server's start about a second, and only the
// sheet imports and .xlsx exports need it.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
