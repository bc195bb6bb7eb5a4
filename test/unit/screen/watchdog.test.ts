import { describe, expect, it } from 'vitest';
import { WATCHDOG_LIMITS as L, watchdogVerdict, type WatchdogReading } from '../../../screen/apps/wall/watchdog.js';

const now = 10_000_000;
const healthy: WatchdogReading = {
  now, loadedAt: now - 3_600_000, visible: true, lastFrameAt: now - 16, hasData: true, blankSince: null,
  disconnectedAt: null, heapUsed: 40e6, heapLimit: 4e9, lastReloadAt: null,
};

describe('watchdogVerdict', () => {
  it('leaves a healthy wall alone, and a short outage too', () => {
    expect(watchdogVerdict(healthy)).toBeNull();
    expect(watchdogVerdict({ ...healthy, disconnectedAt: now - 60_000 })).toBeNull();
    expect(watchdogVerdict({ ...healthy, visible: false, lastFrameAt: now - 3_600_000 })).toBeNull();
  });

  it('recovers a wedged render, an empty page, a wall that never got data and a wedged socket', () => {
    expect(watchdogVerdict({ ...healthy, lastFrameAt: now - L.frameStallMs - 1 })).toBe('页面渲染停滞');
    expect(watchdogVerdict({ ...healthy, blankSince: now - L.blankMs - 1 })).toBe('页面内容缺失');
    expect(watchdogVerdict({ ...healthy, hasData: false, loadedAt: now - L.firstDataMs - 1 })).toBe('长时间未收到数据');
    expect(watchdogVerdict({ ...healthy, disconnectedAt: now - L.disconnectedMs - 1 })).toBe('连接长时间未恢复');
    expect(watchdogVerdict({ ...healthy, heapUsed: 3.5e9 })).toBe('内存占用过高');
  });

  it('does not count a page that is empty only while it has no data', () => {
    expect(watchdogVerdict({ ...healthy, hasData: false, loadedAt: now - 1_000, blankSince: null })).toBeNull();
  });

  it('never reloads twice within the gap, so a broken page cannot loop', () => {
    expect(watchdogVerdict({ ...healthy, heapUsed: 3.5e9, lastReloadAt: now - L.minReloadGapMs + 1 })).toBeNull();
    expect(watchdogVerdict({ ...healthy, heapUsed: 3.5e9, lastReloadAt: now - L.minReloadGapMs - 1 })).toBe('内存占用过高');
  });
});
