/**
 * The app's one sync runner over HTTP, for the active account's database while it is open (at
 * launch, or after a login); sign-out and switching accounts stop it, so no run outlives its
 * account. The sync code (engine, transport, the collections' schemas and zod) loads after the
 * first screen, on demand: the app shell opens without it. A revoked device (lost phone) pushes
 * what waits, then erases the account's data.
 */
import { setApiAccount } from '#src/client/api/api-account.ts';
import { eraseRevokedAccount } from '#src/client/db/account-repository.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import type { DeviceDatabase } from '#src/client/db/device-database.ts';
import { dropLegacyToken, getSession } from '#src/client/db/session-repository.ts';
import { sessionCookiePath } from '#src/shared/domain/app-header.ts';
import { requestPersistentStorage } from '#src/client/db/storage-persistence.ts';
import type { SyncRunner } from '#src/client/sync/sync-runner.ts';
import { setAppPhotoTransport } from '#src/client/sync/app-photo-transport.ts';

const loadRunner = () => import('#src/client/sync/sync-runner.ts');

/**
 * A device signed in before the HttpOnly cookie holds a Bearer token: once online, the server
 * sets the same session as a cookie and the stored token is forgotten. Offline or refused, the
 * token keeps working and the trade is tried at the next launch.
 */
export async function tradeLegacyToken(db: AnttDatabase): Promise<void> {
  const token = (await getSession(db))?.token;
  if (token === undefined) return;
  const { apiRequest } = await import('#src/client/api/api-client.ts');
  const isTraded = await apiRequest({ method: 'POST', path: sessionCookiePath, token }).then(() => true, () => false);
  if (isTraded) await dropLegacyToken(db);
}

/** The server revoked this device: its outbox is pushed; stop syncing and erase the account. */
async function eraseRevoked(device: DeviceDatabase, db: AnttDatabase): Promise<void> {
  const userId = (await getSession(db))?.profile.user.id;
  const { stopAppSyncRunner } = await loadRunner();
  await stopAppSyncRunner();
  setAppPhotoTransport(null);
  if (userId !== undefined) await eraseRevokedAccount(device, db, userId);
}

const loadSyncCode = () => Promise.all([loadRunner(), import('#src/client/sync/http-transport.ts'), import('#src/client/sync/photo-transport.ts')]);

/** Loads the sync code ahead (the lock screen does, while the PIN is typed), so the home does not wait for it. */
export function preloadSync(): Promise<unknown> {
  return loadSyncCode();
}

/** Starts the app's runner for `db` (loading the sync code first); resolves to it. */
export async function startSync(device: DeviceDatabase, db: AnttDatabase): Promise<SyncRunner> {
  const [{ startAppSyncRunner }, { createHttpTransport }, { createHttpPhotoTransport }] = await loadSyncCode();
  const getSessionHere = () => getSession(db);
  const photos = createHttpPhotoTransport({ getSession: getSessionHere });
  setAppPhotoTransport(photos);
  const runner = startAppSyncRunner(db, createHttpTransport({ getSession: getSessionHere }), photos, () => void eraseRevoked(device, db));
  void tradeLegacyToken(db);
  // Someone's work is on this device from now on: ask the browser not to evict it.
  void requestPersistentStorage();
  return runner;
}

/** An account's database was opened: sync it while it stays open (when it has a session). */
export function syncWhileOpen(device: DeviceDatabase): (db: AnttDatabase) => () => void {
  return (db) => {
    let closed = false;
    let started: SyncRunner | null = null;
    void getSession(db).then(async (session) => {
      if (!session || closed) return;
      setApiAccount(session.profile.user.id);
      const runner = await startSync(device, db);
      started = runner;
      if (closed) await stopIfCurrent(runner);
    });
    return () => {
      closed = true;
      setApiAccount(null);
      setAppPhotoTransport(null);
      if (started) void stopIfCurrent(started);
    };
  };
}

async function stopIfCurrent(runner: SyncRunner): Promise<void> {
  const { getAppSyncRunner, stopAppSyncRunner } = await loadRunner();
  if (getAppSyncRunner() === runner) await stopAppSyncRunner();
}
