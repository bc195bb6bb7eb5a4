import { describe, expect, it } from 'vitest';
import { chinaDate, dayClock } from '../../../shared/dates.js';

describe('dayClock (TODAY)', () => {
  it('keeps the fixed date in China while the time of day runs on', () => {
    const real = new Date('2026-12-02T01:15:30.000Z'); // 09:15:30 in China
    const clock = dayClock('2027-03-15', () => real);
    expect(clock().toISOString()).toBe('2027-03-15T01:15:30.000Z');
    expect(chinaDate(clock())).toBe('2027-03-15');
  });

  it('stays on the date past midnight in China', () => {
    const late = new Date('2026-12-02T16:30:00.000Z'); // 00:30 on 12-03 in China
    expect(chinaDate(dayClock('2027-03-15', () => late)())).toBe('2027-03-15');
    const early = new Date('2026-12-02T15:59:59.000Z'); // 23:59:59 in China
    expect(chinaDate(dayClock('2027-03-15', () => early)())).toBe('2027-03-15');
  });
});
