// Socket.IO: who may connect, the rooms, and delivery of committed changes.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ROOMS } from '../../shared/events.js';
import { hashToken, sessionToken, sessionUser } from '../services/auth.js';
import type { Deps, Notifier } from '../services/deps.js';
import { displayByToken } from '../services/directory.js';
import { activeCampaignId } from '../services/campaignScope.js';
import { currentSnapshot } from '../services/snapshot.js';
import { registerPresentationHandlers } from './presentation.js';
import { registerDrillHandlers } from './drillRequests.js';
import { registerMapHandlers } from './mapRequests.js';
import type { IoServer, IoSocket } from './io.js';

/** allowRequest: whether a handshake comes from an origin that may open a socket (the app passes sameOrigin). */
export function createIo(httpServer: HttpServer, allowRequest: (req: IncomingMessage) => boolean): IoServer {
  return new Server(httpServer, {
    // Walls sit behind flaky networks: detect dead links within ~45 s.
    pingInterval: 20_000,
    pingTimeout: 25_000,
    // A page of another site must not open a socket with a signed-in user's cookie.
    allowRequest: (req, callback) => callback(null, allowRequest(req)),
  });
}

/** A person's browser rotates the wall at the display tokens' default pace. */
const DEFAULT_ROTATE_SECONDS = 30;

export const REFUSED = { noCredentials: '请登录或使用大屏令牌访问', badToken: '大屏令牌无效或已停用' } as const;

/** Browsers bring their session cookie; wall kiosks a display token (auth payload or page URL). */
export function authenticate(io: IoServer, deps: Deps): void {
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown };
      const token = typeof auth?.token === 'string' ? auth.token : typeof socket.handshake.query.token === 'string' ? socket.handshake.query.token : undefined;
      if (token) {
        const display = await displayByToken(deps, token);
        if (!display) return next(new Error(REFUSED.badToken));
        socket.data = {
          kind: 'display', userId: null, role: 'display', unitId: null,
          displayId: display.id, displayName: display.name, rotateSeconds: display.rotateSeconds, followsMeetings: display.followsMeetings,
        };
        return next();
      }
      const cookieToken = sessionToken(socket.handshake.headers.cookie);
      const user = await sessionUser(deps.db, cookieToken);
      if (!user) return next(new Error(REFUSED.noCredentials));
      socket.data = {
        kind: 'user', userId: user.id, role: user.role, unitId: user.unitId,
        displayId: null, displayName: null, rotateSeconds: DEFAULT_ROTATE_SECONDS, followsMeetings: true,
        sessionHash: hashToken(cookieToken!),
      };
      next();
    } catch (err) {
      deps.log.error({ err }, 'socket authentication failed');
      next(new Error('服务器内部错误，请稍后重试'));
    }
  });
}

/** The names ROOMS.campaign gives. */
const CAMPAIGN_ROOM = /^campaign:\d+$/;

/** A wall is in the room of the campaign year it was last sent, and no other year's. */
function followCampaign(socket: IoSocket, campaignId: number): void {
  // A socket gone meanwhile must not be added to a room it would never leave.
  if (!socket.connected) return;
  const room = ROOMS.campaign(campaignId);
  for (const joined of socket.rooms) if (joined !== room && CAMPAIGN_ROOM.test(joined)) void socket.leave(joined);
  void socket.join(room);
}

export function registerWallHandlers(socket: IoSocket, deps: Deps): void {
  // The active year's room is joined before its snapshot is read, so no push falls between the two;
  // should another year become active meanwhile, the snapshot says which and the room follows it.
  const joined = activeCampaignId(deps.db).then((id) => {
    if (id !== null) followCampaign(socket, id);
  });
  const sendSnapshot = async () => {
    try {
      await joined;
      const snapshot = await currentSnapshot(deps);
      followCampaign(socket, snapshot.campaign.id);
      socket.emit('snapshot', snapshot);
    } catch (err) {
      deps.log.error({ err }, 'snapshot for socket failed');
    }
  };
  if (socket.data.displayId) void socket.join(ROOMS.display(socket.data.displayId));
  if (socket.data.userId) void socket.join(ROOMS.user(socket.data.userId));
  if (socket.data.sessionHash) void socket.join(ROOMS.session(socket.data.sessionHash));
  const { displayId, displayName: name, rotateSeconds, followsMeetings } = socket.data;
  socket.emit('display:config', { displayId, name, rotateSeconds, followsMeetings });
  registerPresentationHandlers(socket, deps);
  void sendSnapshot();
  let last = 0;
  socket.on('snapshot:request', () => {
    // A confused client asking in a loop gets at most one snapshot a second.
    const now = Date.now();
    if (now - last < 1_000) return;
    last = now;
    void sendSnapshot();
  });
  registerDrillHandlers(socket, deps);
  registerMapHandlers(socket, deps);
}

/** Pushes go to their campaign year's room; with the Redis adapter they reach every process's clients. */
export function ioNotifier(io: IoServer): Notifier {
  return {
    publish(campaignId, pushes) {
      for (const push of pushes) {
        (io.to(ROOMS.campaign(campaignId)).emit as (name: string, payload: unknown) => boolean)(push.name, push.payload);
      }
    },
    revokeDisplay(displayId) {
      io.in(ROOMS.display(displayId)).disconnectSockets(true);
    },
    endUser(userId) {
      io.in(ROOMS.user(userId)).disconnectSockets(true);
    },
    endSession(tokenHash) {
      io.in(ROOMS.session(tokenHash)).disconnectSockets(true);
    },
    updateDisplay(config) {
      if (config.displayId) io.to(ROOMS.display(config.displayId)).emit('display:config', config);
    },
    resync(snapshot, others) {
      // Every wall moves to the new year's room (in every process) and gets it whole: another year's
      // versions start afresh, so its pushes would look stale to a wall holding the old year.
      io.socketsJoin(ROOMS.campaign(snapshot.campaign.id));
      if (others.length) io.socketsLeave(others.map(ROOMS.campaign));
      io.emit('snapshot', snapshot);
    },
  };
}
