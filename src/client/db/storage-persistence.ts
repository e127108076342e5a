/**
 * Asks the browser to keep this app's storage when the phone runs short of space. An origin's
 * IndexedDB is "best-effort" by default and Chrome may evict it under storage pressure — unsent
 * logs in the outbox included. Chrome grants persistence silently to installed or often-used
 * apps; a refusal changes nothing else, and the request is repeated at every start.
 */

/**
 * True when storage is (now) persistent, false when the browser refused, null when the browser
 * cannot tell (no StorageManager).
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persisted' | 'persist'> | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage || typeof storage.persist !== 'function') return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    // Some browsers throw instead of refusing (private windows): nothing to keep then.
    return false;
  }
}
