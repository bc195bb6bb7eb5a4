// The summary ticker line of a bulk change (server/services/change.ts).
import { describe, expect, it } from 'vitest';
import { raisedSummaryText } from '../../../server/services/change.js';

const of = (severity: 'red' | 'orange' | 'yellow', n: number) => Array.from({ length: n }, () => ({ severity }));

describe('bulk change ticker line', () => {
  it('counts the new and worsened alerts by severity, most severe first', () => {
    expect(raisedSummaryText([...of('yellow', 1_197), ...of('red', 3)], [])).toBe('新增预警1,200条（红色3条、黄色1,197条），详见预警列表');
    expect(raisedSummaryText(of('orange', 40), of('red', 2))).toBe('新增预警40条，2条预警升级（红色2条、橙色40条），详见预警列表');
    expect(raisedSummaryText([], of('orange', 31))).toBe('31条预警升级（橙色31条），详见预警列表');
  });
});
