// Import time of a province-scale ledger (server/demo/province.ts, 15,000 projects) through the real HTTP
// path, preview and commit, while a wall client keeps asking the server for its health: the longest
// wait shows whether the import blocked the event loop.
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { provinceLedger } from '../../server/demo/province.js';
import type { ServerProcess } from '../e2e/serverProcess.js';
import { E2E_ADMIN } from '../e2e/serverProcess.js';
import { mib, ms, summarize } from './stats.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function provinceSheet(projects: number, domains: string[]): Promise<Buffer> {
  const seed = provinceLedger({ projects });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([`${seed.campaign.title}重点项目台账`]);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '项目名称', '领域', '责任单位', '总投资（万元）', '年度计划投资（万元）', '计划开工时间', '计划竣工时间', '所在乡镇', '建设内容']);
  seed.projects.forEach((p, i) => {
    ws.addRow([i + 1, `${p.name}（导入）`, domains[i % domains.length], p.unit, (p.totalInvestment / 10_000).toLocaleString('en-US'),
      p.annualPlan / 10_000, p.plannedStart, p.plannedCompletion, p.township, p.content]);
  });
  ws.addRow(['合计']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fresh connection per upload: a kept-alive one may be closed by the server just as it is reused. */
function upload(url: string, cookie: string, body: Buffer): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { cookie, 'content-type': XLSX, 'content-length': body.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls /api/health until stopped; returns every round trip's time. */
function probe(url: string) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await new Promise<void>((resolve) => {
        request(`${url}/api/health`, { agent: false }, (res) => res.resume().on('end', resolve)).on('error', () => resolve()).end();
      });
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return { async stop() { running = false; await loop; return samples; } };
}

export async function benchImport(server: ServerProcess, projects = 15_000): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const domains = ((await (await fetch(`${server.url}/api/domains`, { headers: { cookie } })).json()) as { name: string }[]).map((d) => d.name);
  let t = performance.now();
  const body = await provinceSheet(projects, domains);
  console.log(`  (sheet of ${projects.toLocaleString('en-US')} rows generated in ${ms(performance.now() - t)}, ${mib(body.length)})`);
  const send = async (dryRun: boolean) => {
    const started = performance.now();
    const { status, json } = await upload(`${server.url}/api/imports/ledger?dryRun=${dryRun ? 1 : 0}`, cookie, body);
    if (status >= 300) throw new Error(`import failed: ${status} ${JSON.stringify(json).slice(0, 300)}`);
    return { time: performance.now() - started, json };
  };
  for (const dryRun of [true, false]) {
    const health = probe(server.url);
    t = performance.now();
    const { time, json } = await send(dryRun);
    const waits = summarize(await health.stop());
    console.log(`  ${dryRun ? 'preview (dry run)' : 'commit'}: ${ms(time)} — ${JSON.stringify(json.counts)}; ` +
      `/api/health meanwhile: p50 ${ms(waits.p50)}, max ${ms(waits.max)} over ${waits.n} requests`);
  }
}
