/**
 * The signed-in user and the device's sync identity.
 *
 * Offline contract: one online login stores the session (token + profile) so the app keeps
 * working offline until the token expires. The device's data belongs to one user at a time:
 * `saveSession` for another user id, and `signOut`, wipe every table but `prefs` in ONE
 * transaction (personal data must not stay on a shared phone, and the next user must not push
 * or see the previous user's changes). The wipe also drops the client id and the pull cursor,
 * so the next user's device starts as a new sync client from cursor 0.
 *
 * The owner of the local data is kept in `meta` ('ownerUserId') as well as in the session row,
 * so that a session cleared on expiry (`clearSession`) still protects the data of its user.
 */
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { useDbQuery } from './database-context.tsx';
import type { AnttDatabase, SessionRow } from './database.ts';

const SESSION_KEY = 'current';
const CLIENT_ID_KEY = 'clientId';
const OWNER_KEY = 'ownerUserId';

export interface NewSession {
  token: string;
  expiresAt: string;
  profile: Profile;
  /** ISO instant of the online login. */
  loggedInAt: string;
}

/** The stored session, or undefined when nobody is signed in on this device. */
export async function getSession(db: AnttDatabase): Promise<SessionRow | undefined> {
  return db.session.get(SESSION_KEY);
}

/**
 * The stored session, live: `undefined` while loading, `null` when signed out.
 * Re-renders on login, sign-out and wipes, also from another tab.
 */
export function useSession(): SessionRow | null | undefined {
  return useDbQuery(async (db) => (await getSession(db)) ?? null, []);
}

/** Every table whose rows are personal or sync state: all but `prefs`. */
function wipeableTables(db: AnttDatabase) {
  return db.tables.filter((table) => table.name !== 'prefs');
}

async function clearWipeableTables(db: AnttDatabase): Promise<void> {
  for (const table of wipeableTables(db)) await table.clear();
}

/**
 * Stores the session of a fresh online login. When the local data belongs to another user, it
 * is wiped first, in the same transaction as the new session is written, so there is no moment
 * where the new user sees the old user's rows.
 */
export async function saveSession(db: AnttDatabase, session: NewSession): Promise<SessionRow> {
  const row: SessionRow = { key: SESSION_KEY, ...session };
  const userId = session.profile.user.id;
  await db.transaction('rw', wipeableTables(db), async () => {
    const owner = (await db.meta.get(OWNER_KEY))?.value;
    const stored = await db.session.get(SESSION_KEY);
    const previousUserId = typeof owner === 'string' ? owner : stored?.profile.user.id;
    if (previousUserId !== undefined && previousUserId !== userId) await clearWipeableTables(db);
    await db.meta.put({ key: OWNER_KEY, value: userId });
    await db.session.put(row);
  });
  return row;
}

/**
 * Forgets the token only (e.g. the server said it expired): the user's records and unsent
 * changes stay, so logging in again as the same user pushes them.
 */
export async function clearSession(db: AnttDatabase): Promise<void> {
  await db.session.delete(SESSION_KEY);
}

/**
 * Signs out on this device: clears every table (records, outbox, meta, session, rejections) in
 * one transaction and keeps only `prefs`. Unsent changes are lost: the caller warns first.
 */
export async function signOut(db: AnttDatabase): Promise<void> {
  await db.transaction('rw', wipeableTables(db), () => clearWipeableTables(db));
}

/**
 * This device database's sync client id (a UUIDv7), created on first use and kept in `meta`.
 * Created inside a read-write transaction so two tabs asking at once get the same id.
 */
export async function getClientId(db: AnttDatabase): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = (await db.meta.get(CLIENT_ID_KEY))?.value;
    if (typeof existing === 'string') return existing;
    const clientId = uuidv7();
    await db.meta.put({ key: CLIENT_ID_KEY, value: clientId });
    return clientId;
  });
}
