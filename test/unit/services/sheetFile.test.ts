// One import parse at a time per campaign: a second upload's reading waits for the first to end
// (so back-to-back large uploads cannot pile up in memory), another campaign's does not.
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../server/services/sheetFile.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('oneAtATime', () => {
  it('runs a campaign\'s parses one after the other, and other campaigns\' beside them', async () => {
    const order: string[] = [];
    const gate = deferred();
    const first = oneAtATime(1, async () => { order.push('a start'); await gate.promise; order.push('a end'); return 'a'; });
    const second = oneAtATime(1, async () => { order.push('b'); return 'b'; });
    const other = oneAtATime(2, async () => { order.push('other'); return 'other'; });
    expect(await other).toBe('other');
    expect(order).toEqual(['a start', 'other']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(order).toEqual(['a start', 'other', 'a end', 'b']);
  });

  it('lets the next parse run after one that failed', async () => {
    const failed = oneAtATime(3, async () => { throw new Error('unreadable'); });
    const next = oneAtATime(3, async () => 'read');
    await expect(failed).rejects.toThrow('unreadable');
    expect(await next).toBe('read');
  });
});
