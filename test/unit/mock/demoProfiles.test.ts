import { describe, expect, it } from 'vitest';
import { demoLedger, PROVINCE_DEMO_PROJECTS } from '../../../server/demo/demo.js';
import { PROVINCE_TODAY } from '../../../server/demo/province.js';
import { loadConfig } from '../../../server/config.js';

describe('the province demo profile', () => {
  it('is a DEMO_PROFILE the configuration accepts; unknown profiles are refused', () => {
    expect(loadConfig({ DEMO_PROFILE: 'province' }).DEMO_PROFILE).toBe('province');
    expect(loadConfig({}).DEMO_PROFILE).toBe('yiyang');
    expect(() => loadConfig({ DEMO_PROFILE: 'nation' })).toThrow(/DEMO_PROFILE/);
  });

  // Generating 15,000 projects with their history is seconds of CPU: a generous limit, not a speed check.
  it("loads the benchmark's 15,000-project ledger with the demo's own date, as the county profiles do", { timeout: 120_000 }, () => {
    const seed = demoLedger('province', { seed: 2020 });
    expect(seed.projects).toHaveLength(PROVINCE_DEMO_PROJECTS);
    expect(PROVINCE_DEMO_PROJECTS).toBe(15_000);
    expect(seed.campaign).toMatchObject({ county: '江西省', year: 2021, frozenToday: PROVINCE_TODAY });
    expect(seed.countyMap).toBeNull();
    expect(demoLedger('province', { today: '2021-06-30' }).campaign.frozenToday).toBe('2021-06-30');
  });
});
