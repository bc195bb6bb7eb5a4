import { describe, expect, it } from 'vitest';
import { formatPercent, formatWan, formatYi, parseWan, ratio } from '../../../shared/money.js';

describe('parseWan', () => {
  it('parses 万元 strings and numbers into exact yuan', () => {
    expect(parseWan('123.45')).toBe(1_234_500);
    expect(parseWan('1,234.5')).toBe(12_345_000);
    expect(parseWan(12.3456)).toBe(123_456);
    expect(parseWan(0.1)).toBe(1_000);
    expect(parseWan('0')).toBe(0);
    expect(parseWan(' 7 ')).toBe(70_000);
    expect(parseWan('-2')).toBe(-20_000);
  });

  it('sums decimal inputs without float drift', () => {
    const total = ['0.1', '0.2', '0.3'].map((s) => parseWan(s)!).reduce((a, b) => a + b, 0);
    expect(total).toBe(6_000);
  });

  it('refuses what is not an amount of at most four decimals', () => {
    for (const bad of ['', 'abc', '1.23456', '1e5', '12万', Number.NaN, Infinity, 1e300, '１２']) expect(parseWan(bad as never)).toBeNull();
  });

  it('takes thousands separators only between groups of three', () => {
    expect(parseWan('1,000')).toBe(10_000_000);
    expect(parseWan('12,345,678.1234')).toBe(123_456_781_234);
    expect(parseWan('-1,000.5')).toBe(-10_005_000);
    for (const bad of ['1,5', ',1', '1,,000', '1,000,00', '1000,000', '1,000.', '.5', '1.2.3', '1,000.12345', '１,０００', '1，000', '+1', '1 000', '0x10', ' ']) {
      expect(parseWan(bad), bad).toBeNull();
    }
  });
});

describe('display', () => {
  it('formats yuan as 万元, 亿元 and percent', () => {
    expect(formatWan(12_345_000)).toBe('1,234.50');
    expect(formatWan(0)).toBe('0.00');
    expect(formatYi(8_490_000_000)).toBe('84.90');
    expect(formatYi(123_456_000_000)).toBe('1,234.56');
    expect(formatPercent(0.8333)).toBe('83.3%');
    expect(ratio(1, 0)).toBe(0);
  });

  it('always shows two decimals of 万元 and 亿元, rounded half away from zero on the integer yuan', () => {
    expect(formatWan(12_345)).toBe('1.23');
    expect(formatWan(12_350)).toBe('1.24');
    expect(formatWan(-12_350)).toBe('-1.24');
    expect(formatWan(-49)).toBe('0.00');
    expect(formatWan(1_000_000_000_000)).toBe('100,000,000.00');
    expect(formatYi(1_500_000)).toBe('0.02');
  });

  it('shows whole 万元 with 0 digits and every yuan with 4, trimming zeros past the second decimal', () => {
    expect(formatWan(12_345_678, 0)).toBe('1,235');
    expect(formatWan(12_345_678, 4)).toBe('1,234.5678');
    expect(formatWan(12_345_000, 4)).toBe('1,234.50');
    expect(formatWan(12_000_000, 4)).toBe('1,200.00');
  });
});
