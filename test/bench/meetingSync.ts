// Meeting-mode sync (会议模式): from the presenter's PATCH until N connected walls have the new state,
// and a freeze (the month-end snapshot computed and pushed) until every wall has the figures.
import { performance } from 'node:perf_hooks';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { PresentationState } from '../../shared/presentation.js';
import { WALL_PAGES, type WallPageKey } from '../../shared/wall.js';
import { E2E_ADMIN, type ServerProcess } from '../e2e/serverProcess.js';
import { ms, summarize } from './stats.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function call(server: ServerProcess, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

async function connect(url: string, n: number, cookie: string): Promise<Client[]> {
  const clients: Client[] = [];
  await Promise.all(Array.from({ length: n }, () => {
    const c: Client = ioClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    clients.push(c);
    return new Promise<void>((resolve, reject) => {
      c.once('presentation:state', () => resolve());
      c.once('connect_error', reject);
    });
  }));
  return clients;
}

/** Resolves with each client's delay (ms since t0) once every client saw an event matching `match`. */
function receipt<E extends 'presentation:state' | 'presentation:snapshot'>(
  clients: Client[], event: E, match: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean, t0: () => number,
): Promise<number[]> {
  return new Promise((resolve) => {
    const delays: number[] = [];
    for (const c of clients) {
      const on = (p: never) => {
        if (!match(p)) return;
        (c.off as (e: string, fn: unknown) => void)(event, on);
        delays.push(performance.now() - t0());
        if (delays.length === clients.length) resolve(delays);
      };
      (c.on as (e: string, fn: unknown) => void)(event, on);
    }
  });
}

export async function benchMeetingSync(server: ServerProcess, n: number, patches: number) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  await call(server, cookie, 'POST', '/api/presentation', { takeover: true });
  const clients = await connect(server.url, n, cookie);

  const each: number[] = [];
  const all: number[] = [];
  let page: WallPageKey = (await call(server, cookie, 'GET', '/api/presentation')).state.page;
  for (let i = 0; i < patches; i++) {
    const target = WALL_PAGES[(WALL_PAGES.indexOf(page) + 1) % WALL_PAGES.length];
    let t0 = 0;
    const got = receipt(clients, 'presentation:state', (s) => (s as PresentationState | null)?.page === target, () => t0);
    t0 = performance.now();
    await call(server, cookie, 'PATCH', '/api/presentation', { page: target });
    const delays = await got;
    each.push(...delays);
    all.push(Math.max(...delays));
    page = target;
  }

  const snapshot = await call(server, cookie, 'GET', '/api/snapshot');
  const months: string[] = Array.from({ length: Number(snapshot.reportingMonth.slice(5)) }, (_, k) => `${snapshot.campaign.year}-${String(k + 1).padStart(2, '0')}`);
  const freezes: number[] = [];
  for (const month of months.slice(-6)) {
    let t0 = 0;
    const got = receipt(clients, 'presentation:snapshot', (f) => f.month === month, () => t0);
    t0 = performance.now();
    await call(server, cookie, 'PATCH', '/api/presentation', { frozen: month });
    freezes.push(Math.max(...(await got)));
  }
  await call(server, cookie, 'DELETE', '/api/presentation');
  for (const c of clients) c.disconnect();

  const e = summarize(each);
  const a = summarize(all);
  const f = summarize(freezes);
  console.log(`  N = ${n} walls, ${patches} page changes:`);
  console.log(`    PATCH → a wall has the state:         p50 ${ms(e.p50)}, p99 ${ms(e.p99)}`);
  console.log(`    PATCH → every wall has the state:     p50 ${ms(a.p50)}, p99 ${ms(a.p99)}`);
  console.log(`    freeze → every wall has the month-end snapshot (${f.n} months, computed cold): p50 ${ms(f.p50)}, max ${ms(f.max)}`);
}
