// The OpenAPI document against the routes the server really mounts, read from the router sources
// as text: every mounted route is documented, nothing else is, and every $ref resolves.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openapi } from '../../server/http/openapi.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

/** Router factory name → the prefixes app.ts mounts it under. */
function mounts(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, prefix, factory] of read('server/app.ts').matchAll(/app\.use\(\s*'([^']+)'\s*,\s*(\w+)\(/g)) {
    found.set(factory, [...(found.get(factory) ?? []), prefix]);
  }
  return found;
}

/** 'METHOD /path' for every route of every mounted router, in OpenAPI's {param} style. */
function mountedRoutes(): Set<string> {
  const prefixes = mounts();
  const routes = new Set<string>();
  const files = readdirSync(path.join(root, 'server/http')).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    // A file may hold several routers (reports.ts): each route belongs to the function above it.
    for (const chunk of read(`server/http/${file}`).split(/(?=export function )/)) {
      const factory = chunk.match(/^export function (\w+)/)?.[1];
      if (!factory || !prefixes.has(factory)) continue;
      for (const [, method, route] of chunk.matchAll(/router\.(get|post|patch|put|delete)\(\s*'([^']*)'/g)) {
        for (const prefix of prefixes.get(factory)!) {
          const full = (prefix + route).replace(/\/$/, '').replace(/:(\w+)/g, '{$1}');
          routes.add(`${method.toUpperCase()} ${full}`);
        }
      }
    }
  }
  return routes;
}

const spec = openapi as unknown as {
  paths: Record<string, Record<string, { summary?: string; description?: string; responses?: Record<string, unknown>; parameters?: { $ref?: string; in?: string; name?: string }[] }>>;
};
const operations = Object.entries(spec.paths).flatMap(([p, item]) =>
  Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, path: p, method, op })),
);

function resolve(ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], openapi);
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('openapi', () => {
  it('documents every route the server mounts, and no other', () => {
    const mounted = mountedRoutes();
    expect(mounted.size).toBeGreaterThan(30);
    const documented = new Set(operations.map((o) => o.key));
    expect([...mounted].filter((r) => !documented.has(r)).sort(), 'mounted but not documented').toEqual([]);
    expect([...documented].filter((r) => !mounted.has(r)).sort(), 'documented but not mounted').toEqual([]);
  });

  it('gives every operation a summary, its roles and its responses', () => {
    for (const { key, method, op } of operations) {
      expect(METHODS, key).toContain(method);
      expect(op.summary, key).toMatch(/\S/);
      expect(op.description, key).toMatch(/^(Roles: |Public: )/);
      expect(Object.keys(op.responses ?? {}).length, key).toBeGreaterThan(0);
      expect(Object.keys(op.responses ?? {}).some((s) => s.startsWith('2')), key).toBe(true);
    }
  });

  it('declares every path parameter', () => {
    for (const { key, path: p, op } of operations) {
      const declared = (op.parameters ?? []).map((param) => (param.$ref ? (resolve(param.$ref) as typeof param) : param)).filter((param) => param.in === 'path');
      const inTemplate = [...p.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(declared.map((param) => param.name).sort(), key).toEqual(inTemplate.sort());
    }
  });

  it('resolves every $ref', () => {
    const refs = refsIn(openapi);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(resolve(ref), ref).toBeDefined();
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(openapi))).toEqual(openapi);
  });
});
