// The one typed Socket.IO client of the screen. Only the wall store talks to it.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/events.js';

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The display token a kiosk is started with (`?token=…`), or null for an anonymous wall. */
export function tokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get('token')?.trim();
  return token ? token : null;
}

export function createWallSocket(search: string = window.location.search): WallSocket {
  const token = tokenFromSearch(search);
  // Same origin, default path /socket.io/. A wall runs for weeks: it never stops retrying,
  // backing off exponentially (1s, 2s, 4s … capped at 30s, with jitter so a hall of walls
  // does not reconnect in lockstep after a server restart).
  return io({
    auth: token ? { token } : {},
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });
}
