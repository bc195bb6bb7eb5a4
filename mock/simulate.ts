// `npm run simulate`: submits monthly reports through the public HTTP API, exactly as a unit would.
// Options: BASE_URL, SIM_USER / SIM_PASSWORD (else ADMIN_USERNAME / ADMIN_PASSWORD, else admin/admin),
// --interval ms (3000), --count N (unlimited), --seed n.
import { parseArgs } from 'node:util';
import type { ApiError } from '../shared/schemas.js';
import type { Snapshot } from '../shared/snapshot.js';
import type { Project } from '../shared/types.js';
import { createRng } from '../server/demo/random.js';
import { planNextReport, sentKey, type PlannedReport } from './simulatePlan.js';

class SimError extends Error {}

const { values } = parseArgs({
  options: { interval: { type: 'string', default: '3000' }, count: { type: 'string' }, seed: { type: 'string' } },
});
const base = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const username = process.env.SIM_USER ?? process.env.ADMIN_USERNAME ?? 'admin';
const password = process.env.SIM_PASSWORD ?? process.env.ADMIN_PASSWORD ?? 'admin';
const interval = Number(values.interval);
const count = values.count === undefined ? Infinity : Number(values.count);
const seed = values.seed === undefined ? Date.now() >>> 0 : Number(values.seed);
if (!(interval >= 0) || !(count > 0) || !Number.isFinite(seed)) fail('参数无效：--interval 须为非负毫秒数，--count 须为正整数，--seed 须为数字');

const rng = createRng(seed);
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());

let cookie = '';
const sent = new Set<string>();
let submitted = 0;

function log(text: string): void {
  console.log(`[${new Date().toLocaleTimeString('zh-CN', { hour12: false })}] ${text}`);
}

function fail(text: string): never {
  console.error(text);
  process.exit(1);
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, ...init.headers } });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new SimError(`无法连接服务器 ${base}（${cause?.code ?? cause?.message ?? String(err)}），请确认服务已启动（npm start）`);
  }
}

async function errorText(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as ApiError | null;
  const fields = body?.error.fields ? `：${Object.values(body.error.fields).join('；')}` : '';
  return `HTTP ${res.status} ${body?.error.message ?? res.statusText}${fields}`;
}

async function login(): Promise<void> {
  const res = await request('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new SimError(`登录失败（用户 ${username}）：${await errorText(res)}。请设置 SIM_USER / SIM_PASSWORD`);
  cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new SimError('登录成功但服务器未返回会话 Cookie');
}

async function getJson<T>(path: string, retried = false): Promise<T> {
  const res = await request(path);
  if (res.status === 401 && !retried) {
    await login();
    return getJson(path, true);
  }
  if (!res.ok) throw new SimError(`读取 ${path} 失败：${await errorText(res)}`);
  return (await res.json()) as T;
}

async function tick(): Promise<void> {
  const [projects, snapshot] = await Promise.all([getJson<Project[]>('/api/projects'), getJson<Snapshot>('/api/snapshot')]);
  const plan: PlannedReport | null = planNextReport(projects, snapshot, rng, sent);
  if (!plan) {
    log(`${snapshot.reportingMonth} 暂无可报送的在建项目`);
    return;
  }
  const res = await request(`/api/projects/${plan.projectId}/reports`, { method: 'POST', body: JSON.stringify(plan.payload) });
  sent.add(sentKey(plan.projectId, plan.payload.month));
  if (res.status === 201) {
    submitted++;
    log(plan.line);
  } else {
    log(`报送被拒绝（项目 ${plan.projectId}）：${await errorText(res)}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      stop.signal.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    stop.signal.addEventListener('abort', wake);
  });
}

async function main(): Promise<void> {
  await login();
  log(`已登录 ${base}（${username}），每 ${interval} 毫秒报送一条${Number.isFinite(count) ? `，共 ${count} 条` : ''}，种子 ${seed}`);
  while (!stop.signal.aborted && submitted < count) {
    try {
      await tick();
    } catch (err) {
      // Once running, a restarting server is a reason to wait, not to quit.
      if (!(err instanceof SimError)) throw err;
      log(err.message);
    }
    if (submitted < count) await sleep(interval);
  }
  log(`模拟结束，共报送 ${submitted} 条`);
}

main().catch((err: unknown) => fail(err instanceof SimError ? err.message : `模拟器出错：${String(err)}`));
