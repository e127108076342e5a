/**
 * Telling a full phone apart from other storage failures. When IndexedDB refuses a write for
 * lack of space the browser raises a QuotaExceededError; Dexie passes it on as is, or wraps it
 * (a transaction that aborted because of it: AbortError with `inner`). Either way nothing of the
 * failed transaction was stored (record-repository.ts: record and outbox entry together), so
 * the user can free space and save the same input again.
 */

/** True when `error` (or what it wraps) says the device's storage is full. */
export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, code, inner, cause } = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
    // Code 22 is the legacy DOMException code of QuotaExceededError.
    if (name === 'QuotaExceededError' || code === 22) return true;
    current = inner ?? cause;
  }
  return false;
}
