// Processes started at once build one after the other, and a killed build's lock does not block.
import { mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../../../scripts/buildLock.mjs';

describe('the build lock', () => {
  it('runs the builds of processes started together one after the other', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withBuildLock(root, async () => {
      log.push('first starts');
      await gate;
      log.push('first ends');
    }, { pollMs: 5 });
    const second = withBuildLock(root, () => log.push('second'), { pollMs: 5 });
    // The second waits on the lock however long the first takes.
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['first starts', 'first ends', 'second']);
  });

  it('takes over a lock left by a build that was killed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const lock = path.join(root, '.build-lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(await withBuildLock(root, () => 'built', { pollMs: 5, staleMs: 30_000 })).toBe('built');
  });

  it('releases the lock when the build fails', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lock-'));
    await expect(withBuildLock(root, () => { throw new Error('tsc failed'); })).rejects.toThrow('tsc failed');
    expect(await withBuildLock(root, () => 'again')).toBe('again');
  });
});
