// One build at a time in a checkout: several processes started at once (systemd instances, a
// cluster) must not build into one dist/ together.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Older than any build: a lock left by a killed build is taken over. */
export const STALE_LOCK_MS = 10 * 60_000;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` holding the checkout's build lock (mkdir is atomic), waiting while another process holds it.
 * @template T
 * @param {string} root
 * @param {() => T | Promise<T>} fn
 * @param {{ pollMs?: number; staleMs?: number }} [opts]
 * @returns {Promise<T>}
 */
export async function withBuildLock(root, fn, { pollMs = 500, staleMs = STALE_LOCK_MS } = {}) {
  const lock = path.join(root, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > staleMs) rmSync(lock, { recursive: true, force: true });
      else await sleep(pollMs);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
