import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate, parseNumber, unitOfHeader } from '../../../server/import/values.js';
import { cleanText, halfWidth } from '../../../server/import/text.js';

const value = <T>(p: { value: T } | { error: string } | null) => (p && 'value' in p ? p.value : p);

describe('amounts', () => {
  it('reads the unit from the header', () => {
    expect(unitOfHeader('总投资（亿元）')).toBe('亿元');
    expect(unitOfHeader('年度计划投资(万元)')).toBe('万元');
    expect(unitOfHeader('总投资/元')).toBe('元');
    expect(unitOfHeader('总投资')).toBeNull();
  });

  it('turns text with thousands separators and full-width digits into exact yuan', () => {
    expect(value(parseAmount('1,234.5', '万元', '总投资'))).toBe(12_345_000);
    expect(value(parseAmount('１，２３４．５', '万元', '总投资'))).toBe(12_345_000);
    expect(value(parseAmount(' 0.36 ', '亿元', '总投资'))).toBe(36_000_000);
    expect(value(parseAmount(0.1 + 0.2, '亿元', '总投资'))).toBe(30_000_000);
    expect(value(parseAmount(12.3456, '万元', '总投资'))).toBe(123_456);
    expect(value(parseAmount(1.23456, '万元', '总投资'))).toBe(12_346); // a number cell is rounded to the yuan
    expect(parseAmount('1.23456', '万元', '总投资')).toEqual({ error: expect.stringContaining('精确到元以下') }); // text keeps the grammar
  });

  it('lets the cell name its own unit', () => {
    expect(value(parseAmount('3,000万', '亿元', '年度计划投资'))).toBe(30_000_000);
    expect(value(parseAmount('1.2亿元', '万元', '总投资'))).toBe(120_000_000);
  });

  it('says what is wrong, in Chinese', () => {
    expect(parseAmount('abc', '万元', '总投资')).toEqual({ error: expect.stringContaining('总投资「abc」不是数字') });
    expect(parseAmount('-5', '万元', '总投资')).toEqual({ error: '总投资不能为负数' });
    expect(parseAmount('', '万元', '总投资')).toBeNull();
    expect(parseAmount(null, '万元', '总投资')).toBeNull();
    expect(parseNumber('117.4', '经度')).toEqual({ value: 117.4 });
    expect(parseNumber('东经117', '经度')).toHaveProperty('error');
  });
});

describe('dates', () => {
  it('reads Excel serials and date cells', () => {
    expect(value(parseDate(43922, '计划开工时间'))).toBe('2020-04-01');
    expect(value(parseDate(new Date(Date.UTC(2020, 2, 15)), '计划开工时间'))).toBe('2020-03-15');
    expect(value(parseDate('43922', '计划开工时间'))).toBe('2020-04-01');
  });

  it('reads the ways people write dates', () => {
    expect(value(parseDate('2020-03-15', 'x'))).toBe('2020-03-15');
    expect(value(parseDate('2020/3/5', 'x'))).toBe('2020-03-05');
    expect(value(parseDate('2020.03.15', 'x'))).toBe('2020-03-15');
    expect(value(parseDate('2020年3月15日', 'x'))).toBe('2020-03-15');
    expect(value(parseDate('２０２０年３月', 'x'))).toBe('2020-03-01');
    expect(value(parseDate('20200315', 'x'))).toBe('2020-03-15');
  });

  it('takes a month alone as its first day for a start and its last for a completion', () => {
    expect(value(parseDate('2020.3', '计划开工时间'))).toBe('2020-03-01');
    expect(value(parseDate('2020.2', '计划竣工时间', true))).toBe('2020-02-29');
    expect(value(parseDate(2020.12, '计划竣工时间', true))).toBe('2020-12-31');
    expect(value(parseDate('2021年6月底', '计划开工时间'))).toBe('2021-06-30');
    expect(value(parseDate('2021年', '计划竣工时间', true))).toBe('2021-12-31');
  });

  it('warns where a number cell may have lost a trailing zero (2020.10 → 2020.1)', () => {
    const parsed = parseDate(2020.1, '计划开工时间');
    expect(parsed).toMatchObject({ value: '2020-01-01' });
    expect((parsed as { warning: string }).warning).toContain('2020.10');
  });

  it('refuses what is not a date', () => {
    expect(parseDate('2020-13-01', '计划开工时间')).toEqual({ error: expect.stringContaining('计划开工时间「2020-13-01」不是可识别的日期') });
    expect(parseDate('2020-02-30', 'x')).toHaveProperty('error');
    expect(parseDate('明年', 'x')).toHaveProperty('error');
    expect(parseDate('', 'x')).toBeNull();
  });
});

describe('text', () => {
  it('normalises full-width characters and spaces', () => {
    expect(halfWidth('（ＡＢＣ１２３）')).toBe('(ABC123)');
    expect(cleanText('  县  工信局\n ')).toBe('县 工信局');
    // Full-width punctuation and the ideographic space are kept as typed.
    expect(cleanText(' 新建厂房（一期）：１号楼；县\u3000工信局 ')).toBe('新建厂房（一期）：１号楼；县\u3000工信局');
  });
});
