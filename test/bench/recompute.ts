// Aggregate recompute time: the pure domain over the demo county and a province-scale ledger.
import { performance } from 'node:perf_hooks';
import { computeSummary } from '../../server/domain/aggregates.js';
import { demoLedger } from '../../server/demo/demo.js';
import { provinceLedger } from '../../server/demo/province.js';
import { seedToLedgerInput } from './ledgerInput.js';
import { ms, summarize } from './stats.js';

function time(label: string, input: ReturnType<typeof seedToLedgerInput>, runs: number) {
  computeSummary(input); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    computeSummary(input);
    samples.push(performance.now() - t);
  }
  const s = summarize(samples);
  console.log(`  ${label}: p50 ${ms(s.p50)}, p99 ${ms(s.p99)} over ${s.n} runs ` +
    `(${input.projects.length} projects, ${input.plans.length} plan rows, ${input.monthly.length} report rows)`);
}

export function benchRecompute() {
  console.log('Aggregate recompute (computeSummary, pure, in memory)');
  time('demo county 弋阳县', seedToLedgerInput(demoLedger('yiyang', {})), 200);
  const t = performance.now();
  const province = seedToLedgerInput(provinceLedger({ projects: 15_000 }));
  console.log(`  (province ledger generated in ${ms(performance.now() - t)})`);
  time('province 15,000 projects', province, 20);
}
