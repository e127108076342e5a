/**
 * A text search over the logbook that does not read the table at each keystroke: the matching
 * entries' texts are read once (in chunks, yielding between them) and folded into a map, rebuilt
 * only when the list of matching entries changes; each keystroke then filters that map in memory.
 * While the map is being built there is no result yet (undefined), and `isIndexing` says why.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { foldDiacritics, matchesWords, searchWords } from '#src/shared/domain/text.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { getFieldLogsByIds } from '#src/client/db/logbook-repository.ts';

const CHUNK = 500;

export function useLogbookSearch(ids: readonly string[] | undefined, query: string, textOf: (entry: FieldLog) => string) {
  const db = useDatabase();
  const isSearching = query.trim() !== '';
  const [index, setIndex] = useState<{ ids: readonly string[]; folded: Map<string, string> } | null>(null);

  useEffect(() => {
    if (!isSearching || ids === undefined || index?.ids === ids) return;
    let isCurrent = true;
    void (async () => {
      const folded = new Map<string, string>();
      for (let start = 0; start < ids.length && isCurrent; start += CHUNK) {
        for (const entry of await getFieldLogsByIds(db, ids.slice(start, start + CHUNK))) folded.set(entry.id, foldDiacritics(textOf(entry)));
      }
      if (isCurrent) setIndex({ ids, folded });
    })();
    return () => {
      isCurrent = false;
    };
  }, [db, ids, isSearching, index, textOf]);

  const found = useMemo(() => {
    if (ids === undefined || !isSearching) return ids;
    if (index?.ids !== ids) return undefined;
    const words = searchWords(query);
    return ids.filter((id) => matchesWords(index.folded.get(id) ?? '', words));
  }, [ids, isSearching, index, query]);

  return { ids: found, isIndexing: isSearching && ids !== undefined && index?.ids !== ids };
}
