// The demo ledger by profile: 弋阳县 2020 or 上犹县 2021.
import type { LedgerSeed } from '../server/domain/ledger.js';
import { shangyouDemo } from './shangyou.js';
import { yiyangDemo } from './yiyang.js';

export type DemoProfile = 'yiyang' | 'shangyou';

export const DEMO_PROFILES: readonly DemoProfile[] = ['yiyang', 'shangyou'];

export function demoLedger(profile: DemoProfile, opts: { seed?: number; today?: string } = {}): LedgerSeed {
  switch (profile) {
    case 'yiyang':
      return yiyangDemo(opts);
    case 'shangyou':
      return shangyouDemo(opts);
    default:
      throw new Error(`unknown demo profile: ${String(profile)}`);
  }
}
