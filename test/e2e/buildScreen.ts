// Vitest global setup of the e2e project: builds the screen once for every end-to-end file.
import { execFileSync } from 'node:child_process';

export default function buildScreen() {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
