// `npm run bench`: prints the performance figures of DESIGN §6. Figures, not pass/fail.
import { startServer } from '../e2e/serverProcess.js';
import { benchImport } from './import.js';
import { benchMeetingSync } from './meetingSync.js';
import { benchPush, warmUp } from './push.js';
import { benchRecompute } from './recompute.js';
import { benchSoak } from './soak.js';

benchRecompute();

console.log('\nPush latency (real server process, demo county on PGlite, in-process cache, loopback)');
const server = await startServer();
try {
  await warmUp(server, 20);
  await benchPush(server, 100, 30);
  await benchPush(server, 1_000, 20);
  console.log('\nMeeting-mode sync (presenter PATCH → walls, same server)');
  await benchMeetingSync(server, 50, 50);
} finally {
  await server.stop();
  server.remove();
}

console.log('\nLedger import (15,000-row province sheet over HTTP into the demo county, PGlite)');
const importServer = await startServer();
try {
  await benchImport(importServer, 15_000);
} finally {
  await importServer.stop();
  importServer.remove();
}

await benchSoak(Number(process.env.SOAK_PUSHES ?? 86_400));
