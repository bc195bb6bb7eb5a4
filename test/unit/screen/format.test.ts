import { describe, expect, it } from 'vitest';
import { formatChinaDate, formatEventTime, formatHourMinute, formatTime, formatWeekday } from '../../../screen/ui/format.js';

// 2020-09-15 02:41:10 UTC is 10:41:10 on Tuesday 15 September in China.
const at = Date.UTC(2020, 8, 15, 2, 41, 10);

describe('wall time formats (China time)', () => {
  it('formats the clock', () => {
    expect(formatTime(at)).toBe('10:41:10');
    expect(formatHourMinute(at)).toBe('10:41');
    expect(formatChinaDate(at)).toBe('2020年9月15日');
    expect(formatWeekday(at)).toBe('星期二');
  });

  it('uses the China date, not UTC, near midnight', () => {
    const lateUtc = Date.UTC(2020, 8, 15, 17, 30);
    expect(formatChinaDate(lateUtc)).toBe('2020年9月16日');
    expect(formatWeekday(lateUtc)).toBe('星期三');
  });

  it('gives ticker times of today without the date and of earlier days with it', () => {
    const iso = new Date(at).toISOString();
    expect(formatEventTime(iso, at + 3_600_000)).toBe('10:41');
    expect(formatEventTime(iso, at + 86_400_000)).toBe('9月15日 10:41');
  });
});
