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

/** True when every word of the query starts a word of the text, or occurs in it, ignoring marks. */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldDiacritics(text);
  const words = foldDiacritics(query).split(' ').filter(Boolean);
  return words.every((word) => folded.includes(word));
}
