// Vitest global setup of the e2e project: builds dist/ (the wall, and the compiled server) once for every
// end-to-end file, unless it is already as fresh as the sources (the rule `npm start` applies).
import { execFileSync } from 'node:child_process';
import { whyRebuild } from '../../scripts/freshness.mjs';

export default function buildScreen() {
  if (whyRebuild(process.cwd())) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
