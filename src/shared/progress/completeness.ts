/**
 * How complete the data behind a result is, from what the caller knows: when the data was last
 * brought up to date (the device's last pull, the server's clock), which entries this device has
 * not sent yet, and when each member's phone last synced. A result on a phone is never more
 * than the phone has seen; completeness says what it may be missing.
 */
import type { DaySpan } from './day-counts.ts';
import type { ResolvedScope } from './org-index.ts';
import type { ProgressState } from './progress-state.ts';

export interface CompletenessInput {
  /** When the data was last brought up to date (ISO instant), or null when never. */
  asOf: string | null;
  /** Entries saved on this device and not yet accepted by the server. */
  pendingEntryIds?: Iterable<string>;
  /** Each member's last successful sync (ISO instant, null when never); members absent count as never. */
  memberLastSyncAt?: ReadonlyMap<string, string | null>;
  /** A member whose last sync is older than this many days is listed as stale (default 3). */
  staleAfterDays?: number;
  /** The current instant (ISO), for stale members. */
  now?: string;
}

export interface Completeness {
  asOf: string | null;
  /** Entries of the scope dated in the period that this device has not sent yet. */
  unsyncedEntries: number;
  /** Members of the scope whose phones have not synced for `staleAfterDays` (only when known). */
  staleMemberIds: string[];
  isComplete: boolean;
}

export const DEFAULT_STALE_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;

/** Completeness of a scope's data for a period; complete when the caller says nothing is missing. */
export function completenessOf(state: ProgressState, scope: ResolvedScope, span: DaySpan, input: CompletenessInput | undefined): Completeness {
  if (!input) return { asOf: null, unsyncedEntries: 0, staleMemberIds: [], isComplete: true };
  let unsyncedEntries = 0;
  for (const id of input.pendingEntryIds ?? []) {
    const place = state.places.get(id);
    if (!place || place.date < span.startDay || place.date > span.endDay) continue;
    const isInScope = scope.ref.level === 'member' ? place.memberId === scope.ref.id : scope.teamIds.has(place.teamId);
    if (isInScope) unsyncedEntries += 1;
  }
  const staleMemberIds: string[] = [];
  if (input.memberLastSyncAt) {
    const now = Date.parse(input.now ?? new Date().toISOString());
    const limit = (input.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS) * DAY_MS;
    for (const member of scope.memberIds) {
      const at = input.memberLastSyncAt.get(member);
      if (!at || now - Date.parse(at) > limit) staleMemberIds.push(member);
    }
    staleMemberIds.sort();
  }
  return { asOf: input.asOf, unsyncedEntries, staleMemberIds, isComplete: unsyncedEntries === 0 && staleMemberIds.length === 0 };
}
