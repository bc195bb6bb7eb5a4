import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { InvestmentUpdate } from '../../../shared/events.js';
import { TICKER_LIMIT } from '../../../shared/snapshot.js';
import type { WallSocket } from '../../../screen/socket.js';
import { tokenFromSearch } from '../../../screen/socket.js';
import { useWallStore } from '../../../screen/stores/wall.js';
import { FIXTURE_VERSION, makeSnapshot } from '../../fixtures/snapshot.js';

/** Just enough of a Socket.IO client socket: the server side is `deliver`. */
class FakeSocket {
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  sent: string[] = [];
  connected = true;
  active = true;
  connects = 0;
  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string) {
    this.sent.push(event);
    return this;
  }
  deliver(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  connect() {
    this.connects++;
    return this;
  }
}

function update(version: number): InvestmentUpdate {
  const s = makeSnapshot();
  const { totals, byDomain, byLevel, trend, lagging } = s;
  totals.completed += version;
  return {
    version,
    projectId: 3,
    project: '高新区新材料产业园',
    unit: '县工信局',
    month: '2020-08',
    investment: version,
    completedToDate: version,
    summary: { totals, byDomain, byLevel, trend, lagging },
    event: { id: `${version}-report-3`, at: new Date(Date.UTC(2020, 8, 15, 4, 0, version % 60)).toISOString(), kind: 'report', projectId: 3, text: '报送' },
  };
}

describe('wall store', () => {
  let socket: FakeSocket;
  let wall: ReturnType<typeof useWallStore>;

  beforeEach(() => {
    setActivePinia(createPinia());
    socket = new FakeSocket();
    wall = useWallStore();
    wall.connect(socket as unknown as WallSocket);
  });

  it('registers its listeners once, however often connect is called', () => {
    wall.connect(socket as unknown as WallSocket);
    wall.connect(new FakeSocket() as unknown as WallSocket);
    expect(socket.handlers.get('snapshot')).toHaveLength(1);
    expect(socket.handlers.get('investment:update')).toHaveLength(1);
  });

  it('is connecting until the first snapshot, then live with its version', () => {
    expect(wall.connection).toBe('connecting');
    expect(wall.version).toBeNull();
    socket.deliver('snapshot', makeSnapshot());
    expect(wall.connection).toBe('live');
    expect(wall.version).toBe(FIXTURE_VERSION);
    expect(wall.lastUpdatedAt).not.toBeNull();
    // 序时进度 from the monthly plans through August: 52.9亿 of 84.9亿.
    expect(wall.scheduleShare).toBeCloseTo(52.9 / 84.9, 9);
  });

  it('goes stale on disconnect and keeps the last good figures on screen', () => {
    socket.deliver('snapshot', makeSnapshot());
    const shown = wall.snapshot;
    socket.deliver('disconnect', 'transport close');
    expect(wall.connection).toBe('stale');
    expect(wall.snapshot).toBe(shown);
    expect(wall.disconnectedAt).not.toBeNull();
    socket.deliver('snapshot', makeSnapshot());
    expect(wall.connection).toBe('live');
    expect(wall.disconnectedAt).toBeNull();
  });

  it('applies the next version and asks for the snapshot once on a gap', () => {
    socket.deliver('snapshot', makeSnapshot());
    socket.deliver('investment:update', update(FIXTURE_VERSION + 1));
    expect(wall.version).toBe(FIXTURE_VERSION + 1);
    expect(socket.sent).toEqual([]);

    socket.deliver('investment:update', update(FIXTURE_VERSION + 5));
    socket.deliver('investment:update', update(FIXTURE_VERSION + 6));
    expect(wall.version).toBe(FIXTURE_VERSION + 1);
    expect(socket.sent).toEqual(['snapshot:request']);

    const fresh = makeSnapshot();
    fresh.version = FIXTURE_VERSION + 6;
    socket.deliver('snapshot', fresh);
    expect(wall.version).toBe(FIXTURE_VERSION + 6);
  });

  describe('when the server refuses the wall', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('says why and tries again a minute later, since Socket.IO will not', () => {
      socket.active = false;
      socket.connected = false;
      socket.deliver('connect_error', new Error('显示令牌无效或已撤销'));
      expect(wall.refusal).toBe('显示令牌无效或已撤销');
      expect(wall.connection).toBe('connecting');
      vi.advanceTimersByTime(59_000);
      expect(socket.connects).toBe(0);
      vi.advanceTimersByTime(1_000);
      expect(socket.connects).toBe(1);
    });

    it('leaves ordinary outages to Socket.IO\'s own backoff', () => {
      socket.deliver('snapshot', makeSnapshot());
      socket.deliver('connect_error', new Error('xhr poll error'));
      vi.advanceTimersByTime(120_000);
      expect(socket.connects).toBe(0);
      expect(wall.refusal).toBeNull();
      expect(wall.connection).toBe('stale');
    });
  });

  it('keeps the ticker bounded over a long run', () => {
    socket.deliver('snapshot', makeSnapshot());
    for (let v = FIXTURE_VERSION + 1; v < FIXTURE_VERSION + 500; v++) socket.deliver('investment:update', update(v));
    expect(wall.ticker.length).toBe(TICKER_LIMIT);
    expect(wall.version).toBe(FIXTURE_VERSION + 499);
  });
});

describe('tokenFromSearch', () => {
  it('reads the kiosk display token from the page URL', () => {
    expect(tokenFromSearch('?token=abc123')).toBe('abc123');
    expect(tokenFromSearch('?page=2&token=%E5%B1%8F')).toBe('屏');
  });
  it('is null without one (an anonymous wall)', () => {
    expect(tokenFromSearch('')).toBeNull();
    expect(tokenFromSearch('?token=')).toBeNull();
  });
});
