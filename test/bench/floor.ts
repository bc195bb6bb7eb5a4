// Runs bare Socket.IO (bareServer.ts) as a child process, as the product's server runs.
import { spawn, type ChildProcess } from 'node:child_process';

export interface BareServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startBare(): Promise<BareServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/bareServer.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = String(d).match(/listening (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
