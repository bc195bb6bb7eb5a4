// The demo ledger by profile: 弋阳县 2020 or 上犹县 2021, each with its county map, or a province-scale
// ledger (江西省 2021, 15,000 projects, no map) to try the platform at scale.
import type { LedgerSeed } from '../domain/ledger.js';
import { demoCountyMap } from './maps/index.js';
import { provinceLedger } from './province.js';
import { shangyouDemo } from './shangyou.js';
import { yiyangDemo } from './yiyang.js';

export type DemoProfile = 'yiyang' | 'shangyou' | 'province';

/** The county demos, each with its own map; tests go through them all (the province is tested on its own). */
export const DEMO_PROFILES: readonly DemoProfile[] = ['yiyang', 'shangyou'];

/** Projects in the province profile: the benchmark's size. */
export const PROVINCE_DEMO_PROJECTS = 15_000;

export function demoLedger(profile: DemoProfile, opts: { seed?: number; today?: string } = {}): LedgerSeed {
  switch (profile) {
    case 'yiyang':
      return { ...yiyangDemo(opts), countyMap: demoCountyMap('弋阳县') };
    case 'shangyou':
      return { ...shangyouDemo(opts), countyMap: demoCountyMap('上犹县') };
    case 'province':
      return { ...provinceLedger({ ...opts, projects: PROVINCE_DEMO_PROJECTS }), countyMap: null };
    default:
      throw new Error(`unknown demo profile: ${String(profile)}`);
  }
}
