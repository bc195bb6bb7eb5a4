// Whether dist/ still matches the sources: the rule `npm start` uses to decide on a rebuild.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the build reads: a change to any of these (a file edited, added or deleted) calls for a rebuild. */
export const BUILD_INPUTS = [
  'server', 'shared', 'mock', 'screen',
  'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.server.json', 'vite.config.ts', 'scripts/build.mjs',
];

/** Written by the build last, with the time the build started as its mtime. */
export const STAMP = 'dist/.build-stamp';

/** What the start needs from dist/. */
export const OUTPUTS = ['dist/server/index.js', 'dist/screen/index.html'];

/**
 * The newest modification time (ms) under the given paths, relative to root, and the path that has it.
 * Folders count too: deleting or renaming a file changes its folder's mtime. Missing paths are skipped.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @returns {{ mtimeMs: number; path: string | null }}
 */
export function newestInput(root, inputs = BUILD_INPUTS) {
  let newest = { mtimeMs: 0, path: /** @type {string | null} */ (null) };
  /** @param {string} rel */
  const visit = (rel) => {
    let st;
    try {
      st = statSync(path.join(root, rel));
    } catch {
      return;
    }
    if (st.mtimeMs > newest.mtimeMs) newest = { mtimeMs: st.mtimeMs, path: rel };
    if (!st.isDirectory()) return;
    for (const name of readdirSync(path.join(root, rel))) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      visit(path.join(rel, name));
    }
  };
  for (const rel of inputs) visit(rel);
  return newest;
}

/**
 * Why dist/ must be rebuilt, or null when it is fresh: a missing output or stamp, or an input newer than
 * the stamp (the build's start, so an edit made while it ran is not missed).
 * @param {{ stampMtimeMs: number | null; outputsPresent: boolean; newest: { mtimeMs: number; path: string | null } }} state
 * @returns {string | null}
 */
export function staleReason({ stampMtimeMs, outputsPresent, newest }) {
  if (!outputsPresent) return 'dist/ 不完整 / dist/ is missing';
  if (stampMtimeMs === null) return '没有构建记录 / no build stamp';
  if (newest.mtimeMs > stampMtimeMs) return `${newest.path} 比上次构建新 / ${newest.path} changed since the last build`;
  return null;
}

/**
 * The rule applied to the tree at root.
 * @param {string} root
 * @returns {string | null}
 */
export function whyRebuild(root) {
  let stampMtimeMs = null;
  try {
    stampMtimeMs = statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    // never built, or the last build failed
  }
  const outputsPresent = OUTPUTS.every((rel) => {
    try {
      return statSync(path.join(root, rel)).isFile();
    } catch {
      return false;
    }
  });
  return staleReason({ stampMtimeMs, outputsPresent, newest: newestInput(root) });
}
