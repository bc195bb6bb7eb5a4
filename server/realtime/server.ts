// Socket.IO: who may connect, the wall room, and delivery of committed changes.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ROOMS, type ClientToServerEvents, type InterServerEvents, type ServerToClientEvents, type SocketData } from '../../shared/events.js';
import { sessionUser } from '../services/auth.js';
import type { Deps, Notifier } from '../services/deps.js';
import { currentSnapshot } from '../services/snapshot.js';
import type { Db } from '../store/db.js';
import { sessionToken } from '../http/session.js';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function createIo(httpServer: HttpServer): IoServer {
  return new Server(httpServer, {
    // Walls sit behind flaky networks: detect dead links within ~45 s.
    pingInterval: 20_000,
    pingTimeout: 25_000,
    connectionStateRecovery: undefined,
  });
}

/** Browsers bring their session cookie; in this slice anyone may watch the wall. */
export function authenticate(io: IoServer, db: Db): void {
  io.use(async (socket, next) => {
    try {
      const user = await sessionUser(db, sessionToken(socket.handshake.headers.cookie));
      socket.data = user
        ? { kind: 'user', userId: user.id, role: user.role, unitId: user.unitId }
        : { kind: 'anonymous', userId: null, role: null, unitId: null };
      next();
    } catch (err) {
      next(err as Error);
    }
  });
}

export function registerWallHandlers(io: IoServer, socket: IoSocket, deps: Deps): void {
  const sendSnapshot = async () => {
    try {
      socket.emit('snapshot', await currentSnapshot(deps));
    } catch (err) {
      deps.log.error({ err }, 'snapshot for socket failed');
    }
  };
  void socket.join(ROOMS.wall);
  void sendSnapshot();
  let last = 0;
  socket.on('snapshot:request', () => {
    // A confused client asking in a loop gets at most one snapshot a second.
    const now = Date.now();
    if (now - last < 1_000) return;
    last = now;
    void sendSnapshot();
  });
}

/** Pushes go to the wall room; with the Redis adapter they reach every process's clients. */
export function ioNotifier(io: IoServer): Notifier {
  return {
    publish(_campaignId, pushes) {
      for (const push of pushes) {
        (io.to(ROOMS.wall).emit as (name: string, payload: unknown) => boolean)(push.name, push.payload);
      }
    },
  };
}
