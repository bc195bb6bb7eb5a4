// The demo ledger by profile: 弋阳县 2020 or 上犹县 2021, each with its county map.
import type { LedgerSeed } from '../server/domain/ledger.js';
import { demoCountyMap } from './maps/index.js';
import { shangyouDemo } from './shangyou.js';
import { yiyangDemo } from './yiyang.js';

export type DemoProfile = 'yiyang' | 'shangyou';

export const DEMO_PROFILES: readonly DemoProfile[] = ['yiyang', 'shangyou'];

export function demoLedger(profile: DemoProfile, opts: { seed?: number; today?: string } = {}): LedgerSeed {
  switch (profile) {
    case 'yiyang':
      return { ...yiyangDemo(opts), countyMap: demoCountyMap('弋阳县') };
    case 'shangyou':
      return { ...shangyouDemo(opts), countyMap: demoCountyMap('上犹县') };
    default:
      throw new Error(`unknown demo profile: ${String(profile)}`);
  }
}
