// `npm run bench`: prints the performance figures of DESIGN §6. Figures, not pass/fail.
import { startServer } from '../e2e/serverProcess.js';
import { benchPush, warmUp } from './push.js';
import { benchRecompute } from './recompute.js';

benchRecompute();

console.log('\nPush latency (real server process, demo county on PGlite, in-process cache, loopback)');
const server = await startServer();
try {
  await warmUp(server, 20);
  await benchPush(server, 100, 30);
  await benchPush(server, 1_000, 20);
} finally {
  await server.stop();
  server.remove();
}
