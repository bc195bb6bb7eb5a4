// Debian's Chromium driven by playwright-core; nothing is downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'test/artifacts';

export function hasChromium(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok) console.warn(`${CHROMIUM} not found: end-to-end tests are SKIPPED (apt-get install chromium fonts-noto-cjk)`);
  return ok;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
