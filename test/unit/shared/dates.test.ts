import { describe, expect, it } from 'vitest';
import { addMonths, chinaDate, chinaDateOf, daysBetween, isValidDate, monthsOfYear, reportingMonth } from '../../../shared/dates.js';

describe('dates', () => {
  it('moves across year boundaries', () => {
    expect(addMonths('2020-12', 1)).toBe('2021-01');
    expect(addMonths('2020-01', -1)).toBe('2019-12');
    expect(reportingMonth('2021-01-03')).toBe('2020-12');
    expect(reportingMonth('2020-11-20')).toBe('2020-10');
  });

  it('validates real calendar dates', () => {
    expect(isValidDate('2020-02-29')).toBe(true);
    expect(isValidDate('2021-02-29')).toBe(false);
    expect(isValidDate('2020-2-1')).toBe(false);
  });
  it('takes days between 1949 and 2100 only', () => {
    expect(isValidDate('1949-01-01')).toBe(true);
    expect(isValidDate('2100-12-31')).toBe(true);
    for (const bad of ['1948-12-31', '1899-12-31', '0000-01-01', '2101-01-01', '9999-12-31']) expect(isValidDate(bad), bad).toBe(false);
  });

  it('lists the months of a year and counts days', () => {
    expect(monthsOfYear(2020)).toHaveLength(12);
    expect(monthsOfYear(2020)[11]).toBe('2020-12');
    expect(daysBetween('2020-03-01', '2020-03-31')).toBe(30);
  });

  it('takes the date in China, not UTC', () => {
    expect(chinaDate(new Date('2020-11-19T17:00:00Z'))).toBe('2020-11-20');
  });
});

describe('chinaDateOf', () => {
  it('reads a stored UTC instant as the date in China, as chinaDate does', () => {
    for (const iso of ['2020-09-30T15:59:59.999Z', '2020-09-30T16:00:00.000Z', '2020-12-31T23:30:00.000Z', '2020-02-28T16:00:00.000Z', '2024-02-28T16:00:00Z']) {
      expect(chinaDateOf(iso), iso).toBe(chinaDate(new Date(iso)));
    }
    expect(chinaDateOf('2020-09-30T23:00:00+08:00')).toBe('2020-09-30');
  });
});
