// Push latency: from a report's POST until every connected client has the investment:update.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import { E2E_ADMIN, type ServerProcess } from '../e2e/serverProcess.js';
import type { BareServer } from './floor.js';
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

interface Latency {
  first: number[];
  all: number[];
  bytes: number[];
}

/** Fires `trigger` `times` times and times, from each call, when a client and when every client has the update. */
async function measure(clients: Client[], times: number, trigger: (i: number) => Promise<void>): Promise<Latency> {
  const out: Latency = { first: [], all: [], bytes: [] };
  for (let i = 0; i < times; i++) {
    const received: number[] = [];
    let t0 = 0;
    const done = new Promise<void>((resolve) => {
      for (const c of clients) {
        c.once('investment:update', (payload) => {
          received.push(performance.now() - t0);
          if (received.length === 1) out.bytes.push(Buffer.byteLength(JSON.stringify(payload)));
          if (received.length === clients.length) resolve();
        });
      }
    });
    t0 = performance.now();
    await trigger(i);
    await done;
    out.first.push(Math.min(...received));
    out.all.push(Math.max(...received));
  }
  return out;
}

/**
 * The product (a report's POST until the clients have its investment:update) and bare Socket.IO
 * (POST /emit broadcasting 512 bytes) measured side by side, with the same number of clients.
 */
export async function benchPush(server: ServerProcess, bare: BareServer, n: number, reports: number) {
  const cookie = await login(server);
  const projects = await (await fetch(`${server.url}/api/projects`, { headers: { cookie } })).json();
  const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).json();
  const open = projects.filter((p: any) => p.startedOn && !p.completedOn);

  await settle(2_000);
  const rssBefore = rss(server.child.pid!);
  const clients = await connect(server.url, n, cookie);
  await settle(2_000);
  const rssAfter = rss(server.child.pid!);
  const product = await measure(clients, reports, (i) => postReport(server, cookie, open[i % open.length].id, snap.today.slice(0, 7)));
  for (const c of clients) c.disconnect();

  const bareClients = await connect(bare.url, n, '');
  const floor = await measure(bareClients, reports, async () => {
    const res = await fetch(`${bare.url}/emit`, { method: 'POST' });
    if (res.status !== 201) throw new Error(`bare emit refused: ${res.status}`);
  });
  for (const c of bareClients) c.disconnect();

  const [pf, pa, bf, ba] = [product.first, product.all, floor.first, floor.all].map(summarize);
  const bytes = summarize(product.bytes);
  console.log(`  N = ${n} clients, ${reports} changes each:`);
  console.log(`                                          product            bare Socket.IO (512 B)   ratio`);
  console.log(`    POST → first client has it    p50  ${ms(pf.p50).padStart(10)}         ${ms(bf.p50).padStart(10)}              +${ms(pf.p50 - bf.p50)}`);
  console.log(`    POST → every client has it    p50  ${ms(pa.p50).padStart(10)}         ${ms(ba.p50).padStart(10)}              ×${(pa.p50 / ba.p50).toFixed(2)}`);
  console.log(`                                  p99  ${ms(pa.p99).padStart(10)}         ${ms(ba.p99).padStart(10)}`);
  console.log(`    payload per push: p50 ${bytes.p50} B, max ${bytes.max} B`);
  console.log(`    server RssAnon ${mib(rssBefore)} → ${mib(rssAfter)} with the clients connected: ${((rssAfter - rssBefore) / n / 1024).toFixed(1)} KiB per client`);
}

/** 100 walls connecting at once: how long until every one has its figures, and the snapshot's size. */
export async function benchConnect(server: ServerProcess, label: string, walls = 100) {
  const cookie = await login(server);
  const plain = await fetch(`${server.url}/api/snapshot`, { headers: { cookie, 'accept-encoding': 'identity' } });
  const json = Buffer.byteLength(await plain.text());
  // What a gzip-accepting client receives: the server gzips with the default level, as here.
  const gz = gzipSync(Buffer.from(await (await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).text())).length;
  const t0 = performance.now();
  const arrivals: number[] = [];
  const clients = await Promise.all(Array.from({ length: walls }, () => {
    const c: Client = ioClient(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    return new Promise<Client>((resolve, reject) => {
      c.once('snapshot', () => {
        arrivals.push(performance.now() - t0);
        resolve(c);
      });
      c.once('connect_error', reject);
    });
  }));
  for (const c of clients) c.disconnect();
  const s = summarize(arrivals);
  console.log(`  ${label}: snapshot ${(json / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzipped); ${walls} walls at once have figures: p50 ${ms(s.p50)}, last ${ms(s.max)}`);
}
