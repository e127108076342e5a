/**
 * The signed-in account of one account database (account-repository.ts keeps one database per
 * account) and the database's sync identity.
 *
 * Offline contract: one online login stores the session (profile + expiry) so the app keeps
 * working offline until the session expires. The token itself is an HttpOnly cookie page script
 * cannot read; only devices signed in before the cookie still hold a Bearer token here, until
 * `dropLegacyToken` once the server traded it for the cookie. A database belongs to one account for its whole life
 * ('ownerUserId' in `meta`): its client id and pull cursor are that account's, so a shared phone
 * never pushes one person's changes with another's rights.
 */
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { useDbQuery } from './database-context.tsx';
import type { AnttDatabase, SessionRow } from './database.ts';

const SESSION_KEY = 'current';
const CLIENT_ID_KEY = 'clientId';
const OWNER_KEY = 'ownerUserId';

export interface NewSession {
  /** Only from a login that asked for a Bearer token (the app gets an HttpOnly cookie instead). */
  token?: string | undefined;
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

/**
 * Stores the session of a fresh online login. A database is its owner's only: saving another
 * account's session into it is a programming error (account-repository.ts opens each account's own).
 */
export async function saveSession(db: AnttDatabase, session: NewSession): Promise<SessionRow> {
  const row: SessionRow = { key: SESSION_KEY, ...session };
  const userId = session.profile.user.id;
  await db.transaction('rw', db.meta, db.session, async () => {
    const owner = (await db.meta.get(OWNER_KEY))?.value;
    if (typeof owner === 'string' && owner !== userId) throw new Error(`Database ${db.name} belongs to another account`);
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

/** Forgets a legacy Bearer token once the server set the same session as an HttpOnly cookie. */
export async function dropLegacyToken(db: AnttDatabase): Promise<void> {
  await db.transaction('rw', db.session, async () => {
    const row = await db.session.get(SESSION_KEY);
    if (row?.token === undefined) return;
    const { token: _token, ...rest } = row;
    await db.session.put(rest);
  });
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
