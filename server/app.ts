// The composition root: Express + Socket.IO wired on a given HTTP server, without listening.
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import { existsSync } from 'node:fs';
import express from 'express';
import type { Logger } from 'pino';
import type { SnapshotCache } from './cache/cache.js';
import { localSnapshots } from './services/local.js';
import { errorHandler, NotFound } from './errors.js';
import { adminRouter } from './http/admin.js';
import { alertsRouter } from './http/alerts.js';
import { exportsRouter } from './http/exportsXlsx.js';
import { importsRouter } from './http/imports.js';
import { countyMapRouter } from './http/countyMap.js';
import { leadersRouter } from './http/leaders.js';
import { meetingsRouter } from './http/meetings.js';
import { notifyRouter } from './http/notify.js';
import { presentationRouter } from './http/presentation.js';
import { problemsRouter } from './http/problems.js';
import { referenceRouter } from './http/reference.js';
import { reportingRouter, reportsRouter } from './http/reports.js';
import { authRouter } from './http/auth.js';
import { campaignScope } from './http/campaignScope.js';
import { campaignsRouter } from './http/campaigns.js';
import { projectsRouter } from './http/projects.js';
import { csrfGuard, sameOrigin, securityHeaders } from './http/origin.js';
import { loadSession } from './http/session.js';
import { statusRouter } from './http/status.js';
import type { IoServer } from './realtime/io.js';
import { authenticate, createIo, ioNotifier, registerWallHandlers } from './realtime/server.js';
import { useRedisAdapter } from './realtime/redisAdapter.js';
import type { Deps } from './services/deps.js';
import { notifyRuntime, type NotifyOptions, type NotifyRuntime } from './services/notifyRuntime.js';
import type { Db } from './store/db.js';

export interface AppOptions {
  db: Db;
  cache: SnapshotCache;
  log: Logger;
  clock?: () => Date;
  /** Share pushes between processes through this Redis. */
  redisUrl?: string;
  /** The deployment's key in Redis (DEPLOYMENT_KEY, default the store's id); required with redisUrl. */
  deploymentKey?: string;
  /** Serve the built screen from here when it exists. */
  screenDir?: string;
  secureCookies?: boolean;
  /** Origins besides the server's own that may send state-changing requests (ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Work-chat robots: the sealing key, the links' base URL, timeouts. The worker runs once notify.start() is called. */
  notify?: NotifyOptions;
}

export interface App {
  app: express.Express;
  io: IoServer;
  deps: Deps;
  /** The notify worker and scheduler (started by index.ts; tests drive sendDue / schedule). */
  notify: NotifyRuntime;
  close(): Promise<void>;
}

export function createApp(httpServer: HttpServer, opts: AppOptions): App {
  const deps: Deps = {
    db: opts.db, cache: opts.cache, local: localSnapshots(), drillViews: new Map(), frozenSnapshots: new Map(), log: opts.log, clock: opts.clock ?? (() => new Date()),
    notifier: { publish: () => undefined, revokeDisplay: () => undefined, endUser: () => undefined },
  };
  const notify = notifyRuntime(deps, opts.notify);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const allowedOrigins = opts.allowedOrigins ?? [];
  app.use(securityHeaders(opts.secureCookies ?? false));
  // Refused before the session is even looked up: foreign origins, form and text/plain bodies.
  app.use('/api', csrfGuard(allowedOrigins));
  app.use('/api', loadSession(deps));
  // The county map reads its own, larger upload body (PUT /api/map, up to 8 MB, admins only, checked
  // before the body is read): mounted after the session and ahead of the app-wide 1 MB JSON parser.
  app.use('/api/map', countyMapRouter(deps));
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', campaignScope);
  // Until the start-up recompute is done, only health answers (index.ts listens before it ends).
  app.use('/api', (req, _res, next) => (req.path === '/health' ? next() : void deps.local.warming.then(() => next())));
  app.use('/api', statusRouter(deps));
  app.use('/api/campaigns', campaignsRouter(deps));
  app.use('/api/auth', authRouter(deps, opts.secureCookies ?? false));
  app.use('/api', referenceRouter(deps));
  app.use('/api/projects', projectsRouter(deps));
  app.use('/api/reports', reportsRouter(deps));
  app.use('/api/reporting', reportingRouter(deps));
  app.use('/api', alertsRouter(deps));
  app.use('/api/problems', problemsRouter(deps));
  app.use('/api/meetings', meetingsRouter(deps));
  app.use('/api/presentation', presentationRouter(deps));
  app.use('/api', leadersRouter(deps));
  app.use('/api/imports', importsRouter(deps));
  app.use('/api/exports', exportsRouter(deps));
  app.use('/api/notify', notifyRouter(deps, notify));
  app.use('/api', adminRouter(deps));
  app.use('/api', () => {
    throw NotFound('接口不存在');
  });
  if (opts.screenDir && existsSync(opts.screenDir)) {
    const root = path.resolve(opts.screenDir);
    app.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
    // The screen is a single-page app: unknown paths get its index.
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(root, 'index.html')));
  }
  app.use(errorHandler(opts.log));
  // Express first, then Socket.IO, which takes over /socket.io/ and hands every other request on.
  httpServer.on('request', app);
  const io = createIo(httpServer, (req) => sameOrigin(req, allowedOrigins));
  if (opts.redisUrl && !opts.deploymentKey) throw new Error('createApp: redisUrl needs a deploymentKey');
  const closeAdapter = opts.redisUrl ? useRedisAdapter(io, opts.redisUrl, opts.deploymentKey!, opts.log) : async () => undefined;
  deps.notifier = ioNotifier(io);
  authenticate(io, deps);
  io.on('connection', (socket) => registerWallHandlers(socket, deps));

  return {
    app,
    io,
    deps,
    notify,
    async close() {
      await notify.stop();
      await io.close();
      await closeAdapter();
    },
  };
}
