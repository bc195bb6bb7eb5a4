// An uploaded sheet → rows: .xlsx by exceljs's streaming reader, .xls and WPS .et by SheetJS, .csv
// as UTF-8 or GBK text — the kind told by the bytes, whatever the name or Content-Type. A workbook
// is read sheet by sheet until the data sheet is found (an instructions or summary sheet first is
// passed over), and one campaign parses one upload at a time.
import { importQuery } from '../../shared/imports.js';
import { Invalid } from '../errors.js';
import { decodeText, parseCsv } from '../import/csv.js';
import { SheetRefused, type Sheet } from '../import/sheet.js';
import { fileKind, openXlsx, type SheetSource } from '../import/workbook.js';
import { openXls } from '../import/xls.js';
import { parseInput } from './validate.js';

/** How well a sheet fits the import: 2 the data sheet (taken at once), 1 a header with columns missing, 0 none. */
export type SheetFit = (sheet: Sheet) => 0 | 1 | 2;

export interface ReadSheet {
  sheet: Sheet;
  /** The workbook's visible sheets, in tab order (one for a CSV). */
  names: string[];
}

async function open(body: Buffer): Promise<SheetSource> {
  const kind = fileKind(body);
  if (kind === 'csv') {
    const sheet = parseCsv(decodeText(body));
    return { names: [sheet.name], sheets: (async function* () { yield sheet; })() };
  }
  return kind === 'xls' ? openXls(body) : openXlsx(body);
}

export async function readSheet(body: unknown, fit: SheetFit = () => 2): Promise<ReadSheet> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw Invalid({ file: '请上传 .xlsx、.xls、.et 或 .csv 文件（请求体为文件内容）' }, '未收到文件');
  }
  try {
    const source = await open(body);
    let fallback: Sheet | null = null;
    let first: Sheet | null = null;
    for await (const sheet of source.sheets) {
      const f = fit(sheet);
      if (f === 2) {
        await source.sheets.return(undefined);
        return { sheet, names: source.names };
      }
      if (f === 1 && !fallback) fallback = sheet;
      first ??= sheet;
    }
    return { sheet: fallback ?? first ?? { name: source.names[0] ?? 'Sheet1', rows: [] }, names: source.names };
  } catch (err) {
    // A limit or an unreadable part, told in Chinese; anything else from the parser is a broken file.
    if (err instanceof SheetRefused) throw Invalid({ file: err.message }, err.message);
    throw Invalid({ file: '无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx/.xls/.et 格式' }, '文件无法读取');
  }
}

/** The parse running for each campaign; the next one waits for it. */
const parsing = new Map<number, Promise<unknown>>();

/**
 * Runs `work` (reading and checking an upload) when the campaign's previous one has finished: one
 * parse at a time per campaign, so back-to-back large uploads cannot pile up in memory.
 */
export async function oneAtATime<T>(campaignId: number, work: () => Promise<T>): Promise<T> {
  const before = parsing.get(campaignId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const done = run.catch(() => undefined);
  parsing.set(campaignId, done);
  try {
    return await run;
  } finally {
    if (parsing.get(campaignId) === done) parsing.delete(campaignId);
  }
}

export interface ImportOptions {
  dryRun: boolean;
  exclude: Set<number>;
  month: string | undefined;
  filename: string;
}

export function importOptions(query: unknown): ImportOptions {
  const q = parseInput(importQuery, query);
  const exclude = new Set((q.exclude ?? '').split(/[,\s]+/).filter(Boolean).map(Number).filter(Number.isSafeInteger));
  return { dryRun: q.dryRun !== '0' && q.dryRun !== 'false', exclude, month: q.month, filename: q.filename?.trim() || '（未命名文件）' };
}

/** The header could not be found, or lacks required columns: nothing can be imported. Names the sheet read. */
export function noHeader(what: string, read?: ReadSheet): never {
  const where = read ? `已读取工作表「${read.sheet.name}」${read.names.length > 1 ? `（共${read.names.length}个：${read.names.join('、')}）` : ''}，` : '';
  throw Invalid({ file: `未识别到表头：${where}请确认表中有「项目名称」等列（${what}）` }, '未识别到表头');
}
