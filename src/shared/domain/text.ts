/**
 * Search that ignores Vietnamese diacritics: "nguyen" finds "Nguyễn", "duong" finds "Đường".
 * NFD splits a letter from its tone and vowel marks; đ/Đ is a letter of its own in Unicode,
 * not a d with a mark, so it is mapped by hand.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A query as the folded words that must all occur in a match. */
export function searchWords(query: string): string[] {
  return foldDiacritics(query).split(' ').filter(Boolean);
}

/**
 * True when every word occurs in `foldedText` (already passed through foldDiacritics). Fold a
 * list once and match each keystroke's words against it: folding is the expensive part.
 */
export function matchesWords(foldedText: string, words: readonly string[]): boolean {
  return words.every((word) => foldedText.includes(word));
}

/** True when every word of the query occurs in the text, ignoring marks and case. */
export function matchesSearch(text: string, query: string): boolean {
  return matchesWords(foldDiacritics(text), searchWords(query));
}
