// The issued letters as the 函件 page and the unit's page list them.
import type { LetterView } from '../../../../shared/api.js';
import type { LetterKind } from '../../../../shared/types.js';

export interface LetterFilter {
  kind: LetterKind | null;
  unitId: number | null;
}

/** Newest first; a cleared select (undefined) means "any", as null does. */
export function filterLetters(letters: LetterView[], f: LetterFilter): LetterView[] {
  return letters
    .filter((l) => (f.kind == null || l.kind === f.kind) && (f.unitId == null || l.unitId === f.unitId))
    .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.id - a.id);
}
