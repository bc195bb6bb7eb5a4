// Opening balances (期初数) in the year's figures: an opening stands for the months it runs through,
// so the accepted reports of those months are left out and the opening is counted in its last month.
import { yearOf } from '../../shared/dates.js';
import type { Yuan } from '../../shared/money.js';
import type { OpeningBalance } from './ledger.js';

/** Openings by project. */
export function openingsByProject(openings: readonly OpeningBalance[] | undefined): Map<number, OpeningBalance> {
  return new Map((openings ?? []).map((o) => [o.projectId, o]));
}

/**
 * One project's accepted amounts of the campaign year by month, with its opening applied: months
 * through the opening's last month replaced by the opening in that month. An opening of another
 * year changes nothing.
 */
export function withOpening(byMonth: ReadonlyMap<string, Yuan> | undefined, opening: OpeningBalance | undefined, year: number): Map<string, Yuan> | undefined {
  if (!opening || yearOf(opening.throughMonth) !== year) return byMonth && new Map(byMonth);
  const out = new Map<string, Yuan>([[opening.throughMonth, opening.completed]]);
  for (const [month, amount] of byMonth ?? []) if (month > opening.throughMonth) out.set(month, amount);
  return out;
}

/** withOpening over a whole index (from indexByProject). */
export function applyOpenings(index: Map<number, Map<string, Yuan>>, openings: readonly OpeningBalance[] | undefined, year: number): Map<number, Map<string, Yuan>> {
  for (const o of openings ?? []) {
    const applied = withOpening(index.get(o.projectId), o, year);
    if (applied) index.set(o.projectId, applied);
  }
  return index;
}

/** A month the opening covers counts as reported (the sheet's figure is that month's report). */
export function coveredByOpening(opening: OpeningBalance | undefined, month: string): boolean {
  return opening !== undefined && month <= opening.throughMonth && yearOf(month) === yearOf(opening.throughMonth);
}
