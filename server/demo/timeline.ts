// Planned and actual start/completion dates for a demo project, by the kind of year it has.
import type { Rng } from './random.js';

/**
 * cont: started in an earlier year, completes after this one · finish: started earlier, completes this year
 * slip: should complete this year but runs months late · new: starts this year, completes later
 * quick: starts and completes this year · late: due to start this year, has not (开工逾期)
 * future: starts at the very end of the year
 */
export type TimelineKind = 'cont' | 'finish' | 'slip' | 'new' | 'quick' | 'late' | 'future';

export interface Timeline {
  plannedStart: string;
  plannedCompletion: string;
  /** When the project actually starts / completes (may lie after "today", or never). */
  start: string | null;
  completion: string | null;
}

export function dateIn(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return dateIn(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

// Module-level helpers, not closures: province-scale ledgers build a timeline per project.
function day(rng: Rng): number {
  return rng.int(1, 28);
}

function earlierStart(year: number, rng: Rng): string {
  return rng.chance(0.4) ? dateIn(year - 2, rng.int(3, 12), day(rng)) : dateIn(year - 1, rng.int(1, 11), day(rng));
}

function laterEnd(year: number, rng: Rng): string {
  return dateIn(year + rng.int(1, 2), rng.int(1, 12), day(rng));
}

export function makeTimeline(kind: TimelineKind, year: number, rng: Rng): Timeline {
  switch (kind) {
    case 'cont': {
      const start = earlierStart(year, rng);
      return { plannedStart: addDays(start, -rng.int(0, 20)), plannedCompletion: laterEnd(year, rng), start, completion: null };
    }
    case 'finish':
    case 'slip': {
      const start = earlierStart(year, rng);
      const plannedCompletion = kind === 'finish' ? dateIn(year, rng.int(4, 12), day(rng)) : dateIn(year, rng.int(5, 9), day(rng));
      const completion = kind === 'finish' ? later(addDays(plannedCompletion, -rng.int(0, 12)), start) : addDays(plannedCompletion, rng.int(70, 150));
      return { plannedStart: start, plannedCompletion, start, completion };
    }
    case 'new': {
      const plannedStart = dateIn(year, rng.int(3, 9), day(rng));
      return { plannedStart, plannedCompletion: laterEnd(year, rng), start: addDays(plannedStart, rng.int(0, 15)), completion: null };
    }
    case 'quick': {
      const startMonth = rng.int(2, 5);
      const plannedStart = dateIn(year, startMonth, day(rng));
      const plannedCompletion = dateIn(year, rng.int(startMonth + 4, 12), day(rng));
      const start = addDays(plannedStart, rng.int(0, 10));
      return { plannedStart, plannedCompletion, start, completion: later(addDays(plannedCompletion, -rng.int(0, 10)), addDays(start, 60)) };
    }
    case 'late':
      return { plannedStart: dateIn(year, rng.int(4, 8), day(rng)), plannedCompletion: laterEnd(year, rng), start: null, completion: null };
    case 'future': {
      const plannedStart = dateIn(year, rng.int(11, 12), day(rng));
      return { plannedStart, plannedCompletion: laterEnd(year, rng), start: addDays(plannedStart, rng.int(0, 10)), completion: null };
    }
  }
}

/** Explicit planned dates (from the plan text); the project keeps to them within days. */
export function fixedTimeline(plannedStart: string, plannedCompletion: string, year: number, rng: Rng): Timeline {
  const start = addDays(plannedStart, rng.int(0, 5));
  const completion = plannedCompletion.startsWith(String(year)) ? later(addDays(plannedCompletion, -rng.int(0, 5)), start) : null;
  return { plannedStart, plannedCompletion, start: plannedStart < `${year}-01-01` ? plannedStart : start, completion };
}
