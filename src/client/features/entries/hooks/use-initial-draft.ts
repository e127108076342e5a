/**
 * The stored draft a form opens with, read once when the form mounts (later writes are the
 * form's own autosaves and must not reset typing): undefined while reading, null when none.
 */
import { useEffect, useState } from 'react';
import type { DraftRow } from '#src/client/db/database.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { getDraft } from '#src/client/db/draft-repository.ts';

export function useInitialDraft(key: string, userId: string): DraftRow | null | undefined {
  const db = useDatabase();
  const [draft, setDraft] = useState<{ key: string; row: DraftRow | null } | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    getDraft(db, key, userId).then(
      (row) => { if (isCurrent) setDraft({ key, row: row ?? null }); },
      () => { if (isCurrent) setDraft({ key, row: null }); },
    );
    return () => { isCurrent = false; };
  }, [db, key, userId]);
  return draft?.key === key ? draft.row : undefined;
}
