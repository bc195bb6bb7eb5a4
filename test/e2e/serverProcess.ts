// Runs the real server as a child process (as `npm start` does), on a free port with its own data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password' };

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * One /api/health on a connection of its own, closed after it: a kept-alive one left in fetch's pool
 * would be reused by the test's first request just as the server closes it as idle (ECONNRESET).
 */
function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder (a restart). */
  restart(): Promise<void>;
  remove(): void;
}

/**
 * Starts the server from the sources (through tsx), or with `compiled` as `npm start` does: the built
 * dist/ under plain Node. `from` is a data folder to start on a copy of (a store seeded once, which a
 * restart reads as it would its own); without it the server starts on an empty folder.
 */
export async function startServer(env: Record<string, string> = {}, opts: { compiled?: boolean; from?: string } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xmdd-e2e-'));
  if (opts.from) cpSync(opts.from, dataDir, { recursive: true });
  let log = '';
  const launch = async () => {
    const child = spawn(process.execPath, opts.compiled ? ['scripts/start.mjs'] : ['--import', 'tsx', 'server/index.ts'], {
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '',
        ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password, ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    // A province-scale demo seeds 15,000 projects on its first start; a loaded machine takes longer
    // still. The limit only bounds a server that will never answer: one that exits is reported at once.
    const deadline = Date.now() + Number(env.START_TIMEOUT_MS ?? 180_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${log}`);
      const ok = await healthy(port);
      if (ok) return child;
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`server did not start:\n${log}`);
  };
  const proc: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child: await launch(),
    output: () => log,
    async stop() {
      const c = proc.child;
      if (c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    async restart() {
      await proc.stop();
      proc.child = await launch();
    },
    remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return proc;
}
