// Vitest global setup of the e2e project (after buildScreen.ts): the demo county seeded once, by the
// compiled server's own first start, into a data folder each file's server starts on a copy of
// (startDemoServer). A first start seeds the demo for tens of seconds; a start on a seeded store is a
// restart. The first start itself stays tested (start.test.ts starts on an empty folder).
import type { TestProject } from 'vitest/node';
import { E2E_ADMIN, startServer } from './serverProcess.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo county's data folder, seeded and shut down cleanly: copy it, never write to it. */
    demoDataDir: string;
  }
}

export default async function demoStore(project: TestProject) {
  const server = await startServer({}, { compiled: true });
  try {
    // Health answers while the first rules run; a signed-in read waits for them, so the copy holds them.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    if (login.status !== 200) throw new Error(`demo store: login ${login.status}\n${server.output()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const snapshot = await fetch(`${server.url}/api/snapshot`, { headers: { cookie } });
    if (snapshot.status !== 200) throw new Error(`demo store: snapshot ${snapshot.status}\n${server.output()}`);
    // A clean shutdown (SIGTERM closes the store), so every copy opens without recovery.
    const child = server.child;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`demo store: shutdown exited ${code}\n${server.output()}`);
  } catch (err) {
    await server.stop();
    server.remove();
    throw err;
  }
  project.provide('demoDataDir', server.dataDir);
  return () => server.remove();
}
