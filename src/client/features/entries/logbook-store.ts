/**
 * The logbook's filters while the user moves between the list and an entry and back: passing
 * UI state (never rows), forgotten on reload. Dates are kept as typed (dd/MM/yyyy).
 */
import { create } from 'zustand';
import type { FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { ReviewStatus } from '#src/shared/domain/review.ts';

export type LogbookScopeChoice = 'mine' | 'team' | 'all';

export interface LogbookFilterInput {
  scope: LogbookScopeChoice | null;
  kind: FieldLogKind | '';
  fromText: string;
  toText: string;
  reviewStatus: ReviewStatus | '';
  syncState: 'pending' | 'sent' | '';
  query: string;
}

export const emptyLogbookFilter: LogbookFilterInput = {
  scope: null, kind: '', fromText: '', toText: '', reviewStatus: '', syncState: '', query: '',
};

interface LogbookState {
  filter: LogbookFilterInput;
  setFilter: (change: Partial<LogbookFilterInput>) => void;
  clearFilter: () => void;
}

export const useLogbookStore = create<LogbookState>((set) => ({
  filter: emptyLogbookFilter,
  setFilter: (change) => set((state) => ({ filter: { ...state.filter, ...change } })),
  clearFilter: () => set({ filter: emptyLogbookFilter }),
}));
