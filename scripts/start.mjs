// `npm start`: builds only when dist/ is missing or older than the sources, then runs the compiled
// server with plain Node in this process (signals reach its shutdown handlers directly).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withBuildLock } from './buildLock.mjs';
import { whyRebuild } from './freshness.mjs';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'dist/server/index.js');

/** The build needs the dev dependencies; a production install (npm ci --omit=dev) has none. */
function canBuild() {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    require.resolve('typescript/package.json');
    require.resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}

const reason = whyRebuild(root);
if (reason && canBuild()) {
  // Several processes started at once build once: the others wait, then find dist/ fresh.
  await withBuildLock(root, () => {
    const still = whyRebuild(root);
    if (!still) return;
    console.log(`构建中（${still}）…`);
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  });
} else if (reason && existsSync(entry)) {
  console.warn(`未安装构建工具，按现有 dist/ 启动（${reason}） / build tools not installed, starting the existing dist/`);
} else if (reason) {
  console.error('未找到 dist/：请先在装有开发依赖的环境中运行 npm run build / dist/ not found: run `npm run build` first');
  process.exit(1);
}

process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
