/**
 * Passing UI state of the outreach feature, never rows:
 * - `hasUnsavedInput`: the form holds input that is not stored yet. The app's update prompt
 *   reads it and refuses to reload (a reload would lose the input).
 * - `notice` and `savedId`: the confirmation shown after a save, and the entry it concerns (the
 *   lists mark it and bring it into view).
 */
import { create } from 'zustand';

interface OutreachFormState {
  hasUnsavedInput: boolean;
  notice: string | null;
  savedId: string | null;
  setHasUnsavedInput: (hasUnsavedInput: boolean) => void;
  showNotice: (notice: string, savedId: string) => void;
  clearNotice: () => void;
}

export const useOutreachFormStore = create<OutreachFormState>((set) => ({
  hasUnsavedInput: false,
  notice: null,
  savedId: null,
  setHasUnsavedInput: (hasUnsavedInput) => set({ hasUnsavedInput }),
  showNotice: (notice, savedId) => set({ notice, savedId }),
  clearNotice: () => set({ notice: null, savedId: null }),
}));

/** The id of the entry saved last, while its confirmation shows; null otherwise. */
export function useLastSavedId(): string | null {
  return useOutreachFormStore((state) => state.savedId);
}
