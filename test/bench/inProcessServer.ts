// The server in the bench's own process (demo county, PGlite in memory, built screen), so the soak can
// push straight into Socket.IO without a day's worth of real reports.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { demoLedger } from '../../server/demo/demo.js';
import { createApp, type App } from '../../server/app.js';
import { memoryCache } from '../../server/cache/memory.js';
import { ensureFirstAdmin } from '../../server/services/auth.js';
import { refreshCampaign } from '../../server/services/change.js';
import { SYSTEM_ACTOR } from '../../server/store/audit.js';
import { openStore } from '../../server/store/open.js';
import { loadSeed } from '../../server/store/seed.js';
import { E2E_ADMIN } from '../e2e/serverProcess.js';

export interface InProcessServer {
  url: string;
  app: App;
  close(): Promise<void>;
}

export async function startInProcess(): Promise<InProcessServer> {
  const db = await openStore({ dataDir: null });
  await ensureFirstAdmin(db, E2E_ADMIN.username, E2E_ADMIN.password);
  await loadSeed(db, demoLedger('yiyang'), SYSTEM_ACTOR);
  const cache = memoryCache();
  const httpServer = createServer();
  const app = createApp(httpServer, { db, cache, log: pino({ level: 'warn' }), screenDir: 'dist/screen' });
  await refreshCampaign(app.deps);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      await app.close();
      await new Promise((resolve) => httpServer.close(resolve));
      await cache.close();
      await db.close();
    },
  };
}
