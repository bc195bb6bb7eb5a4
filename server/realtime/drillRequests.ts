// Drill-down requests over the wall socket (`projects:list`, `project:card`), answered by acknowledgement.
import type { DrillError } from '../../shared/drill.js';
import { AppError } from '../errors.js';
import type { Deps } from '../services/deps.js';
import { drillCard, drillList, type DrillAsker } from '../services/drill.js';
import { createLimiter, DRILL_RATE, RATE_LIMITED } from './rateLimit.js';
import type { IoSocket } from './io.js';

/** A wall asks one thing at a time; a client flooding requests is told to wait rather than queued. */
const MAX_IN_FLIGHT = 4;

/** Errors a person may read; anything unexpected is logged and answered generically. */
export function drillError(err: unknown, deps: Pick<Deps, 'log'>): DrillError {
  if (err instanceof AppError) {
    // A 422 carries its reason in the fields; the first one reads best on the wall.
    const first = err.fields ? Object.values(err.fields)[0] : undefined;
    return { error: first ?? err.message, ...(err.fields && { fields: err.fields }) };
  }
  deps.log.error({ err }, 'drill-down request failed');
  return { error: '服务器内部错误，请稍后重试' };
}

export function registerDrillHandlers(socket: IoSocket, deps: Deps): void {
  let inFlight = 0;
  // Lists and cards share one bucket: a burst of clicks, then DRILL_RATE.perSecond.
  const limiter = createLimiter(DRILL_RATE);
  // Who asks is fixed at connect (a user's role change ends their sessions).
  const asker: DrillAsker = { role: socket.data.role, unitId: socket.data.unitId };
  const answer = <T>(work: () => Promise<T>, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (r: T | DrillError) => void;
    if (inFlight >= MAX_IN_FLIGHT || !limiter.tryTake()) return reply({ error: RATE_LIMITED });
    inFlight++;
    work()
      .then(reply, (err: unknown) => reply(drillError(err, deps)))
      .finally(() => inFlight--);
  };
  socket.on('projects:list', (query, ack) => answer(() => drillList(deps, asker, query), ack));
  socket.on('project:card', (request, ack) => answer(() => drillCard(deps, asker, request), ack));
}
