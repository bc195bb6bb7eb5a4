// Reading an uploaded .xlsx with exceljs's streaming reader: the first worksheet's rows, a chunk at
// a time, yielding to the event loop between chunks so a large ledger does not stall the server.
import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Cell, Sheet, SheetRow } from './sheet.js';

/** The file kinds the import takes, told by their first bytes (not by a name or a header). */
export type FileKind = 'xlsx' | 'xls' | 'csv';

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

const YIELD_EVERY = 500;

/** A cell value as exceljs gives it → text, number, date or empty (formulas by their result). */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return null;
  }
  return String(v);
}

/** The first worksheet that has rows; rows keep their sheet numbers (blank ones are absent). */
export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  for await (const ws of reader) {
    const worksheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    const rows: SheetRow[] = [];
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      rows.push({ row: row.number, cells: Array.from(values.slice(1), cellValue) });
      if (rows.length % YIELD_EVERY === 0) await yieldToLoop();
    }
    if (rows.length) return { name: worksheet.name ?? 'Sheet1', rows };
  }
  return { name: 'Sheet1', rows: [] };
}
