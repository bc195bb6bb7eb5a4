import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../server/store/db.js';

/** What the parser always did: through a Date. */
const viaDate = (text: string) => new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

describe('parseTimestamp', () => {
  it('gives the ISO string a Date gives, for UTC text with any fraction', () => {
    const samples = ['2020-11-05 10:00:00+00', '2020-11-05 10:00:00.1+00', '2021-02-03 02:41:00.12+00', '2021-12-31 23:59:59.999+00',
      '2021-12-31 23:59:59.999999+00', '2020-02-29 00:00:00.000501+00', '0999-01-01 00:00:00+00'];
    for (const s of samples) expect(parseTimestamp(s), s).toBe(viaDate(s));
    expect(parseTimestamp('2021-02-03 02:41:00.12+00')).toBe('2021-02-03T02:41:00.120Z');
  });

  it('converts text in another session time zone to UTC', () => {
    expect(parseTimestamp('2020-11-05 18:00:00.5+08')).toBe('2020-11-05T10:00:00.500Z');
    expect(parseTimestamp('2020-11-05 05:00:00-05')).toBe('2020-11-05T10:00:00.000Z');
  });
});
