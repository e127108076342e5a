/**
 * Passing UI state of the notebook's forms, never rows:
 * - `hasUnsavedInput`: a form holds input that is not saved as an entry yet. The app's update
 *   prompt reads it and waits (the draft survives a reload, but a form mid-save should not).
 * - `notice`: the confirmation shown after a save.
 */
import { create } from 'zustand';

interface EntryFormState {
  hasUnsavedInput: boolean;
  notice: string | null;
  setHasUnsavedInput: (hasUnsavedInput: boolean) => void;
  showNotice: (notice: string) => void;
  clearNotice: () => void;
}

export const useEntryFormStore = create<EntryFormState>((set) => ({
  hasUnsavedInput: false,
  notice: null,
  setHasUnsavedInput: (hasUnsavedInput) => set({ hasUnsavedInput }),
  showNotice: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
}));
