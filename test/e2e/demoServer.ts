// The server most end-to-end files drive: the compiled dist/ (what `npm start` runs, built once by
// buildScreen.ts) on its own copy of the demo county seeded once by demoStore.ts.
import { inject } from 'vitest';
import { startServer, type ServerProcess } from './serverProcess.js';

export function startDemoServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServer(env, { compiled: true, from: inject('demoDataDir') });
}
