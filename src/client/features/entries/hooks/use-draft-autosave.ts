/**
 * Keeps a form's input in the local `drafts` table while the user types: a short pause after
 * the last keystroke stores it, and leaving the screen or the page (pagehide: the phone locks,
 * the app is swiped away) stores it at once. Input equal to what is stored as the entry is not a
 * draft: the draft row is deleted instead.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { deleteDraft, DRAFT_FORMAT_VERSION, saveDraft } from '#src/client/db/draft-repository.ts';
import type { DraftValues } from '../field-spec.ts';

const SAVE_DELAY_MS = 400;

export interface DraftTarget {
  key: string;
  userId: string;
  kind: string;
  entryId: string;
}

export interface DraftAutosave {
  /** Stores the latest input now (before leaving the app for a call). */
  flush: () => void;
  /** Stops storing for good: the entry was saved and its draft deleted. */
  stop: () => void;
}

export function useDraftAutosave(target: DraftTarget, values: DraftValues, isDirty: boolean): DraftAutosave {
  const db = useDatabase();
  const latest = useRef({ target, values, isDirty, isActive: true });
  useLayoutEffect(() => {
    latest.current = { ...latest.current, target, values, isDirty };
  }, [target, values, isDirty]);
  const timer = useRef<number | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const { target: current, values: input, isDirty: dirty, isActive: active } = latest.current;
    if (!active) return;
    const write = dirty
      ? saveDraft(db, { ...current, formatVersion: DRAFT_FORMAT_VERSION, values: input, updatedAt: new Date().toISOString() })
      : deleteDraft(db, current.key);
    write.catch((error: unknown) => console.warn('Draft not stored', error));
  }, [db]);

  const stop = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    latest.current = { ...latest.current, isActive: false };
  }, []);

  useEffect(() => {
    if (!latest.current.isActive) return;
    timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [values, isDirty, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { flush, stop };
}
