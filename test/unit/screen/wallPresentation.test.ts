// The wall store in meeting mode: following a session, the frozen figures for panels, ignoring stale states.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { PresentationState } from '../../../shared/presentation.js';
import type { WallSocket } from '../../../screen/socket.js';
import { useSnapshot, useWallStore } from '../../../screen/stores/wall.js';
import { makeSnapshot } from '../../fixtures/snapshot.js';

class FakeSocket {
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  connected = true;
  active = true;
  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit() {
    return this;
  }
  deliver(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  disconnect() {
    return this;
  }
}

const state = (over: Partial<PresentationState> = {}): PresentationState => ({
  id: 2, campaignId: 1, presenter: { userId: 7, name: '李县长' }, startedAt: '', meetingId: null, page: 'ranking',
  projectId: null, frozen: null, step: null, updatedAt: '', seq: 5, ...over,
});

describe('the wall in meeting mode', () => {
  let socket: FakeSocket;
  let wall: ReturnType<typeof useWallStore>;
  const live = makeSnapshot();
  const monthEnd = { ...makeSnapshot(), today: '2020-09-30' };

  beforeEach(() => {
    setActivePinia(createPinia());
    wall = useWallStore();
    socket = new FakeSocket();
    wall.connect(socket as unknown as WallSocket);
    socket.deliver('snapshot', live);
  });

  it('follows a session while its display follows meetings', () => {
    expect(wall.following).toBe(false);
    socket.deliver('presentation:state', state());
    expect(wall.following).toBe(true);
    socket.deliver('display:config', { displayId: 1, name: '主屏', rotateSeconds: 30, followsMeetings: false });
    expect(wall.following).toBe(false);
  });

  it('gives panels the month-end figures while frozen, the live ones otherwise', () => {
    const snap = useSnapshot();
    const frozen = { month: '2020-09', asOf: '2020-09-30' };
    socket.deliver('presentation:snapshot', { sessionId: 2, ...frozen, snapshot: monthEnd });
    socket.deliver('presentation:state', state({ frozen, seq: 6 }));
    expect(snap.value.today).toBe('2020-09-30');
    // A wall that stays free keeps the live figures.
    socket.deliver('display:config', { displayId: 1, name: '主屏', rotateSeconds: 30, followsMeetings: false });
    expect(snap.value.today).toBe(live.today);
    socket.deliver('display:config', { displayId: 1, name: '主屏', rotateSeconds: 30, followsMeetings: true });
    socket.deliver('presentation:state', state({ frozen: null, seq: 7 }));
    expect(snap.value.today).toBe(live.today);
    expect(wall.frozen).toBeNull();
  });

  it('waits for the figures of the month it is frozen at', () => {
    const snap = useSnapshot();
    socket.deliver('presentation:snapshot', { sessionId: 2, month: '2020-08', asOf: '2020-08-31', snapshot: monthEnd });
    socket.deliver('presentation:state', state({ frozen: { month: '2020-09', asOf: '2020-09-30' } }));
    expect(snap.value.today).toBe(live.today);
  });

  it('drops an older state arriving late, and ends on null', () => {
    socket.deliver('presentation:state', state({ page: 'map', seq: 9 }));
    socket.deliver('presentation:state', state({ page: 'overview', seq: 8 }));
    expect(wall.presentation?.page).toBe('map');
    socket.deliver('presentation:state', null);
    expect(wall.presentation).toBeNull();
    expect(wall.following).toBe(false);
  });
});
