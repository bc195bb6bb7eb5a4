import { describe, expect, it } from 'vitest';
import { countdownText, urgency } from '../../../screen/apps/report/components/countdown.js';

describe('deadline countdown', () => {
  it('counts the days left', () => {
    expect(countdownText('月报', 4)).toBe('距月报截止还有4天');
    expect(countdownText('问题报送', 1)).toBe('距问题报送截止还有1天');
  });

  it('says when it is due today and how late it is after', () => {
    expect(countdownText('月报', 0)).toBe('月报今天截止');
    expect(countdownText('月报', -3)).toBe('月报已逾期3天');
  });

  it('grades the urgency', () => {
    expect(urgency(10)).toBe('ok');
    expect(urgency(3)).toBe('soon');
    expect(urgency(0)).toBe('today');
    expect(urgency(-1)).toBe('overdue');
  });
});
