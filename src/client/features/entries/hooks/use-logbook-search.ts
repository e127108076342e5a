/**
 * A text search over the logbook that does not read the table at each keystroke: the matching
 * entries' texts are read once (in chunks, yielding between them) and folded into a map, rebuilt
 * only when the list of matching entries changes; each keystroke then filters that map in memory.
 * While the map is being built there is no result yet (undefined), and `isIndexing` says why.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { buildSearchIndex, filterBySearch } from '../logbook-search.ts';

export function useLogbookSearch(ids: readonly string[] | undefined, query: string, textOf: (entry: FieldLog) => string) {
  const db = useDatabase();
  const isSearching = query.trim() !== '';
  const [index, setIndex] = useState<{ ids: readonly string[]; folded: Map<string, string> } | null>(null);

  useEffect(() => {
    if (!isSearching || ids === undefined || index?.ids === ids) return;
    let isCurrent = true;
    void buildSearchIndex(db, ids, textOf, () => !isCurrent).then((folded) => {
      if (folded && isCurrent) setIndex({ ids, folded });
    });
    return () => {
      isCurrent = false;
    };
  }, [db, ids, isSearching, index, textOf]);

  const found = useMemo(() => {
    if (ids === undefined || !isSearching) return ids;
    if (index?.ids !== ids) return undefined;
    return filterBySearch(ids, index.folded, query);
  }, [ids, isSearching, index, query]);

  return { ids: found, isIndexing: isSearching && ids !== undefined && index?.ids !== ids };
}
