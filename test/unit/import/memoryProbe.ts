// Run in a child process by readers.test.ts: reads one upload as the ledger import does (the sheet
// chosen, every row planned) and prints how far the process's peak memory rose over its idle level.
// `generate <xlsx|xls> <rows> <columns> <file>` writes the large file instead (in its own process,
// so the test's worker does not grow by what generating costs).
import { readFileSync, writeFileSync } from 'node:fs';
import { LEDGER_FIELDS } from '../../../server/import/fields.js';
import { findHeader } from '../../../server/import/header.js';
import { planLedgerImport } from '../../../server/import/ledgerRows.js';
import { readSheet } from '../../../server/services/sheetFile.js';

import { largeXls, largeXlsx } from '../../fixtures/largeSheets.js';

if (process.argv[2] === 'generate') {
  const [, , , kind, rows, columns, file] = process.argv;
  writeFileSync(file, kind === 'xls' ? largeXls(Number(rows)) : await largeXlsx(Number(rows), Number(columns)));
  process.exit(0);
}

/**
 * The peak resident size of this process in bytes: VmHWM belongs to the process image (it starts
 * afresh at exec, unlike getrusage's maxRSS, which Linux carries over from the forking parent).
 */
function peakRss(): number {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch { /* not Linux */ }
  return process.resourceUsage().maxRSS * 1024;
}

const body = readFileSync(process.argv[2]);
// Idle: modules loaded and the upload in memory, as when a request body has arrived.
global.gc?.();
const idle = process.memoryUsage().rss;
const read = await readSheet(body, (s) => (findHeader(s.rows, LEDGER_FIELDS, 'name') ? 2 : 0));
const plan = planLedgerImport(read.sheet, {
  year: 2027, today: '2027-03-15', domains: [{ id: 1, code: 'industry', name: '工业' }], levels: [], units: [], leaders: [], projects: [],
})!;
const peak = peakRss();
process.stdout.write(JSON.stringify({ rows: plan.rows.length, creates: plan.preview.counts.create, sheet: read.sheet.name, overIdle: peak - idle, idle, peak }));
