/**
 * The app's one sync runner over HTTP, for the active account's database while it is open (at
 * launch, or after a login); sign-out and switching accounts stop it, so no run outlives its
 * account. The sync code (engine, transport, the collections' schemas and zod) loads after the
 * first screen, on demand: the app shell opens without it.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { requestPersistentStorage } from '#src/client/db/storage-persistence.ts';
import type { SyncRunner } from '#src/client/sync/sync-runner.ts';
import { setAppPhotoTransport } from '#src/client/sync/app-photo-transport.ts';

const loadRunner = () => import('#src/client/sync/sync-runner.ts');

/** Starts the app's runner for `db` (loading the sync code first); resolves to it. */
export async function startSync(db: AnttDatabase): Promise<SyncRunner> {
  const [{ startAppSyncRunner }, { createHttpTransport }, { createHttpPhotoTransport }] = await Promise.all([
    loadRunner(), import('#src/client/sync/http-transport.ts'), import('#src/client/sync/photo-transport.ts'),
  ]);
  const getToken = async () => (await getSession(db))?.token ?? null;
  const photos = createHttpPhotoTransport({ getToken });
  setAppPhotoTransport(photos);
  const runner = startAppSyncRunner(db, createHttpTransport({ getToken }), photos);
  // Someone's work is on this device from now on: ask the browser not to evict it.
  void requestPersistentStorage();
  return runner;
}

/** An account's database was opened: sync it while it stays open (when it has a session). */
export function syncWhileOpen(db: AnttDatabase): () => void {
  let closed = false;
  let started: SyncRunner | null = null;
  void getSession(db).then(async (session) => {
    if (!session || closed) return;
    const runner = await startSync(db);
    started = runner;
    if (closed) await stopIfCurrent(runner);
  });
  return () => {
    closed = true;
    setAppPhotoTransport(null);
    if (started) void stopIfCurrent(started);
  };
}

async function stopIfCurrent(runner: SyncRunner): Promise<void> {
  const { getAppSyncRunner, stopAppSyncRunner } = await loadRunner();
  if (getAppSyncRunner() === runner) await stopAppSyncRunner();
}
