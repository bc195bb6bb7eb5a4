// The one typed Socket.IO client of the screen; the wall store holds it.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The display token a kiosk is started with (`?token=…`), or null for an anonymous wall. */
export function tokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get('token')?.trim();
  return token ? token : null;
}

export function createWallSocket(search: string = window.location.search): WallSocket {
  const token = tokenFromSearch(search);
  // Same origin, default path /socket.io/. WebSocket first: one connection, so an ordinary round-robin
  // load balancer in front of several processes serves it; long-polling (several requests, which need
  // the same process: ip_hash or a sticky cookie) only when WebSocket fails (tryAllTransports; without
  // it a failed first transport is not followed by the next). A wall runs for weeks: it never stops retrying,
  // backing off exponentially (1s, 2s, 4s … capped at 30s, with jitter so a hall of walls
  // does not reconnect in lockstep after a server restart).
  return io({
    auth: token ? { token } : {},
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });
}

