// An uploaded sheet → rows: .xlsx by exceljs's streaming reader, .csv as UTF-8 or GBK text.
import { importQuery } from '../../shared/imports.js';
import { Invalid } from '../errors.js';
import { decodeText, parseCsv } from '../import/csv.js';
import { SheetRefused, type Sheet } from '../import/sheet.js';
import { fileKind, readXlsx } from '../import/workbook.js';
import { parseInput } from './validate.js';

export async function readSheet(body: unknown): Promise<Sheet> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw Invalid({ file: '请上传 .xlsx 或 .csv 文件（请求体为文件内容）' }, '未收到文件');
  }
  const kind = fileKind(body);
  if (kind === 'xls') throw Invalid({ file: '不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再上传' }, '文件格式不支持');
  try {
    return kind === 'csv' ? parseCsv(decodeText(body)) : await readXlsx(body);
  } catch (err) {
    // A limit or an unreadable part, told in Chinese; anything else from the parser is a broken file.
    if (err instanceof SheetRefused) throw Invalid({ file: err.message }, err.message);
    throw Invalid({ file: '无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式' }, '文件无法读取');
  }
}

export interface ImportOptions {
  dryRun: boolean;
  exclude: Set<number>;
  month: string | undefined;
}

export function importOptions(query: unknown): ImportOptions {
  const q = parseInput(importQuery, query);
  const exclude = new Set((q.exclude ?? '').split(/[,\s]+/).filter(Boolean).map(Number).filter(Number.isSafeInteger));
  return { dryRun: q.dryRun !== '0' && q.dryRun !== 'false', exclude, month: q.month };
}

/** The header could not be found, or lacks required columns: nothing can be imported. */
export function noHeader(what: string): never {
  throw Invalid({ file: `未识别到表头：请确认表中有「项目名称」等列（${what}）` }, '未识别到表头');
}
