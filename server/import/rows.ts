// What both imports share once the header is found: which rows are data, which are a title, a
// 合计 row, a section heading or a note, and the preview's counts.
import type { ImportCounts, PreviewRow } from '../../shared/imports.js';
import type { SheetRow } from './sheet.js';
import { cellText } from './text.js';

export type RowKind = { kind: 'blank' } | { kind: 'total' } | { kind: 'example' } | { kind: 'note'; text: string } | { kind: 'data' };

/** The template's example row: 示例：XX产业园标准厂房建设项目. */
const EXAMPLE = /^(示例|样例|例)\s*[:：]/;

const TOTAL = /^(合计|总计|小计|总合计|全县合计|累计|共计)/;
const HEADING = /(项目|类)\s*([(（]\s*\d+\s*个\s*[)）])?$/;
const NUMBERED = /^([一二三四五六七八九十]+|\d+)[、.．]|^[(（][一二三四五六七八九十]+[)）]/;

/**
 * Blank rows and 合计 rows carry no project; a row with a single text in it (a section heading
 * such as 一、工业项目, or a note such as 填表人：) is not a project either.
 */
export function classifyRow(row: SheetRow, nameColumn: number, unitColumn: number | undefined): RowKind {
  const texts = row.cells.map(cellText);
  const filled = texts.filter(Boolean);
  if (!filled.length) return { kind: 'blank' };
  if (filled.slice(0, 3).some((t) => TOTAL.test(t.replace(/\s/g, '')))) return { kind: 'total' };
  const name = texts[nameColumn] ?? '';
  if (EXAMPLE.test(name)) return { kind: 'example' };
  const unit = unitColumn === undefined ? '' : texts[unitColumn] ?? '';
  if (filled.length === 1 && !/^\d+(\.\d+)?$/.test(filled[0]) && (!name || NUMBERED.test(name) || HEADING.test(name))) {
    return { kind: 'note', text: filled[0] };
  }
  // A numbered heading with subtotals beside it: 一、工业项目 | | 52.3 | 18.1
  if (name && !unit && NUMBERED.test(name) && unitColumn !== undefined) return { kind: 'note', text: name };
  return { kind: 'data' };
}

export function emptyCounts(): ImportCounts {
  return { create: 0, update: 0, unchanged: 0, error: 0, skipped: 0, excluded: 0 };
}

export function countRows(rows: PreviewRow[]): ImportCounts {
  const counts = emptyCounts();
  for (const r of rows) {
    if (r.excluded) counts.excluded++;
    else counts[r.verdict]++;
  }
  return counts;
}

export function previewRow(row: number, fields: Partial<PreviewRow> = {}): PreviewRow {
  return {
    row, verdict: 'skipped', code: null, name: null, unit: null, totalInvestment: null, amount: null,
    messages: [], warnings: [], changes: [], fieldChanges: [], amounts: [], excluded: false, ...fields,
  };
}

/** The rows that block a commit: rejected and not excluded, as 422 field errors keyed row<N>. */
export function blockingErrors(rows: PreviewRow[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const r of rows) if (r.verdict === 'error' && !r.excluded) fields[`row${r.row}`] = `第${r.row}行：${r.messages.join('；')}`;
  return fields;
}
