// `npm run bench`: prints the performance figures of DESIGN §6. Figures, not pass/fail.
import { startServer } from '../e2e/serverProcess.js';
import { benchImport } from './import.js';
import { benchMeetingSync } from './meetingSync.js';
import { startBare } from './floor.js';
import { benchConnect, benchPush, warmUp } from './push.js';
import { benchRecompute } from './recompute.js';
import { benchSoak } from './soak.js';

benchRecompute();

console.log('\nPush latency, side by side with the floor (real server process, demo county on PGlite, in-process cache, loopback)');
const server = await startServer();
const bare = await startBare();
try {
  await warmUp(server, 20);
  await benchPush(server, bare, 100, 30);
  await benchPush(server, bare, 1_000, 20);
  if (process.env.BENCH_10K === '1') await benchPush(server, bare, 10_000, 5);
  console.log('\nWalls connecting at once');
  await benchConnect(server, 'county 弋阳县');
  console.log('\nMeeting-mode sync (presenter PATCH → walls, same server)');
  await benchMeetingSync(server, 50, 50);
} finally {
  await bare.stop();
  await server.stop();
  server.remove();
}

const province = await startServer({ DEMO_PROFILE: 'province', START_TIMEOUT_MS: '300000' });
try {
  await benchConnect(province, 'province 15,000 projects');
} finally {
  await province.stop();
  province.remove();
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
