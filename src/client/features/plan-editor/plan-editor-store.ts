/**
 * Passing UI state of the plan editor, never rows: the confirmation shown after a plan version
 * was published (it survives the editor opening the new version).
 */
import { create } from 'zustand';

interface PlanEditorState {
  notice: string | null;
  showNotice: (notice: string) => void;
  clearNotice: () => void;
}

export const usePlanEditorStore = create<PlanEditorState>((set) => ({
  notice: null,
  showNotice: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
}));
