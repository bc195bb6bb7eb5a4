import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { InvestmentUpdate } from '../../../shared/events.js';
import { diffFigures } from '../../../shared/summaryDelta.js';
import { TICKER_LIMIT } from '../../../shared/snapshot.js';
import type { WallSocket } from '../../../screen/api/socket.js';
import { tokenFromSearch } from '../../../screen/api/socket.js';
import { FLASH_MS, useWallStore } from '../../../screen/apps/wall/stores/wallStore.js';
import type { Alert, Severity } from '../../../shared/types.js';
import { FRESH_ALERT } from '../../fixtures/alert.js';
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
  disconnect() {
    this.connected = false;
    return this;
  }
}

function update(version: number): InvestmentUpdate {
  const s = makeSnapshot();
  const next = { ...s, totals: { ...s.totals, completed: s.totals.completed + version } };
  return {
    version,
    projectId: 3,
    project: '高新区新材料产业园',
    unit: '县工信局',
    month: '2020-08',
    investment: version,
    completedToDate: version,
    summary: diffFigures(s, next),
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

  it('follows problem:update on the problem ledger panel, versioned like the rest', () => {
    socket.deliver('snapshot', makeSnapshot());
    const problems = (pending: number) => ({ ...makeSnapshot().problems, pending });
    const event = (version: number) => ({ id: `${version}-problem-3`, at: '2020-09-15T05:00:00.000Z', kind: 'problem' as const, projectId: 3, text: '用地保障问题已受理' });
    socket.deliver('problem:update', { version: FIXTURE_VERSION + 1, problemId: 8, problems: problems(12), event: event(FIXTURE_VERSION + 1) });
    expect(wall.snapshot!.problems.pending).toBe(12);
    expect(wall.version).toBe(FIXTURE_VERSION + 1);
    expect(wall.ticker[0].kind).toBe('problem');

    socket.deliver('problem:update', { version: FIXTURE_VERSION + 4, problemId: 8, problems: problems(1), event: event(FIXTURE_VERSION + 4) });
    expect(wall.snapshot!.problems.pending).toBe(12);
    expect(socket.sent).toEqual(['snapshot:request']);
  });

  it('keeps the ticker bounded over a long run', () => {
    socket.deliver('snapshot', makeSnapshot());
    for (let v = FIXTURE_VERSION + 1; v < FIXTURE_VERSION + 500; v++) socket.deliver('investment:update', update(v));
    expect(wall.ticker.length).toBe(TICKER_LIMIT);
    expect(wall.version).toBe(FIXTURE_VERSION + 499);
  });
});

describe('red alert flashes', () => {
  let socket: FakeSocket;
  let wall: ReturnType<typeof useWallStore>;
  let version: number;

  const alert = (id: number, severity: Severity): Alert => ({
    ...FRESH_ALERT, id, projectId: id, project: `项目${id}`, unit: '县城投公司', rule: 'investment_behind', severity,
    text: '完成率落后序时进度35个百分点', state: 'raised', raisedAt: '2020-09-15T04:00:00.000Z', clearedAt: null,
  });
  const raise = (a: Alert) => {
    version++;
    socket.deliver('alert:raised', { version, alert: a, event: { id: `${version}`, at: a.raisedAt, kind: 'alert_raised', projectId: a.projectId, text: a.text } });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
    socket = new FakeSocket();
    wall = useWallStore();
    wall.connect(socket as unknown as WallSocket);
    socket.deliver('snapshot', makeSnapshot());
    version = FIXTURE_VERSION;
  });
  afterEach(() => vi.useRealTimers());

  it('flashes a new red alert, not an orange one, and lets it go after a while', () => {
    raise(alert(901, 'orange'));
    expect(wall.flashes).toEqual([]);
    raise(alert(902, 'red'));
    expect(wall.flashes.map((a) => a.id)).toEqual([902]);
    vi.advanceTimersByTime(FLASH_MS);
    expect(wall.flashes).toEqual([]);
  });

  it('stops flashing an alert as soon as it is cleared', () => {
    raise(alert(903, 'red'));
    version++;
    socket.deliver('alert:cleared', { version, alertId: 903, projectId: 903, event: { id: `${version}`, at: '2020-09-16T04:00:00.000Z', kind: 'alert_cleared', projectId: 903, text: '解除' } });
    expect(wall.flashes).toEqual([]);
  });

  it('shows at most three at once and keeps no timers for the ones it dropped', () => {
    for (let id = 910; id < 960; id++) raise(alert(id, 'red'));
    expect(wall.flashes.map((a) => a.id)).toEqual([959, 958, 957]);
    expect(vi.getTimerCount()).toBe(3);
    wall.disconnect();
    expect(vi.getTimerCount()).toBe(0);
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
