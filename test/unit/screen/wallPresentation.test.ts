// The wall store in meeting mode: following a session, the frozen figures for panels, ignoring stale states.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { FrozenSnapshot, PresentationState } from '../../../shared/presentation.js';
import type { WallSocket } from '../../../screen/api/socket.js';
import { acceptsFrozen, acceptsPresentation, useSnapshot, useWallStore } from '../../../screen/apps/wall/stores/wallStore.js';
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
    socket.deliver('presentation:snapshot', { sessionId: 2, ...frozen, seq: 6, snapshot: monthEnd });
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
    socket.deliver('presentation:snapshot', { sessionId: 2, month: '2020-08', asOf: '2020-08-31', seq: 5, snapshot: monthEnd });
    socket.deliver('presentation:state', state({ frozen: { month: '2020-09', asOf: '2020-09-30' } }));
    expect(snap.value.today).toBe(live.today);
  });

  it('drops an older state arriving late, and ends on an end (or an older server\u2019s null)', () => {
    socket.deliver('presentation:state', state({ page: 'map', seq: 9 }));
    socket.deliver('presentation:state', state({ page: 'overview', seq: 8 }));
    expect(wall.presentation?.page).toBe('map');
    socket.deliver('presentation:state', { ended: true, campaignId: 1, seq: 10 });
    expect(wall.presentation).toBeNull();
    expect(wall.following).toBe(false);
    socket.deliver('presentation:state', state({ page: 'map', seq: 11 }));
    socket.deliver('presentation:state', null);
    expect(wall.presentation).toBeNull();
  });

  it('stays free when the state read on connect arrives after the session ended, with its figures', () => {
    const frozenAt = { month: '2020-09', asOf: '2020-09-30' };
    // On connect the server read the frozen session (seq 6); it ended (seq 7) before that reached the wall.
    socket.deliver('presentation:state', { ended: true, campaignId: 1, seq: 7 });
    socket.deliver('presentation:state', state({ frozen: frozenAt, seq: 6 }));
    socket.deliver('presentation:snapshot', { sessionId: 2, ...frozenAt, seq: 6, snapshot: monthEnd });
    expect(wall.presentation).toBeNull();
    expect(wall.following).toBe(false);
    expect(wall.frozen).toBeNull();
    expect(useSnapshot().value.today).toBe(live.today);
  });

  it('keeps the figures of the month it shows when an earlier month\u2019s arrive late', () => {
    const snap = useSnapshot();
    const september = { month: '2020-09', asOf: '2020-09-30' };
    const august = { month: '2020-08', asOf: '2020-08-31' };
    // Connected while frozen at September (seq 6); the presenter froze at August (seq 7) while the
    // September figures were being computed for this wall.
    socket.deliver('presentation:state', state({ frozen: september, seq: 6 }));
    socket.deliver('presentation:snapshot', { sessionId: 2, ...august, seq: 7, snapshot: { ...monthEnd, today: '2020-08-31' } });
    socket.deliver('presentation:state', state({ frozen: august, seq: 7 }));
    socket.deliver('presentation:snapshot', { sessionId: 2, ...september, seq: 6, snapshot: monthEnd });
    expect(snap.value.today).toBe('2020-08-31');
  });
});

describe('which meeting-mode pushes a wall takes', () => {
  const seen = { campaignId: 1, seq: 7 };
  const frozenAt = { month: '2020-09', asOf: '2020-09-30' };
  const figures = (over: Partial<FrozenSnapshot> = {}): FrozenSnapshot => ({ sessionId: 2, ...frozenAt, seq: 7, snapshot: makeSnapshot(), ...over });

  it('takes states and ends of the same or a later seq, anything at first and from another campaign', () => {
    expect(acceptsPresentation(null, state({ seq: 1 }))).toBe(true);
    expect(acceptsPresentation(seen, state({ seq: 8 }))).toBe(true);
    expect(acceptsPresentation(seen, state({ seq: 7 }))).toBe(true);
    expect(acceptsPresentation(seen, state({ seq: 6 }))).toBe(false);
    expect(acceptsPresentation(seen, { ended: true, campaignId: 1, seq: 8 })).toBe(true);
    expect(acceptsPresentation(seen, { ended: true, campaignId: 1, seq: 6 })).toBe(false);
    expect(acceptsPresentation(seen, state({ campaignId: 2, seq: 1 }))).toBe(true);
    expect(acceptsPresentation(seen, null)).toBe(true);
  });

  it('takes the figures of the state shown, or of a newer state about to arrive, nothing else', () => {
    const current = state({ frozen: frozenAt, seq: 7 });
    expect(acceptsFrozen(seen, current, null, figures())).toBe(true);
    // Computed for a connecting wall while the presenter stepped on: still this session's month.
    expect(acceptsFrozen({ campaignId: 1, seq: 9 }, state({ frozen: frozenAt, seq: 9 }), null, figures())).toBe(true);
    // Sent ahead of the state freezing at them.
    expect(acceptsFrozen(seen, state({ seq: 7 }), null, figures({ seq: 8, month: '2020-08', asOf: '2020-08-31' }))).toBe(true);
    // Of an ended session, another month or another session, not newer than the last state.
    expect(acceptsFrozen(seen, null, null, figures())).toBe(false);
    expect(acceptsFrozen(seen, current, null, figures({ month: '2020-08', seq: 6 }))).toBe(false);
    expect(acceptsFrozen(seen, current, null, figures({ sessionId: 1, seq: 5 }))).toBe(false);
    // Older than the ones of that month held.
    expect(acceptsFrozen(seen, current, figures({ seq: 7 }), figures({ seq: 6 }))).toBe(false);
    expect(acceptsFrozen(null, null, null, figures())).toBe(true);
  });
});
