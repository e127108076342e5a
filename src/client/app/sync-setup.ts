/**
 * The app's one sync runner over HTTP, for the active account's database while it is open (at
 * launch, or after a login); sign-out and switching accounts stop it, so no run outlives its
 * account.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { requestPersistentStorage } from '#src/client/db/storage-persistence.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { setAppPhotoTransport } from '#src/client/sync/app-photo-transport.ts';
import { createHttpPhotoTransport } from '#src/client/sync/photo-transport.ts';
import { startAppSyncRunner, stopAppSyncRunner } from '#src/client/sync/sync-runner.ts';

export function startSync(db: AnttDatabase): void {
  const getToken = async () => (await getSession(db))?.token ?? null;
  const photos = createHttpPhotoTransport({ getToken });
  setAppPhotoTransport(photos);
  startAppSyncRunner(db, createHttpTransport({ getToken }), photos);
  // Someone's work is on this device from now on: ask the browser not to evict it.
  void requestPersistentStorage();
}

/** An account's database was opened: sync it while it stays open (when it has a session). */
export function syncWhileOpen(db: AnttDatabase): () => void {
  void getSession(db).then((session) => {
    if (session) startSync(db);
  });
  return () => {
    setAppPhotoTransport(null);
    void stopAppSyncRunner();
  };
}
