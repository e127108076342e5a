/**
 * Finding a household by what people type: head's name, address or hamlet, without diacritics.
 * Every word must occur somewhere; households whose hamlet name holds the whole query come
 * first ("ap 2" lists Ấp 2 before Ấp 1's "Tổ 2" addresses), then those whose head's name does.
 * Fold once per list (`searchableHouseholds`), then match each keystroke against the folded keys.
 */
import { foldDiacritics, matchesWords, searchWords } from './text.ts';
import type { Household } from './household.ts';

export interface SearchableHousehold<H extends Household = Household> {
  household: H;
  name: string;
  address: string;
  hamlet: string;
}

/** Folds each household's texts once; `hamletName` names a hamlet by id. */
export function searchableHouseholds<H extends Household>(
  households: readonly H[],
  hamletName: (hamletId: string) => string,
): SearchableHousehold<H>[] {
  return households.map((household) => ({
    household,
    name: foldDiacritics(household.headName),
    address: foldDiacritics(household.address),
    hamlet: foldDiacritics(hamletName(household.hamletId)),
  }));
}

function rank(entry: SearchableHousehold, words: readonly string[]): number {
  if (matchesWords(entry.hamlet, words)) return 0;
  if (matchesWords(entry.name, words)) return 1;
  return 2;
}

/**
 * The households matching every word of `query`, best first, keeping the list's own order
 * within a rank. An empty query matches nothing (a list of hundreds helps nobody).
 */
export function findHouseholds<H extends Household>(entries: readonly SearchableHousehold<H>[], query: string): H[] {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const found: Array<{ household: H; rank: number; index: number }> = [];
  entries.forEach((entry, index) => {
    if (matchesWords(`${entry.name} ${entry.address} ${entry.hamlet}`, words)) found.push({ household: entry.household, rank: rank(entry, words), index });
  });
  return found.sort((a, b) => a.rank - b.rank || a.index - b.index).map((match) => match.household);
}
