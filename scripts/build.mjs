// `npm run build`: the server (TypeScript → dist/server, dist/shared) and the wall (Vite →
// dist/screen), then the stamp `npm start` compares the sources with.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { STAMP } from './freshness.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const started = new Date();

/** Runs a package's own script with this Node. @param {string} pkg @param {string} bin @param {string[]} args */
const run = (pkg, bin, args) =>
  execFileSync(process.execPath, [path.join(path.dirname(require.resolve(`${pkg}/package.json`)), bin), ...args], { cwd: root, stdio: 'inherit' });

// A failed build leaves no stamp, so the next start builds again.
rmSync(path.join(root, STAMP), { force: true });
for (const dir of ['server', 'shared', 'mock']) rmSync(path.join(root, 'dist', dir), { recursive: true, force: true });
run('typescript', 'bin/tsc', ['-p', 'tsconfig.server.json']);
run('vite', 'bin/vite.js', ['build', '--logLevel', 'warn']);
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, STAMP), `${started.toISOString()}\n`);
utimesSync(path.join(root, STAMP), started, started);
console.log(`构建完成 / built in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s: dist/server/index.js, dist/screen/`);
