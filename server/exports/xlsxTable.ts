// One table per sheet, as the office's own Excel tables look: a merged title row, a bold frozen
// header row with the unit in each header, typed cells (万元 as numbers with a thousands format,
// dates as dates, rates as percents), thin borders, an autofilter and widths that fit the content.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs.js';
import type { Yuan } from '../../shared/money.js';
import { wanText, wanValue } from './format.js';

export type ColumnKind = 'text' | 'wide' | 'count' | 'wan' | 'date' | 'number' | 'rate';

export interface Column {
  header: string;
  kind: ColumnKind;
}

/** Text, a count or plain number, yuan for a 'wan' column, YYYY-MM-DD for a 'date' column, a fraction for 'rate'. */
export type Value = string | number | null;

export interface Table {
  sheet: string;
  title: string;
  columns: Column[];
  rows: Value[][];
  /** Shown instead of the rows when there are none. */
  empty: string;
  /** Lines under the table (notes, sources). */
  notes?: string[];
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FORMATS: Partial<Record<ColumnKind, string>> = { wan: '#,##0.00##', date: 'yyyy-mm-dd', rate: '0.0%', number: '0.000000', count: '0' };
const MAX_WIDTH: Record<ColumnKind, number> = { text: 30, wide: 60, count: 12, wan: 18, date: 13, number: 13, rate: 10 };

/** Columns are measured in Latin characters; a Chinese character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return width;
}

function cellOf(kind: ColumnKind, v: Value): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (kind === 'wan' && typeof v === 'number') return wanValue(v as Yuan);
  if (kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  return v;
}

function shown(kind: ColumnKind, v: Value): string {
  if (v === null) return '';
  if (kind === 'wan' && typeof v === 'number') return wanText(v);
  if (kind === 'rate' && typeof v === 'number') return `${(v * 100).toFixed(1)}%`;
  return String(v);
}

export function addTable(wb: ExcelJS.Workbook, t: Table): ExcelJS.Worksheet {
  const n = t.columns.length;
  const ws = wb.addWorksheet(t.sheet, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  const title = ws.addRow([t.title]);
  ws.mergeCells(1, 1, 1, n);
  title.height = 30;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.height = 32;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = BORDER;
  });
  for (const values of t.rows) {
    const row = ws.addRow(t.columns.map((c, i) => cellOf(c.kind, values[i] ?? null)));
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      const format = FORMATS[c.kind];
      if (format) cell.numFmt = format;
      cell.alignment = c.kind === 'text' || c.kind === 'wide'
        ? { vertical: 'middle', wrapText: true }
        : { vertical: 'middle', horizontal: c.kind === 'count' || c.kind === 'date' ? 'center' : 'right' };
    });
  }
  if (t.rows.length) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + t.rows.length, column: n } };
  else {
    ws.addRow([t.empty]);
    ws.mergeCells(3, 1, 3, n);
  }
  if (t.notes?.length) {
    ws.addRow([]);
    for (const note of t.notes) ws.addRow([note]);
  }
  t.columns.forEach((c, i) => {
    const widest = Math.max(
      Math.min(textWidth(c.header), 16),
      ...t.rows.slice(0, 2_000).map((r) => textWidth(shown(c.kind, r[i] ?? null))),
    );
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH[c.kind], Math.max(c.kind === 'date' ? 12 : 8, widest + 2));
  });
  // The title is set larger than the body (14 pt on 11): a narrow table widens its last column to hold it.
  const short = Math.ceil((textWidth(t.title) * 14) / 11) + 2 - t.columns.reduce((s, _, i) => s + (ws.getColumn(i + 1).width ?? 0), 0);
  if (short > 0) ws.getColumn(n).width = (ws.getColumn(n).width ?? 0) + short;
  return ws;
}

export async function workbook(tables: Table[], meta: { creator: string; title: string }, extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = meta.creator;
  wb.title = meta.title;
  for (const t of tables) addTable(wb, t);
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
