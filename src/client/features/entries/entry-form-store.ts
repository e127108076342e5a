/**
 * Passing UI state of the notebook's forms, never rows:
 * - `hasUnsavedInput`: a form holds input that is not saved as an entry yet. The app's update
 *   prompt reads it and waits (the draft survives a reload, but a form mid-save should not).
 * - `notice` and `savedId`: the confirmation shown after a save, and the entry it concerns (the
 *   lists mark it and bring it into view).
 */
import { create } from 'zustand';

interface EntryFormState {
  hasUnsavedInput: boolean;
  notice: string | null;
  savedId: string | null;
  setHasUnsavedInput: (hasUnsavedInput: boolean) => void;
  showNotice: (notice: string, savedId: string) => void;
  clearNotice: () => void;
}

export const useEntryFormStore = create<EntryFormState>((set) => ({
  hasUnsavedInput: false,
  notice: null,
  savedId: null,
  setHasUnsavedInput: (hasUnsavedInput) => set({ hasUnsavedInput }),
  showNotice: (notice, savedId) => set({ notice, savedId }),
  clearNotice: () => set({ notice: null, savedId: null }),
}));

/** The id of the entry saved last, while its confirmation shows; null otherwise. */
export function useLastSavedId(): string | null {
  return useEntryFormStore((state) => state.savedId);
}
