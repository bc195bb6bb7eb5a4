// The county map over the wall socket (`map:request`), answered by acknowledgement.
import type { MapData } from '../../shared/map.js';
import { AppError } from '../errors.js';
import { mapData } from '../services/countyMap.js';
import type { Deps } from '../services/deps.js';
import { createLimiter, MAP_FULL_RATE, MAP_POINTS_RATE, RATE_LIMITED } from './rateLimit.js';
import type { IoSocket } from './io.js';

/** A wall asks about once a minute; one request at a time per socket is plenty. */
const MAX_IN_FLIGHT = 2;

/** Errors a person may read (a 422's first field reads best); anything unexpected is logged. */
function mapError(err: unknown, deps: Deps): { error: string } {
  if (err instanceof AppError) return { error: (err.fields && Object.values(err.fields)[0]) ?? err.message };
  deps.log.error({ err }, 'map request failed');
  return { error: '服务器内部错误，请稍后重试' };
}

export function registerMapHandlers(socket: IoSocket, deps: Deps): void {
  let inFlight = 0;
  // Every request takes from the points bucket; one answered with the GeoJSON (megabytes) from the map's too.
  const points = createLimiter(MAP_POINTS_RATE);
  const full = createLimiter(MAP_FULL_RATE);
  socket.on('map:request', (request, ack) => {
    // A client may send only the callback.
    const [req, reply] = typeof request === 'function' ? [{}, request as unknown] : [request, ack as unknown];
    if (typeof reply !== 'function') return;
    const answer = reply as (r: MapData | { error: string }) => void;
    if (inFlight >= MAX_IN_FLIGHT || !points.tryTake()) return answer({ error: RATE_LIMITED });
    inFlight++;
    mapData(deps, req, { mayIncludeMap: () => full.tryTake() })
      .then(answer, (err: unknown) => answer(mapError(err, deps)))
      .finally(() => inFlight--);
  });
}
