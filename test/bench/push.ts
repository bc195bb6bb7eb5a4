// Push latency: from a report's POST until every connected client has the investment:update.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import { E2E_ADMIN, type ServerProcess } from '../e2e/serverProcess.js';
import { mib, ms, summarize } from './stats.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Anonymous resident memory (heap, WASM store), steadier than VmRSS which counts mapped files. */
function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('RssAnon:'))!;
  return Number(line.replace(/\D/g, '')) * 1024;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connect(url: string, n: number, cookie: string): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => {
      const c: Client = ioClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
      clients.push(c);
      return new Promise<void>((resolve, reject) => {
        c.once('snapshot', () => resolve());
        c.once('connect_error', reject);
      });
    });
    await Promise.all(batch);
  }
  return clients;
}

/** Sends a few reports first so the store and the JIT are warm before anything is measured. */
export async function warmUp(server: ServerProcess, reports: number) {
  const cookie = await login(server);
  const projects = await (await fetch(`${server.url}/api/projects`, { headers: { cookie } })).json();
  const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
  const open = projects.filter((p: any) => p.startedOn && !p.completedOn);
  for (let i = 0; i < reports; i++) await postReport(server, cookie, open[i % open.length].id, snap.today.slice(0, 7));
}

async function login(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
  });
  return res.headers.get('set-cookie')!.split(';')[0];
}

async function postReport(server: ServerProcess, cookie: string, projectId: number, month: string) {
  const res = await fetch(`${server.url}/api/projects/${projectId}/reports`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ month, investment: '1', progress: '施工（压测）' }),
  });
  if (res.status !== 201) throw new Error(`report refused: ${res.status} ${await res.text()}`);
}

export async function benchPush(server: ServerProcess, n: number, reports: number) {
  const cookie = await login(server);
  const projects = await (await fetch(`${server.url}/api/projects`, { headers: { cookie } })).json();
  const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
  const open = projects.filter((p: any) => p.startedOn && !p.completedOn);

  await settle(2_000);
  const rssBefore = rss(server.child.pid!);
  const clients = await connect(server.url, n, cookie);
  await settle(2_000);
  const rssAfter = rss(server.child.pid!);

  const perClient: number[] = [];
  const allClients: number[] = [];
  for (let i = 0; i < reports; i++) {
    const p = open[i % open.length];
    const received: number[] = [];
    let t0 = 0;
    const done = new Promise<void>((resolve) => {
      for (const c of clients) {
        c.once('investment:update', () => {
          received.push(performance.now() - t0);
          if (received.length === clients.length) resolve();
        });
      }
    });
    t0 = performance.now();
    await postReport(server, cookie, p.id, snap.today.slice(0, 7));
    await done;
    perClient.push(...received);
    allClients.push(Math.max(...received));
  }
  for (const c of clients) c.disconnect();

  const each = summarize(perClient);
  const all = summarize(allClients);
  console.log(`  N = ${n} clients, ${reports} reports:`);
  console.log(`    POST → a client has the update:       p50 ${ms(each.p50)}, p99 ${ms(each.p99)}`);
  console.log(`    POST → every client has the update:   p50 ${ms(all.p50)}, p99 ${ms(all.p99)}`);
  console.log(`    server RssAnon ${mib(rssBefore)} → ${mib(rssAfter)} with the clients connected: ${((rssAfter - rssBefore) / n / 1024).toFixed(1)} KiB per client`);
}
