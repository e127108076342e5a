import type { SyncFailureReason } from '#src/client/db/sync-state-repository.ts';

/**
 * True when the last sync failed only for want of a connection (no network, no answer in time):
 * a normal state for a phone in the field, shown calmly and retried by itself.
 */
export function isConnectionProblem(reason: SyncFailureReason): boolean {
  return reason === 'network' || reason === 'timeout';
}
