/**
 * The app's one sync runner over HTTP. It starts when a session exists (at launch, or after a
 * login); sign-out stops it (sign-out-section.tsx) so no run outlives the wiped data.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { requestPersistentStorage } from '#src/client/db/storage-persistence.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { startAppSyncRunner } from '#src/client/sync/sync-runner.ts';

export function startSync(db: AnttDatabase): void {
  const transport = createHttpTransport({ getToken: async () => (await getSession(db))?.token ?? null });
  startAppSyncRunner(db, transport);
  // Someone's work is on this device from now on: ask the browser not to evict it.
  void requestPersistentStorage();
}

/** At launch: sync only when someone is signed in on this device. */
export async function startSyncIfSignedIn(db: AnttDatabase): Promise<void> {
  if (await getSession(db)) startSync(db);
}
