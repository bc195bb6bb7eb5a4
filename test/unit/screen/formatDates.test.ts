import { describe, expect, it } from 'vitest';
import { formatAgo, formatDateTime, formatDay, formatMonth } from '../../../screen/ui/format.js';

describe('dates in forms and tables', () => {
  it('shows times in China time', () => {
    expect(formatDateTime('2020-11-20T02:41:10Z')).toBe('2020-11-20 10:41');
    expect(formatDateTime('2020-11-20T17:05:00Z')).toBe('2020-11-21 01:05');
    expect(formatDateTime(null)).toBe('—');
  });

  it('spells months and days the Chinese way', () => {
    expect(formatMonth('2020-10')).toBe('2020年10月');
    expect(formatMonth('2020-03')).toBe('2020年3月');
    expect(formatDay('2020-11-05')).toBe('11月5日');
  });

  it('says how long ago a kiosk was seen', () => {
    const now = Date.parse('2020-11-20T12:00:00Z');
    expect(formatAgo('2020-11-20T11:59:30Z', now)).toBe('刚刚');
    expect(formatAgo('2020-11-20T11:45:00Z', now)).toBe('15分钟前');
    expect(formatAgo('2020-11-20T09:00:00Z', now)).toBe('3小时前');
    expect(formatAgo('2020-11-17T12:00:00Z', now)).toBe('3天前');
  });
});
