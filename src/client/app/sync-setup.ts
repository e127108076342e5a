/**
 * The app's one sync runner over HTTP, for the active account's database while it is open (at
 * launch, or after a login); sign-out and switching accounts stop it, so no run outlives its
 * account.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { dropLegacyToken, getSession } from '#src/client/db/session-repository.ts';
import { sessionCookiePath } from '#src/shared/domain/account.ts';
import { requestPersistentStorage } from '#src/client/db/storage-persistence.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { startAppSyncRunner, stopAppSyncRunner } from '#src/client/sync/sync-runner.ts';

/**
 * A device signed in before the HttpOnly cookie holds a Bearer token: once online, the server
 * sets the same session as a cookie and the stored token is forgotten. Offline or refused, the
 * token keeps working and the trade is tried at the next launch.
 */
export async function tradeLegacyToken(db: AnttDatabase): Promise<void> {
  const token = (await getSession(db))?.token;
  if (token === undefined) return;
  const isTraded = await apiRequest({ method: 'POST', path: sessionCookiePath, token }).then(() => true, () => false);
  if (isTraded) await dropLegacyToken(db);
}

export function startSync(db: AnttDatabase): void {
  const transport = createHttpTransport({ getSession: () => getSession(db) });
  startAppSyncRunner(db, transport);
  void tradeLegacyToken(db);
  // Someone's work is on this device from now on: ask the browser not to evict it.
  void requestPersistentStorage();
}

/** An account's database was opened: sync it while it stays open (when it has a session). */
export function syncWhileOpen(db: AnttDatabase): () => void {
  void getSession(db).then((session) => {
    if (session) startSync(db);
  });
  return () => void stopAppSyncRunner();
}
