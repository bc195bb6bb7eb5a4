import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestInput, OUTPUTS, STAMP, staleReason, whyRebuild } from '../../../scripts/freshness.mjs';

describe('staleReason', () => {
  const newest = { mtimeMs: 1_000, path: 'server/app.ts' };

  it('rebuilds without the outputs or the stamp', () => {
    expect(staleReason({ stampMtimeMs: 2_000, outputsPresent: false, newest })).toMatch(/dist\/ is missing/);
    expect(staleReason({ stampMtimeMs: null, outputsPresent: true, newest })).toMatch(/no build stamp/);
  });

  it('rebuilds when an input is newer than the build, naming it', () => {
    expect(staleReason({ stampMtimeMs: 999, outputsPresent: true, newest })).toMatch(/server\/app\.ts changed/);
  });

  it('starts as built when nothing changed since', () => {
    expect(staleReason({ stampMtimeMs: 1_000, outputsPresent: true, newest })).toBeNull();
    expect(staleReason({ stampMtimeMs: 5_000, outputsPresent: true, newest })).toBeNull();
  });
});

describe('whyRebuild on a tree', () => {
  let root: string;
  const at = (rel: string, seconds: number) => utimesSync(path.join(root, rel), seconds, seconds);
  const write = (rel: string, seconds: number) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), rel);
    at(rel, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'xmdd-fresh-'));
    write('server/app.ts', 100);
    write('server/store/seed.ts', 100);
    write('screen/main.ts', 100);
    write('package.json', 100);
    write('server/node_modules/x.js', 900);
    for (const dir of ['server/store', 'server', 'screen']) at(dir, 100);
    for (const out of OUTPUTS) write(out, 200);
    write(STAMP, 200);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is fresh right after a build (node_modules and dotfiles not counted)', () => {
    expect(newestInput(root).mtimeMs).toBe(100_000);
    expect(whyRebuild(root)).toBeNull();
  });

  it('sees an edited file deep in a folder', () => {
    at('server/store/seed.ts', 300);
    expect(whyRebuild(root)).toMatch(/server\/store\/seed\.ts/);
  });

  it('sees a deleted file by its folder', () => {
    unlinkSync(path.join(root, 'server/store/seed.ts'));
    at('server/store', 300);
    expect(whyRebuild(root)).toMatch(/server\/store changed/);
  });

  it('sees a changed package file, a missing output and a failed build (no stamp)', () => {
    at('package.json', 300);
    expect(whyRebuild(root)).toMatch(/package\.json/);
    at('package.json', 100);
    unlinkSync(path.join(root, 'dist/server/index.js'));
    expect(whyRebuild(root)).toMatch(/dist\/ is missing/);
    write('dist/server/index.js', 200);
    unlinkSync(path.join(root, STAMP));
    expect(whyRebuild(root)).toMatch(/no build stamp/);
  });
});
