// Lateness depends on the calendar too: the rules re-run when the date in China moves on (once for
// the day across the deployment's processes: the first to ask runs it).
import { chinaDate } from '../../shared/dates.js';
import { refreshCampaign } from './change.js';
import type { Deps } from './deps.js';

/** Checks the date every `everyMs`; returns the stop. The timer does not keep the process alive. */
export function watchDayTurn(deps: Deps, everyMs = 60_000): () => void {
  let lastDay = chinaDate(deps.clock());
  const timer = setInterval(() => {
    const today = chinaDate(deps.clock());
    if (today === lastDay) return;
    lastDay = today;
    refreshCampaign(deps, { onceForDay: today }).catch((err) => deps.log.error({ err }, 'daily refresh failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
