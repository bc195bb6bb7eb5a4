// A load balancer as plain as they come: each TCP connection to the next backend in turn, no
// stickiness (HTTP requests and WebSocket upgrades pass through as bytes). A backend refusing the
// connection is skipped for the next, as a balancer's health check would.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  url: string;
  /** Which backend (index) each accepted connection went to, in order. */
  routed: number[];
  close(): Promise<void>;
}

export async function roundRobin(ports: number[]): Promise<RoundRobin> {
  let turn = 0;
  const routed: number[] = [];
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  };

  const server: Server = createServer((client) => {
    track(client);
    client.pause();
    const start = turn++ % ports.length;
    const attempt = (tried: number) => {
      if (tried === ports.length) return client.destroy();
      const index = (start + tried) % ports.length;
      const backend = connect(ports[index], '127.0.0.1');
      track(backend);
      backend.once('error', () => attempt(tried + 1));
      backend.once('connect', () => {
        routed.push(index);
        backend.removeAllListeners('error');
        backend.on('error', () => client.destroy());
        client.on('error', () => backend.destroy());
        backend.on('close', () => client.destroy());
        client.on('close', () => backend.destroy());
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    async close() {
      for (const s of open) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
