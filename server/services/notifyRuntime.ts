// The notify worker and scheduler of one process: started by index.ts, stopped by app.close(),
// driven step by step in tests (sendDue / schedule with the test's clock).
import { storeId } from '../store/open.js';
import type { Deps } from './deps.js';
import { runSchedule } from './notifySchedule.js';
import { sealerFor, type Sealer } from './notifySecrets.js';
import { sendDue, type SendReport } from './notifyWorker.js';

export interface NotifyOptions {
  /** NOTIFY_SECRET_KEY; without it a key is derived from the store's id. */
  secretKey?: string;
  /** Base of the links in messages (PUBLIC_URL), e.g. http://192.168.1.10:3000 */
  publicUrl?: string;
  /** How long a robot may take to answer (default 10 s). */
  timeoutMs?: number;
  /** How often the worker looks for due notices (default 2 s). */
  pollMs?: number;
}

export interface NotifyRuntime {
  sealer(): Promise<Sealer>;
  /** One pass of the worker: claim, send and record what is due at `now`. */
  sendDue(now?: Date): Promise<SendReport>;
  /** One pass of the scheduler: reminders and digests due at `now`. */
  schedule(now?: Date): Promise<number>;
  start(): void;
  /** Stops the timers; a pass in flight finishes the message it is posting and gives back the rest. */
  stop(): Promise<void>;
}

export function notifyRuntime(deps: Deps, opts: NotifyOptions = {}): NotifyRuntime {
  let sealer: Promise<Sealer> | null = null;
  let stopping = false;
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const scheduled = new Set<string>();
  const ctx = {
    sealer: () => (sealer ??= storeId(deps.db).then((id) => sealerFor(opts.secretKey, id))),
    publicUrl: opts.publicUrl ?? 'http://localhost:3000',
    timeoutMs: opts.timeoutMs ?? 10_000,
    stopping: () => stopping,
  };
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };
  /** A timer's pass: never two at once, errors logged (a store outage must not end the process). */
  const every = (ms: number, name: string, pass: () => Promise<unknown>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running || stopping) return;
      running = true;
      track(pass())
        .catch((err) => deps.log.error({ err }, `notify ${name} failed`))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    timers.push(timer);
  };

  return {
    sealer: ctx.sealer,
    sendDue: (now) => track(sendDue(deps, ctx, now ?? deps.clock())),
    schedule: (now) => track(runSchedule(deps, now ?? deps.clock(), scheduled)),
    start() {
      every(opts.pollMs ?? 2_000, 'worker', () => sendDue(deps, ctx, deps.clock()));
      every(60_000, 'schedule', () => runSchedule(deps, deps.clock(), scheduled));
    },
    async stop() {
      stopping = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...inFlight]);
    },
  };
}
