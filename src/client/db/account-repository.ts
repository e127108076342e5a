/**
 * Accounts on a shared phone. Each account's data lives in its own AnttDatabase, registered in
 * the device database with the account that owns it; one account is active at a time.
 *
 * Offline contract (never lose work on a shared phone): signing out erases an account's database
 * only when nothing waits in its outbox; otherwise the database is kept, without its session
 * token, so the app shows it to nobody until its owner signs in again and it is pushed. Signing in
 * as another account opens that account's own database and never touches the others.
 *
 * A revoked device (lost phone) is different: once its outbox is on the server, the account's
 * database is erased whatever it holds (eraseRevokedAccount).
 *
 * The walking skeleton kept one database ('so-tay-antt') for whoever signed in last:
 * adoptLegacyDatabase registers it as its owner's at the first start of this version.
 */
import Dexie from 'dexie';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { AnttDatabase } from './database.ts';
import { appLockKey, type DeviceAccount, type DeviceDatabase } from './device-database.ts';
import { forgetDatabase, lockAllDatabases, lockDatabase } from './key-ring.ts';
import { useDeviceQuery } from './device-context.tsx';
import { isLanguage, setLanguage } from './prefs-repository.ts';
import { clearSession, getSession, saveSession } from './session-repository.ts';

export const LEGACY_DATABASE_NAME = 'so-tay-antt';
const ACTIVE_KEY = 'activeUserId';
const LEGACY_CHECKED_KEY = 'legacyAdopted';
const REVOKED_NOTICE_KEY = 'revokedNotice';

/** The name of an account's database on this phone. */
export function databaseNameFor(userId: string): string {
  return `so-tay-antt-user-${userId}`;
}

export async function getActiveAccount(device: DeviceDatabase): Promise<DeviceAccount | null> {
  const userId = (await device.meta.get(ACTIVE_KEY))?.value;
  return typeof userId === 'string' ? ((await device.accounts.get(userId)) ?? null) : null;
}

/** The active account, live: undefined while loading, null when nobody is signed in. */
export function useActiveAccount(): DeviceAccount | null | undefined {
  return useDeviceQuery((device) => getActiveAccount(device), []);
}

/** Accounts whose data this phone keeps, other than the active one, newest first. */
export function useKeptAccounts(): DeviceAccount[] | undefined {
  return useDeviceQuery(async (device) => {
    const active = (await device.meta.get(ACTIVE_KEY))?.value;
    return (await device.accounts.orderBy('lastActiveAt').reverse().toArray()).filter((account) => account.userId !== active);
  }, []);
}

/** The database an account has, or will have, on this phone. */
export async function accountDatabaseName(device: DeviceDatabase, userId: string): Promise<string> {
  return (await device.accounts.get(userId))?.dbName ?? databaseNameFor(userId);
}

/**
 * Makes a kept account the active one (a shared phone's login screen): the app asks for its PIN
 * before showing anything. Every account's key is forgotten first.
 */
export async function switchToAccount(device: DeviceDatabase, userId: string): Promise<void> {
  lockAllDatabases();
  await device.meta.put({ key: ACTIVE_KEY, value: userId });
}

/** Leaves the active account without signing it out (another person takes the phone). */
export async function leaveActiveAccount(device: DeviceDatabase): Promise<void> {
  lockAllDatabases();
  await device.meta.delete(ACTIVE_KEY);
}

/**
 * Stores a fresh online login in the account's own database (created on first use) and makes
 * the account active. Other accounts' databases are not opened.
 */
export async function signInAccount(device: DeviceDatabase, answer: LoginResponse, now: Date = new Date()): Promise<void> {
  const { user } = answer.profile;
  const known = await device.accounts.get(user.id);
  const dbName = known?.dbName ?? databaseNameFor(user.id);
  const db = new AnttDatabase(dbName);
  try {
    await saveSession(db, { ...(answer.token === undefined ? {} : { token: answer.token }), expiresAt: answer.expiresAt, profile: answer.profile, loggedInAt: now.toISOString() });
  } finally {
    db.close();
  }
  await device.transaction('rw', device.accounts, device.meta, async () => {
    await device.accounts.put({ userId: user.id, username: user.username, displayName: user.displayName, dbName, lastActiveAt: now.toISOString(), role: user.role });
    await device.meta.put({ key: ACTIVE_KEY, value: user.id });
    await device.meta.delete(REVOKED_NOTICE_KEY);
  });
}

/**
 * Leaves the active account. Its database is erased when nothing waits to be sent; otherwise it
 * is kept without its token ('kept'). Call after stopping sync and trying a last push.
 */
export async function signOutAccount(device: DeviceDatabase, db: AnttDatabase, userId: string): Promise<'erased' | 'kept'> {
  if ((await db.outbox.count()) > 0) {
    // The token goes first: from then on nothing shows or sends this account's data.
    await clearSession(db);
    await device.meta.delete(ACTIVE_KEY);
    lockDatabase(db.name);
    return 'kept';
  }
  // Inactive first, so the app lets go of the database, then erased.
  await device.meta.delete(ACTIVE_KEY);
  db.close();
  await Dexie.delete(db.name);
  forgetDatabase(db.name);
  await device.meta.delete(appLockKey(userId));
  await device.accounts.delete(userId);
  return 'erased';
}

/** What the login screen tells after a revoked account was erased from this phone. */
export interface RevokedNotice {
  displayName: string;
  /** ISO instant of the erasure. */
  at: string;
}

/**
 * The server revoked this device for the account (lost or replaced phone) and its outbox was
 * pushed: erases the account's database and its place in the device list, and leaves a notice
 * for the login screen. Call after stopping sync.
 */
export async function eraseRevokedAccount(device: DeviceDatabase, db: AnttDatabase, userId: string, now: Date = new Date()): Promise<void> {
  const displayName = (await device.accounts.get(userId))?.displayName ?? '';
  await device.meta.delete(ACTIVE_KEY);
  db.close();
  await Dexie.delete(db.name);
  await device.transaction('rw', device.accounts, device.meta, async () => {
    await device.accounts.delete(userId);
    await device.meta.put({ key: REVOKED_NOTICE_KEY, value: { displayName, at: now.toISOString() } satisfies RevokedNotice });
  });
}

/** The notice of the last revoked account erased from this phone, live; null when none. */
export function useRevokedNotice(): RevokedNotice | null | undefined {
  return useDeviceQuery(async (device) => ((await device.meta.get(REVOKED_NOTICE_KEY))?.value as RevokedNotice | undefined) ?? null, []);
}

/** Unsent entries of an account kept on this phone (opens its database briefly). */
export async function countKeptUnsent(account: DeviceAccount): Promise<number> {
  const db = new AnttDatabase(account.dbName);
  try {
    return await db.outbox.count();
  } finally {
    db.close();
  }
}

/** Registers the skeleton's single database as its owner's, once (see the header). */
export async function adoptLegacyDatabase(device: DeviceDatabase, now: Date = new Date()): Promise<void> {
  if ((await device.meta.get(LEGACY_CHECKED_KEY))?.value === true) return;
  if (await Dexie.exists(LEGACY_DATABASE_NAME)) {
    const legacy = new AnttDatabase(LEGACY_DATABASE_NAME);
    try {
      const session = await getSession(legacy);
      const owner = (await legacy.meta.get('ownerUserId'))?.value;
      const language = (await legacy.prefs.get('language'))?.value;
      if (isLanguage(language)) await setLanguage(device, language);
      const user = session?.profile.user ?? (typeof owner === 'string' ? { id: owner, username: '', displayName: '' } : null);
      if (user) {
        await device.accounts.put({ userId: user.id, username: user.username, displayName: user.displayName, dbName: LEGACY_DATABASE_NAME, lastActiveAt: now.toISOString() });
        // Signed in: stays signed in. Signed out with unsent work: kept for its owner's next login.
        if (session) await device.meta.put({ key: ACTIVE_KEY, value: user.id });
      }
    } finally {
      legacy.close();
    }
  }
  await device.meta.put({ key: LEGACY_CHECKED_KEY, value: true });
}
