// `npm start` as production runs it: the compiled dist/ (built once by the global setup) under plain Node.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whyRebuild } from '../../scripts/freshness.mjs';
import { startServer, type ServerProcess } from './serverProcess.js';

/** The packages the compiled server imports (bare specifiers, node: builtins aside). */
function packagesImported(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const specs = [
      ...code.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"\n]+)['"]/gm),
      ...code.matchAll(/^\s*import\s*['"]([^'"\n]+)['"]/gm),
      ...code.matchAll(/\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g),
    ].map((m) => m[1]);
    for (const spec of specs) {
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      found.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return found;
}

describe('the compiled server (npm start)', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    expect(whyRebuild(process.cwd())).toBeNull();
    server = await startServer({}, { compiled: true });
  });
  afterAll(async () => {
    await server?.stop();
    server?.remove();
  });

  it('starts the demo county from a fresh dist/ without building', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'pglite', storeConnected: true, today: '2020-11-20' });
    expect(server.output()).not.toMatch(/构建/);
    expect((await fetch(`${server.url}/`)).headers.get('content-type')).toMatch(/text\/html/);
  });

  it('restarts on its store', async () => {
    const started = Date.now();
    await server.restart();
    // The goal is 3 s on an idle machine: reported, not asserted (a loaded machine must not fail it;
    // restart() itself gives up after a minute).
    console.log(`compiled server restarted to a healthy /api/health in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('imports at run time only packages a production install keeps (npm ci --omit=dev)', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    // The demo counties are part of the server (server/demo); mock/ (the simulator) is not built.
    const used = new Set(['server', 'shared'].flatMap((dir) => [...packagesImported(path.join('dist', dir))]));
    expect(used).toContain('express');
    expect([...used].filter((name) => !(name in dependencies))).toEqual([]);
  });
});
