// Issue 14: the sheet forms county offices send, read by the pure planner: a unit given in a note
// line, a group header or the column header (the nearest wins); opening figures and the month they
// run through; 续建 rows; full-width punctuation kept; the template's example row; no 领域 column in a
// campaign grouped by levels only; amount cells with full-width digits, commas and 万/亿.
import { describe, expect, it } from 'vitest';
import { normaliseAmountText } from '../../../server/import/amountCell.js';
import { LEDGER_FIELDS } from '../../../server/import/fields.js';
import { findHeader, unitOfNote } from '../../../server/import/header.js';
import { planLedgerImport, type LedgerContext } from '../../../server/import/ledgerRows.js';
import type { Cell, Sheet } from '../../../server/import/sheet.js';
import type { Project } from '../../../shared/types.js';

const WAN = 10_000;

const ctx: LedgerContext = {
  year: 2027,
  today: '2027-03-15',
  domains: [{ id: 1, code: 'industry', name: '工业' }, { id: 2, code: 'infra', name: '基础设施' }],
  levels: [{ code: 'province', name: '省重点' }, { code: 'county', name: '县重点' }],
  units: [{ id: 1, name: '县工信局' }],
  leaders: [],
  projects: [],
};

const rowsOf = (...lines: Cell[][]): Sheet => ({ name: '台账', rows: lines.map((cells, i) => ({ row: i + 1, cells })) });
const plan = (sheet: Sheet, c: LedgerContext = ctx) => planLedgerImport(sheet, c)!;
const amounts = (p: ReturnType<typeof plan>, i = 0) => Object.fromEntries(p.rows.filter((r) => r.verdict !== 'skipped')[i].amounts.map((a) => [a.label, a.value]));

describe('units and scale', () => {
  it('reads a unit named only in a note line above the table, and says so', () => {
    const p = plan(rowsOf(
      ['某县2027年重点项目台账'],
      ['填报单位：县发改委', null, null, '单位：亿元'],
      ['项目名称', '领域', '责任单位', '总投资', '年度计划投资'],
      ['甲项目', '工业', '县工信局', '1.5', 0.3],
    ));
    expect(p.preview.columns.find((c) => c.field === 'totalInvestment')!.unit).toBe('亿元');
    expect(amounts(p)).toEqual({ 总投资: 150_000_000, 年度计划投资: 30_000_000 });
    expect(p.preview.notes[0]).toContain('第2行注明「单位：亿元」');
  });

  it('lets the nearest unit win: column header over group header over the note line', () => {
    const p = plan(rowsOf(
      ['单位：万元'],
      ['项目名称', '领域', '责任单位', '投资（亿元）', null, '1-2月完成投资（万元）'],
      [null, null, null, '总投资', '年度计划投资（万元）', null],
      ['甲项目', '工业', '县工信局', 2, 5_000, 800],
    ));
    const units = Object.fromEntries(p.preview.columns.filter((c) => c.field).map((c) => [c.field, c.unit]));
    expect(units).toMatchObject({ totalInvestment: '亿元', annualPlan: '万元', openingCompleted: '万元' });
    expect(amounts(p)).toEqual({ 总投资: 2 * 100_000_000, 年度计划投资: 5_000 * WAN, 本年累计完成投资: 800 * WAN });
  });

  it('finds the unit in the ways notes write it', () => {
    expect(unitOfNote('单位：亿元')).toBe('亿元');
    expect(unitOfNote('（金额单位:万元）')).toBe('万元');
    expect(unitOfNote('截至2027年2月底')).toBeNull();
  });
});

describe('opening figures', () => {
  const header = (completed: string, extra: Cell[][] = []) => rowsOf(
    ...extra,
    ['项目名称', '领域', '责任单位', '总投资', '年度计划投资', completed, '开工以来累计完成投资'],
    ['甲项目', '工业', '县工信局', 10_000, 2_000, 300, 4_000],
  );

  it.each([
    ['1-10月完成投资', '2027-10'],
    ['2027年1-2月完成投资', '2027-02'],
    ['1—9月累计完成投资', '2027-09'],
    ['截至9月底累计完成', '2027-09'],
    ['截止2027年6月底累计完成投资', '2027-06'],
  ])('reads 「%s」 as completed this year through %s', (title, month) => {
    const p = plan(header(title));
    expect(p.preview.openingMonth).toBe(month);
    expect(p.rows[0].opening).toEqual({ throughMonth: month, completed: 300 * WAN, sinceStart: 4_000 * WAN });
  });

  it('takes the month of 本年累计完成 from a note above, else the reporting month of today, and says which', () => {
    const noted = plan(header('本年累计完成投资', [['（截至2027年2月底）']]));
    expect(noted.preview.openingMonth).toBe('2027-02');
    const bare = plan(header('本年累计完成投资'));
    expect(bare.preview.openingMonth).toBe('2027-02'); // today 2027-03-15 → reporting month February
    expect(bare.preview.notes.join()).toContain('未注明期初数截至的月份');
  });

  it('refuses a since-start figure below the year\'s, and a total above the investment', () => {
    const p = plan(rowsOf(
      ['项目名称', '领域', '责任单位', '总投资', '年度计划投资', '1-2月完成投资', '开工以来累计完成投资'],
      ['甲项目', '工业', '县工信局', 10_000, 2_000, 300, 200],
      ['乙项目', '工业', '县工信局', 10_000, 2_000, 300, 20_000],
    ));
    expect(p.rows[0].messages.join()).toContain('开工以来累计完成投资（200.00万元）小于本年累计完成投资（300.00万元）');
    expect(p.rows[1].messages.join()).toContain('请核实单位');
  });

  it('leaves a project alone when the sheet repeats what it shows (its own export), and shows a change old → new', () => {
    const existing = {
      id: 9, code: 'XM20270001', name: '甲项目', domainId: 1, domain: '工业', levels: [], unitId: 1, unit: '县工信局', leadUnit: null,
      leaderId: null, leader: null, chargeLeaderId: null, chargeLeader: null, commissioner: null, totalInvestment: 10_000 * WAN,
      annualPlan: 2_000 * WAN, plannedStart: null, plannedCompletion: null, startedOn: null, completedOn: null, stage: 'construction',
      township: null, lat: null, lon: null, content: '', completedToDate: 300 * WAN, investmentSinceStart: 4_000 * WAN, rowVersion: 1,
    } satisfies Project;
    const c = { ...ctx, projects: [existing] };
    expect(plan(header('本年累计完成投资(万元)'), c).rows[0]).toMatchObject({ verdict: 'unchanged', opening: null });
    const changed = plan(rowsOf(
      ['项目名称', '领域', '责任单位', '总投资', '年度计划投资', '1-2月完成投资'],
      ['甲项目', '工业', '县工信局', 10_000, 2_000, 350],
    ), c).rows[0];
    expect(changed).toMatchObject({ verdict: 'update', changes: ['本年累计完成投资'] });
    expect(changed.fieldChanges).toEqual([{ label: '本年累计完成投资', before: '300.00万元', after: '350.00万元（截至2月）' }]);
    expect(changed.opening).toEqual({ throughMonth: '2027-02', completed: 350 * WAN, sinceStart: null });
  });
});

describe('sheets as sent', () => {
  const HEADER = ['项目名称', '领域', '项目级别', '建设性质', '责任单位', '总投资', '年度计划投资', '计划开工时间', '实际开工时间', '建设内容'];

  it('reads 续建/在建 rows as in construction, with or without a start date', () => {
    const p = plan(rowsOf(
      HEADER,
      ['甲', '工业', '省重点', '续建', '县工信局', 100, 50, '2025.6', null, ''],
      ['乙', '工业', null, '在建', '县工信局', 100, 50, '2025.6', '2025-07-01', ''],
      ['丙', '工业', null, '新建', '县工信局', 100, 50, '2027.5', null, ''],
      ['丁', '工业', null, '改扩建?', '县工信局', 100, 50, null, null, ''],
    ));
    expect(p.rows.map((r) => r.values?.stage ?? r.verdict)).toEqual(['construction', 'construction', 'preparing', 'error']);
    expect(p.rows[0].values!.startedOn).toBeNull();
    expect(p.rows[3].messages[0]).toContain('建设性质「改扩建?」无法识别');
  });

  it('keeps full-width punctuation in text exactly as typed, line breaks in 建设内容 too', () => {
    const p = plan(rowsOf(HEADER, ['城北（二期）：污水厂；管网', '工业', null, null, '县工信局（本级）', '１，２００', '３００万', null, null, '一期：厂房；\r\n二期：（待定）']));
    expect(p.rows[0].values).toMatchObject({
      name: '城北（二期）：污水厂；管网', unit: '县工信局（本级）', content: '一期：厂房；\n二期：（待定）', totalInvestment: 1_200 * WAN, annualPlan: 300 * WAN,
    });
  });

  it("skips the template's example row", () => {
    const p = plan(rowsOf(HEADER, ['示例：XX产业园标准厂房建设项目', '工业', null, null, '县工信局', 350, 120, null, null, '']));
    expect(p.rows[0]).toMatchObject({ verdict: 'skipped', messages: ['模板示例行，不导入'] });
  });

  it('puts rows without a 领域 column into the levels of a campaign grouped by levels only', () => {
    const levelsOnly = { ...ctx, domains: [] };
    const p = plan(rowsOf(['项目名称', '项目级别', '责任单位', '总投资', '年度计划投资'], ['甲', '省重点', '县工信局', 100, 50]), levelsOnly);
    expect(p.rows[0]).toMatchObject({ verdict: 'create', messages: [] });
    expect(p.rows[0].values).toMatchObject({ domainId: null, levels: ['province'] });
  });

  it('finds the header when a title and notes come first', () => {
    const header = findHeader(rowsOf(['标题'], ['（截至2027年2月底）'], HEADER).rows, LEDGER_FIELDS, 'name')!;
    expect(header.headerRows).toEqual([3]);
    expect(header.above).toEqual(['标题', '（截至2027年2月底）']);
  });
});

describe('amount cells', () => {
  const read = (t: string, unit: '万元' | '亿元' | '元' = '万元') => normaliseAmountText(t, unit);

  it('normalises full-width digits, commas and 万/亿 before the one grammar', () => {
    expect(read('１，２３４．５')).toEqual({ value: 12_345_000, unit: '万元' });
    expect(read('1,234,567')).toEqual({ value: 1_234_567 * WAN, unit: '万元' });
    expect(read('3,000万', '亿元')).toEqual({ value: 3_000 * WAN, unit: '万元' });
    expect(read('1.2亿元')).toEqual({ value: 120_000_000, unit: '亿元' });
    expect(read('0.123456', '亿元')).toEqual({ value: 12_345_600, unit: '亿元' });
    expect(read('12345', '元')).toEqual({ value: 12_345, unit: '元' });
    expect(read(' 500 ')).toEqual({ value: 500 * WAN, unit: '万元' });
  });

  it('refuses what the grammar does not take', () => {
    expect(read('12,34')).toEqual({ error: 'syntax' });
    expect(read('1.2.3')).toEqual({ error: 'syntax' });
    expect(read('1.23456')).toEqual({ error: 'precision' });
    expect(read('-5')).toEqual({ error: 'negative' });
    expect(read('约100')).toEqual({ error: 'syntax' });
    expect(read('99999999999999')).toEqual({ error: 'size' });
  });
});
