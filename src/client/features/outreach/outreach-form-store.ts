/**
 * Passing UI state of the outreach feature, never rows:
 * - `hasUnsavedInput`: the form holds input that is not stored yet. The app's update prompt
 *   reads it and refuses to reload (a reload would lose the input).
 * - `notice`: the confirmation shown on the list after a save.
 */
import { create } from 'zustand';

interface OutreachFormState {
  hasUnsavedInput: boolean;
  notice: string | null;
  setHasUnsavedInput: (hasUnsavedInput: boolean) => void;
  showNotice: (notice: string) => void;
  clearNotice: () => void;
}

export const useOutreachFormStore = create<OutreachFormState>((set) => ({
  hasUnsavedInput: false,
  notice: null,
  setHasUnsavedInput: (hasUnsavedInput) => set({ hasUnsavedInput }),
  showNotice: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
}));
