import { describe, expect, it } from 'vitest';
import { isLate, nextProblemDeadline, reportDeadlineFor, reportingCalendar } from '../../../server/domain/calendar.js';
import { DEFAULT_SETTINGS } from '../../../shared/types.js';

describe('reporting calendar', () => {
  it('makes last month’s report due on the deadline day, across the year end', () => {
    expect(reportDeadlineFor('2020-10', { reportDeadlineDay: 5 })).toBe('2020-11-05');
    expect(reportDeadlineFor('2020-12', { reportDeadlineDay: 5 })).toBe('2021-01-05');
  });

  it('finds the next 3rd or 18th, rolling into the next month and year', () => {
    expect(nextProblemDeadline('2020-11-01', [3, 18])).toBe('2020-11-03');
    expect(nextProblemDeadline('2020-11-03', [3, 18])).toBe('2020-11-03');
    expect(nextProblemDeadline('2020-11-04', [18, 3])).toBe('2020-11-18');
    expect(nextProblemDeadline('2020-12-19', [3, 18])).toBe('2021-01-03');
  });

  it('counts down to both deadlines', () => {
    expect(reportingCalendar('2020-11-02', DEFAULT_SETTINGS)).toEqual({
      today: '2020-11-02', reportingMonth: '2020-10', reportDeadline: '2020-11-05', daysToReportDeadline: 3,
      nextProblemDeadline: '2020-11-03', daysToProblemDeadline: 1,
    });
    expect(reportingCalendar('2020-11-20', DEFAULT_SETTINGS).daysToReportDeadline).toBe(-15);
  });

  it('calls a report late when filed after the deadline or still missing past it', () => {
    const s = { reportDeadlineDay: 5 };
    expect(isLate('2020-10', '2020-11-05', '2020-11-20', s)).toBe(false);
    expect(isLate('2020-10', '2020-11-06', '2020-11-20', s)).toBe(true);
    expect(isLate('2020-10', null, '2020-11-05', s)).toBe(false);
    expect(isLate('2020-10', null, '2020-11-06', s)).toBe(true);
  });
});
