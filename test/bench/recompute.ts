// Aggregate recompute time: the pure domain over the demo county and a province-scale ledger, in
// full and as a report's change recomputes it (one project changed, the others' facts reused).
import { performance } from 'node:perf_hooks';
import { computeSummary } from '../../server/domain/aggregates.js';
import { liveAsOf } from '../../server/domain/asOf.js';
import { campaignAsOf, recomputeCampaignAsOf } from '../../server/domain/monthEnd.js';
import { demoLedger } from '../../server/demo/demo.js';
import { provinceLedger } from '../../server/demo/province.js';
import { seedToLedgerInput } from './ledgerInput.js';
import { ms, summarize } from './stats.js';

type Input = ReturnType<typeof seedToLedgerInput>;

function report(label: string, samples: number[]) {
  const s = summarize(samples);
  console.log(`  ${label}: p50 ${ms(s.p50)}, p99 ${ms(s.p99)} over ${s.n} runs`);
}

function timed(runs: number, run: (i: number) => void): number[] {
  run(0); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

function time(label: string, input: Input, runs: number) {
  console.log(`  ${label} (${input.projects.length} projects, ${input.plans.length} plan rows, ${input.monthly.length} report rows)`);
  report('computeSummary, full', timed(runs, () => computeSummary(input)));
  const asOf = liveAsOf(input.today);
  report('campaignAsOf (live figures and the month-end ranking), full', timed(Math.max(3, runs >> 1), () => campaignAsOf(input, asOf)));
  // A report's change: one project read afresh (a new object), the memo of the version before.
  let memo = recomputeCampaignAsOf(input, asOf, null).memo;
  report('campaignAsOf, one project changed', timed(runs * 5, (i) => {
    const changed = input.projects[(i * 7919) % input.projects.length];
    const ledger = { ...input, projects: input.projects.map((p) => (p === changed ? { ...p } : p)) };
    memo = recomputeCampaignAsOf(ledger, asOf, { memo, changed: new Set([changed.id]) }).memo;
  }));
}

export function benchRecompute() {
  console.log('Aggregate recompute (computeSummary, pure, in memory)');
  time('demo county 弋阳县', seedToLedgerInput(demoLedger('yiyang', {})), 200);
  const t = performance.now();
  const province = seedToLedgerInput(provinceLedger({ projects: 15_000 }));
  console.log(`  (province ledger generated in ${ms(performance.now() - t)})`);
  time('province 15,000 projects', province, 20);
}
