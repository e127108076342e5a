/**
 * The logbook search's text map: each matching entry's words, folded once (diacritics removed),
 * read from the device in chunks so the page stays responsive; and the per-keystroke filter over
 * that map, which reads nothing.
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { foldDiacritics, matchesWords, searchWords } from '#src/shared/domain/text.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { getFieldLogsByIds } from '#src/client/db/logbook-repository.ts';

const CHUNK = 500;

/** Folded search text by entry id, for `ids`; stops early (returns null) when `isCancelled()`. */
export async function buildSearchIndex(
  db: AnttDatabase,
  ids: readonly string[],
  textOf: (entry: FieldLog) => string,
  isCancelled: () => boolean = () => false,
): Promise<Map<string, string> | null> {
  const folded = new Map<string, string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    if (isCancelled()) return null;
    for (const entry of await getFieldLogsByIds(db, ids.slice(start, start + CHUNK))) folded.set(entry.id, foldDiacritics(textOf(entry)));
  }
  return folded;
}

/** The ids (in their order) whose text holds every word of the query. */
export function filterBySearch(ids: readonly string[], index: ReadonlyMap<string, string>, query: string): string[] {
  const words = searchWords(query);
  return ids.filter((id) => matchesWords(index.get(id) ?? '', words));
}
