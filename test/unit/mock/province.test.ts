import { describe, expect, it } from 'vitest';
import { provinceLedger } from '../../../server/demo/province.js';

describe('provinceLedger', () => {
  it('builds the requested number of projects with history, codes unique', () => {
    const ledger = provinceLedger({ projects: 2_000, seed: 1 });
    expect(ledger.projects).toHaveLength(2_000);
    expect(new Set(ledger.projects.map((p) => p.code)).size).toBe(2_000);
    expect(ledger.reports.length).toBeGreaterThan(5_000);
    expect(ledger.domains).toHaveLength(6);
    expect(ledger.domains.every((d) => d.target > 0)).toBe(true);
  });

  it('scales to the benchmark size', { timeout: 120_000 }, () => {
    const ledger = provinceLedger({ projects: 15_000 });
    expect(ledger.projects).toHaveLength(15_000);
    expect(ledger.projects[14_999].code).toBe('JX2021-15000');
    expect(ledger.reports.length).toBeGreaterThan(50_000);
  });
});
