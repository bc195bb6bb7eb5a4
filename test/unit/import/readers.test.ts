// Issue 14: reading the files offices really send. .xls and WPS .et (OLE files, read by SheetJS),
// .xlsx whose XML uses a namespace prefix, an instructions sheet first, the kind told by the bytes,
// exceljs's internals checked where the streaming reader drives them, and a memory bound on the
// largest file the limits admit (measured in a child process, never by timing).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SHEET_MAX_CELLS, SHEET_MAX_ROWS, TOO_MANY_CELLS } from '../../../server/import/sheet.js';
import { fileKind, readXlsx, withoutPrefixes } from '../../../server/import/workbook.js';
import { openXls, XLS_MAX_BYTES } from '../../../server/import/xls.js';
import { readSheet } from '../../../server/services/sheetFile.js';

const LEDGER: (string | number | null)[][] = [
  ['某县2027年重点项目台账'],
  ['单位：万元'],
  ['项目名称', '责任单位', '总投资', '年度计划投资', '计划开工时间'],
  ['新材料产业园（二期）', '县工信局', 3600, 1200, '2027.3'],
  ['白马大桥', '县城投公司', 1800.5, 600, null],
];

/** An .xls (BIFF8) as Excel 97-2003 saves it, with a date-formatted cell. */
function xls(rows = LEDGER, sheets: [string, (string | number | null)[][]][] = []): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, aoa] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), name);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws.F4 = { t: 'n', v: 46_082, z: 'yyyy-mm-dd' }; // 2026-03-01
  ws['!ref'] = 'A1:F5';
  XLSX.utils.book_append_sheet(book, ws, '台账');
  return XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/** A WPS .et: the same OLE container and BIFF8 workbook stream, with WPS's own extra stream beside it. */
function et(): Buffer {
  const container = XLSX.CFB.read(xls(), { type: 'buffer' });
  XLSX.CFB.utils.cfb_add(container, '/ETExtData', Buffer.from('WPS Office ET'));
  return Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with every element of its workbook, strings and sheets under the prefix x: (as some generators write). */
async function prefixed(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async('string');
    zip.file(name, xml
      .replace(/<(\/?)(?!\?)([A-Za-z][\w]*)(?=[\s>/])/g, (_m, slash, tag) => `<${slash}x:${tag}`)
      .replace(/xmlns="(http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main)"/, 'xmlns:x="$1"'));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const texts = (rows: { cells: unknown[] }[]) => rows.map((r) => r.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c)));

describe('.xls and WPS .et', () => {
  it('reads an .xls by SheetJS, told from its bytes', async () => {
    const bytes = xls();
    expect(fileKind(bytes)).toBe('xls');
    const read = await readSheet(bytes);
    expect(read.sheet.name).toBe('台账');
    expect(texts(read.sheet.rows)).toEqual([
      ['某县2027年重点项目台账'],
      ['单位：万元'],
      ['项目名称', '责任单位', '总投资', '年度计划投资', '计划开工时间'],
      ['新材料产业园（二期）', '县工信局', 3600, 1200, '2027.3', '2026-03-01'],
      ['白马大桥', '县城投公司', 1800.5, 600],
    ]);
  });

  it('reads a WPS .et the same way', async () => {
    const bytes = et();
    expect(fileKind(bytes)).toBe('xls');
    expect(texts((await readSheet(bytes)).sheet.rows)).toEqual(texts((await readSheet(xls())).sheet.rows));
  });

  it('passes over an instructions sheet first and names the sheets', async () => {
    const bytes = xls(LEDGER, [['填写说明', [['填写说明'], ['金额单位为万元']]]]);
    const read = await readSheet(bytes, (s) => (s.rows.some((r) => r.cells.includes('项目名称')) ? 2 : 0));
    expect(read).toMatchObject({ names: ['填写说明', '台账'], sheet: { name: '台账' } });
  });

  it('refuses what is not a workbook, and an .xls too large to read whole', async () => {
    await expect(readSheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toMatchObject({ fields: { file: expect.stringContaining('.xls/.et') } });
    const big = Buffer.concat([xls(), Buffer.alloc(XLS_MAX_BYTES)]);
    expect(() => openXls(big)).toThrow(/另存为” \.xlsx/);
  });
});

describe('.xlsx as generators write it', () => {
  const ledger = () => xlsx((wb) => {
    const ws = wb.addWorksheet('台账');
    for (const r of LEDGER) ws.addRow(r);
  });

  it('reads XML whose elements carry a namespace prefix as the plain one', async () => {
    const plain = await ledger();
    const withPrefix = await prefixed(plain);
    const xml = await (await JSZip.loadAsync(withPrefix)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<x:row');
    expect(await readXlsx(withPrefix)).toEqual(await readXlsx(plain));
  });

  it('drops prefixes across chunk boundaries, leaving attributes alone', async () => {
    async function* chunks() { yield '<x:sheet r:id="rId1"/><x'; yield ':row r="1"><x:c r="A1"></x:'; yield 'c></x:row>'; }
    let out = '';
    for await (const c of withoutPrefixes(chunks())) out += c;
    expect(out).toBe('<sheet r:id="rId1"/><row r="1"><c r="A1"></c></row>');
  });

  it('tells the format from the bytes, whatever the name', async () => {
    expect(fileKind(await ledger())).toBe('xlsx');
    expect(fileKind(Buffer.from('项目名称,责任单位\n'))).toBe('csv');
  });

  it('drives only exceljs parser methods that exist in the pinned version', async () => {
    // workbook.ts uses these internals of exceljs's streaming reader; package.json pins exceljs exactly.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as never, {}) as unknown as Record<string, unknown>;
    for (const method of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings', '_parseWorksheet']) {
      expect(typeof reader[method], method).toBe('function');
    }
    const pkg = await import('../../../package.json', { with: { type: 'json' } });
    expect(pkg.default.dependencies.exceljs).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a sheet with more cells than the limit while reading it', async () => {
    const csv = Buffer.from(`${'x,'.repeat(199)}x\n`.repeat(Math.ceil(SHEET_MAX_CELLS / 200) + 1));
    await expect(readSheet(csv)).rejects.toMatchObject({ fields: { file: TOO_MANY_CELLS } });
  });
});

describe('memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sheet-memory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const node = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'memoryProbe.ts'), ...args], { encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  /** Writes a large file in a child process (generating it costs more than reading it). */
  const generate = (kind: 'xlsx' | 'xls', rows: number, columns: number, file: string) => node('generate', kind, String(rows), String(columns), file);
  /** Reads and plans the file in a fresh process; how far its peak memory rose over idle, in bytes. */
  const probe = (file: string): { rows: number; creates: number; overIdle: number } => JSON.parse(node(file));

  it('reads the largest .xlsx the limits admit within 300 MB over idle', { timeout: 300_000 }, async () => {
    // SHEET_MAX_ROWS rows, SHEET_MAX_CELLS cells: 50 columns.
    const rows = SHEET_MAX_ROWS - 2;
    const file = join(dir, 'largest.xlsx');
    generate('xlsx', rows, SHEET_MAX_CELLS / SHEET_MAX_ROWS, file);
    const used = probe(file);
    expect(used).toMatchObject({ rows, creates: rows });
    expect(used.overIdle).toBeLessThan(300 * 1024 * 1024);
  });

  it('reads an .xls at its size limit within 300 MB over idle', { timeout: 300_000 }, () => {
    const file = join(dir, 'largest.xls');
    generate('xls', 16_000, 16, file);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(XLS_MAX_BYTES * 0.9);
    expect(size).toBeLessThanOrEqual(XLS_MAX_BYTES);
    const used = probe(file);
    expect(used.creates).toBe(16_000);
    expect(used.overIdle).toBeLessThan(300 * 1024 * 1024);
  });
});
