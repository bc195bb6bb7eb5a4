// Reading uploaded sheets within bounds: far-right stray cells, too many rows, over-long cells, and
// what a workbook may hold (several sheets, formulas, rich text, hyperlinks, errors, 1904 dates).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/import/csv.js';
import { CELL_MAX_CHARS, SHEET_MAX_COLUMNS, SheetRefused, TOO_MANY_ROWS } from '../../../server/import/sheet.js';
import { cellValue, readXlsx, withoutFarCells } from '../../../server/import/workbook.js';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Header + `rows` ledger rows, each with a stray entry in column XFD (16,384), as a reviewer built it. */
async function farColumnWorkbook(rows: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsx((wb) => {
    const ws = wb.addWorksheet('台账');
    ws.addRow(['项目名称', '责任单位', '总投资（万元）', '年度计划投资（万元）']);
    for (let i = 1; i <= rows; i++) ws.addRow([`远列项目${i}`, '县工信局', 100, 50]);
  }));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml
    .replace(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g, (_m, r, attrs, body) => `<row r="${r}"${attrs}>${body}<c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`)
    .replace('<sheetData>', '<cols><col min="1" max="16384" width="9"/></cols><sheetData>'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SheetRefused);
  return (err as Error).message;
};

describe('readXlsx bounds', () => {
  it('ignores cells right of the column limit instead of building rows 16,384 wide', async () => {
    const bytes = await farColumnWorkbook(2_000);
    expect(bytes.length).toBeLessThan(100_000);
    const sheet = await readXlsx(bytes);
    expect(sheet.rows).toHaveLength(2_001);
    expect(Math.max(...sheet.rows.map((r) => r.cells.length))).toBe(4);
    expect(sheet.rows[2_000]).toEqual({ row: 2_001, cells: ['远列项目2000', '县工信局', 100, 50] });
  });

  it('cuts rows at their last filled cell and drops rows whose only entry is beyond the limit', async () => {
    const sheet = await readXlsx(await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '名称';
      ws.getCell('C1').value = '';
      ws.getRow(2).getCell(SHEET_MAX_COLUMNS).value = '最后一列';
      ws.getRow(3).getCell(SHEET_MAX_COLUMNS + 1).value = '超出';
    }));
    expect(sheet.rows.map((r) => [r.row, r.cells.length])).toEqual([[1, 1], [2, SHEET_MAX_COLUMNS]]);
    expect(sheet.rows[1].cells.at(-1)).toBe('最后一列');
  });

  it('stops reading past the row limit with a Chinese reason', async () => {
    const bytes = await farColumnWorkbook(30);
    expect(await refusal(readXlsx(bytes, { maxRows: 30 }))).toContain('表格行数超过上限（30行）');
    expect((await readXlsx(bytes, { maxRows: 31 })).rows).toHaveLength(31);
    expect(TOO_MANY_ROWS).toBe('表格行数超过上限（20,000行），请分批导入');
  });

  it('reads only the first visible sheet that has content', async () => {
    const sheet = await readXlsx(await xlsx((wb) => {
      wb.addWorksheet('说明（隐藏）', { state: 'hidden' }).addRow(['隐藏']);
      wb.addWorksheet('空表');
      wb.addWorksheet('台账').addRow(['项目名称']);
      wb.addWorksheet('另一张').addRow(['不读']);
    }));
    expect(sheet).toEqual({ name: '台账', rows: [{ row: 1, cells: ['项目名称'] }] });
  });

  it('gives formulas by their result, rich text as text, hyperlinks by their text and errors by their code', async () => {
    const sheet = await readXlsx(await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow([
        { formula: 'SUM(1,2)', result: 3 },
        { formula: 'A1&"号"', result: '3号' },
        { formula: 'DATE(2020,3,15)', result: 43_905 },
        { formula: 'B9' },
        { formula: '1/0' },
        { richText: [{ text: '白马' }, { font: { bold: true }, text: '大桥' }] },
        { text: '县城投公司', hyperlink: 'https://example.cn' },
        { error: '#N/A' },
      ] as never);
      ws.getCell('C1').numFmt = 'yyyy-mm-dd';
    }));
    expect(sheet.rows[0].cells).toEqual([
      3, '3号', new Date(Date.UTC(2020, 2, 15)), '=B9', '=1/0', '白马大桥', '县城投公司', '#N/A',
    ]);
  });

  it('tells a formula whose cached result is an error', () => {
    expect(cellValue({ formula: 'A1/0', result: Number.NaN })).toBe('#公式错误');
    expect(cellValue({ error: '#REF!' })).toBe('#REF!');
    expect(cellValue({ formula: 'A1', result: 43_905 }, 'yyyy"年"m"月"')).toEqual(new Date(Date.UTC(2020, 2, 15)));
    expect(cellValue({ formula: 'A1', result: 43_905 }, '0.00')).toBe(43_905);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const sheet = await readXlsx(await xlsx((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = new Date(Date.UTC(2020, 2, 15));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      // 2020-03-15 in the 1904 system is serial 42,443.
      ws.getCell('B1').value = { formula: 'A1', result: 42_443 } as never;
      ws.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
    }));
    expect(sheet.rows[0].cells).toEqual([new Date(Date.UTC(2020, 2, 15)), new Date(Date.UTC(2020, 2, 15))]);
  });

  it('keeps Chinese text whole across the reader\'s chunk boundaries', async () => {
    const long = '重点项目建设'.repeat(5_000);
    const sheet = await readXlsx(await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      for (let i = 0; i < 200; i++) ws.addRow([`${i}号${long.slice(0, 300 + i)}`, { richText: [{ text: '甲' }, { text: `${i}乙` }] } as never]);
      ws.addRow([long]);
    }));
    expect(sheet.rows[199].cells).toEqual([`199号${long.slice(0, 499)}`, '甲199乙']);
    expect(sheet.rows[200].cells[0]).toBe(long);
  });

  it('refuses a cell longer than Excel allows', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('S').addRow(['x'.repeat(CELL_MAX_CHARS + 1)]));
    expect(await refusal(readXlsx(bytes))).toContain('超过32,767个字符');
  });

  it('refuses a part that inflates past its limit, and archives that are not workbooks', { timeout: 60_000 }, async () => {
    const zip = await JSZip.loadAsync(await xlsx((wb) => wb.addWorksheet('S').addRow(['名称'])));
    // 70 MB of shared strings that compress to well under 1 MB.
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'a'.repeat(70 * 1024 * 1024)}</t></si></sst>`);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(2_000_000);
    expect(await refusal(readXlsx(bomb))).toContain('表格内容过大');
    const notWorkbook = await new JSZip().file('a.txt', 'hello').generateAsync({ type: 'nodebuffer' });
    expect(await refusal(readXlsx(notWorkbook))).toContain('无法读取');
    expect(await refusal(readXlsx(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)])))).toContain('无法读取');
  });
});

describe('withoutFarCells', () => {
  it('drops far cells and column widths across any chunking, and keeps the rest byte for byte', async () => {
    const xml = '<worksheet><cols><col min="1" max="16384"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>' +
      '<c r="XFD1" t="inlineStr"><is><r><rPr><color rgb="FF000000"/><charset val="134"/></rPr><t>远</t></r></is></c><c r="GR1"/>' +
      "<c r='GS1'><v>2</v></c><c r=\"B1\"><f>A1</f><v>1</v></c></row></sheetData></worksheet>";
    const want = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="GR1"/><c r="B1"><f>A1</f><v>1</v></c></row></sheetData></worksheet>';
    for (const size of [1, 2, 3, 7, 50, xml.length]) {
      const chunks = Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => xml.slice(i * size, (i + 1) * size));
      let out = '';
      for await (const part of withoutFarCells((async function* () { yield* chunks; })(), 200)) out += part;
      expect(out, `chunks of ${size}`).toBe(want);
    }
  });
});

describe('parseCsv bounds', () => {
  it('cuts rows at the column limit and at their last filled cell, and drops blank rows', () => {
    const wide = ['名称', ...Array(SHEET_MAX_COLUMNS - 2).fill(''), '末列', '超出', '更远'].join(',');
    const sheet = parseCsv(`${wide}\r\n,,,\r\n甲,,\r\n`);
    expect(sheet.rows.map((r) => [r.row, r.cells.length])).toEqual([[1, SHEET_MAX_COLUMNS], [3, 1]]);
    expect(sheet.rows[0].cells.at(-1)).toBe('末列');
  });

  it('stops past the row limit', () => {
    const text = Array.from({ length: 12 }, (_, i) => `项目${i},1`).join('\n');
    expect(() => parseCsv(text, 'CSV', { maxRows: 11 })).toThrow('表格行数超过上限（11行）');
    expect(parseCsv(text, 'CSV', { maxRows: 12 }).rows).toHaveLength(12);
    expect(() => parseCsv(Array.from({ length: 50_001 }, (_, i) => `项目${i}`).join('\n'))).toThrow(TOO_MANY_ROWS);
  });

  it('refuses an over-long cell, such as an unclosed quote swallowing the file', () => {
    expect(() => parseCsv(`名称,说明\n甲,${'长'.repeat(CELL_MAX_CHARS + 1)}\n`)).toThrow('第2行B列的内容过长');
    expect(() => parseCsv(`名称,说明\n"甲,${'x\n'.repeat(CELL_MAX_CHARS)}`)).toThrow('第2行A列的内容过长');
    expect(parseCsv(`名称\n${'长'.repeat(CELL_MAX_CHARS)}\n`).rows[1].cells[0]).toHaveLength(CELL_MAX_CHARS);
  });
});
