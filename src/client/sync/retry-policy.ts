/**
 * When the runner tries again. Exponential backoff with full jitter (AWS architecture blog,
 * "Exponential Backoff And Jitter"): after the n-th failure in a row wait a random time in
 * [0, min(cap, base·2^(n-1))). The randomness spreads out the phones of a whole commune that
 * come back online at once (market day, power back) instead of having them retry in step.
 */
import type { SyncFailureReason } from '#src/client/db/sync-state-repository.ts';

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A sync every 5 minutes while the app is open and all is well, to pull others' changes. */
export const IDLE_INTERVAL_MS = 5 * 60_000;
/** Another tab holds the sync lock: look again soon, in case it finished before our change. */
export const BUSY_RETRY_MS = 1_000;

/** Upper bound of the wait after `failures` failures in a row (failures ≥ 1), from `base` doubling. */
export function backoffCeiling(failures: number, base: number = BACKOFF_BASE_MS): number {
  return Math.min(BACKOFF_CAP_MS, base * 2 ** Math.max(0, failures - 1));
}

/** The wait after `failures` failures in a row; `random` returns [0, 1). */
export function backoffDelay(failures: number, random: () => number): number {
  return Math.floor(random() * backoffCeiling(failures));
}

/**
 * Failures that retrying cannot cure: an expired session (log in again), an app too old for
 * the server (update), a client id bound to another account (log in again). The runner stops
 * trying by itself until the next explicit request.
 */
export function needsUserAction(reason: SyncFailureReason): boolean {
  return reason === 'unauthorized' || reason === 'device-revoked' || reason === 'client-too-old' || reason === 'client-mismatch';
}
