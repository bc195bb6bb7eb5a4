import { describe, expect, it } from 'vitest';
import { LEDGER_FIELDS } from '../../../server/import/fields.js';
import { findHeader, headerKey } from '../../../server/import/header.js';
import { parseCsv } from '../../../server/import/csv.js';
import type { SheetRow } from '../../../server/import/sheet.js';

const rows = (...cells: (string | number | null)[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe('header mapping', () => {
  it('strips units, brackets, years and spaces from header names', () => {
    expect(headerKey('总投资（亿元）')).toBe('总投资');
    expect(headerKey('2020年计划投资')).toBe('计划投资');
    expect(headerKey('本年度计划投资(万元)')).toBe('年度计划投资');
    expect(headerKey('项目\n名称')).toBe('项目名称');
    expect(headerKey('总投资 万元')).toBe('总投资');
  });

  it('finds the header below a title and maps the variants', () => {
    const h = findHeader(rows(
      ['某县重点项目台账'],
      [null, null, null, '单位：万元'],
      ['序号', '名称', '牵头单位', '县领导', '计划总投资', '年度计划', '计划开工'],
      [1, '某项目', '县发改委', '张三', 100, 50, '2020.3'],
    ), LEDGER_FIELDS, 'name')!;
    expect(h.headerRows).toEqual([3]);
    expect(h.dataStart).toBe(3);
    expect(h.index).toMatchObject({ name: 1, leadUnit: 2, leader: 3, totalInvestment: 4, annualPlan: 5, plannedStart: 6 });
    expect(h.units).toEqual({ totalInvestment: '万元', annualPlan: '万元' });
    expect(h.missing).toEqual(['责任单位']);
    expect(h.columns[0]).toMatchObject({ letter: 'A', header: '序号', field: null });
  });

  it('reads a two-level merged header, with the parent carried across its children', () => {
    const h = findHeader(rows(
      ['标题'],
      ['项目名称', '责任单位', '投资（亿元）', null, '计划开工时间'],
      [null, null, '总投资', '年度计划', null],
      ['甲', '乙', 1, 0.5, '2020-01-01'],
    ), LEDGER_FIELDS, 'name')!;
    expect(h.headerRows).toEqual([2, 3]);
    expect(h.dataStart).toBe(3);
    expect(h.index).toMatchObject({ name: 0, unit: 1, totalInvestment: 2, annualPlan: 3, plannedStart: 4 });
    expect(h.units).toEqual({ totalInvestment: '亿元', annualPlan: '亿元' });
    expect(h.columns[3].header).toBe('投资(亿元) / 年度计划');
  });

  it('finds nothing in a sheet without a recognisable header', () => {
    expect(findHeader(rows(['a', 'b'], [1, 2]), LEDGER_FIELDS, 'name')).toBeNull();
  });
});

describe('csv', () => {
  it('keeps quoted commas, quotes and line breaks, and numbers rows by their first line', () => {
    const sheet = parseCsv('名称,说明\r\n"甲,乙","他说""好"""\r\n"多\n行",x\r\n');
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['名称', '说明'] },
      { row: 2, cells: ['甲,乙', '他说"好"'] },
      { row: 3, cells: ['多\n行', 'x'] },
    ]);
  });
});
