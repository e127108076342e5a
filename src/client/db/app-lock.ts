/**
 * The app lock of each account on this phone (mã PIN). After its first online login an account
 * sets a 6-digit PIN; its data key (data-key.ts) is kept wrapped under the PIN and under the
 * account's password, in the device database's `meta` (appLockKey), never in clear. Opening the
 * app, coming back after 5 minutes in the background, or choosing the account on a shared
 * phone's login screen asks for the PIN; the unwrapped key then lives in memory (key-ring.ts).
 *
 * Five wrong PINs in a row delete the PIN's copy of the key: the account's data stays sealed
 * until an online login, whose password opens the key again and sets a new PIN. Should the
 * password have changed meanwhile (reset by a leader), nothing can open the old key: the
 * account's database on this phone is erased and sync brings back what the server holds.
 *
 * A copy of the phone's IndexedDB can still be attacked offline, guess after guess; each guess
 * costs a PBKDF2 run (data-key.ts), and the count of wrong PINs only protects the app itself.
 */
import Dexie from 'dexie';
import { AnttDatabase } from './database.ts';
import { createDataKey, PBKDF2_ITERATIONS, toNonExtractable, unwrapDataKey, wrapDataKey, type WrappedKey } from './data-key.ts';
import { appLockKey, type DeviceDatabase } from './device-database.ts';
import { useDeviceQuery } from './device-context.tsx';
import type { BackupSeal } from './backup-file.ts';
import { forgetDatabase, keyFor, protectDatabase, unlockDatabase } from './key-ring.ts';
import { sealingRules } from './sealing.ts';

/** Wrong PINs in a row that lock the account's data until an online login. */
export const MAX_PIN_ATTEMPTS = 5;
/** After this long in the background the app asks for the PIN again. */
export const BACKGROUND_LOCK_MS = 5 * 60 * 1000;

/** A PIN is exactly 6 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{6}$/.test(pin);
}

/** An account's lock, as stored. */
export interface AppLockRecord {
  userId: string;
  dbName: string;
  /** The data key under the PIN; null after MAX_PIN_ATTEMPTS wrong PINs (locked out). */
  pin: WrappedKey | null;
  /** The data key under the password of the last online login that set it. */
  password: WrappedKey | null;
  failedAttempts: number;
}

/** Which account, and its database. */
export interface LockedAccount {
  userId: string;
  dbName: string;
}

/** The account's lock, or null when it has none yet. Marks its database protected. */
export async function getAppLock(device: DeviceDatabase, userId: string): Promise<AppLockRecord | null> {
  const record = (await device.meta.get(appLockKey(userId)))?.value as AppLockRecord | undefined;
  if (record) protectDatabase(record.dbName);
  return record ?? null;
}

/** Live lock of an account: undefined while loading, null when none. */
export function useAppLock(userId: string): AppLockRecord | null | undefined {
  return useDeviceQuery((device) => getAppLock(device, userId), [userId]);
}

/** Live ids of the accounts that can be opened with a PIN on this phone. */
export function useAccountsWithPin(): Set<string> | undefined {
  return useDeviceQuery(async (device) => {
    const rows = await device.meta.where('key').startsWith(appLockKey('')).toArray();
    return new Set(rows.map((row) => row.value as AppLockRecord).filter((record) => record.pin !== null).map((record) => record.userId));
  }, []);
}

async function saveLock(device: DeviceDatabase, record: AppLockRecord): Promise<void> {
  await device.meta.put({ key: appLockKey(record.userId), value: record });
}

/**
 * Sets the account's PIN after an online login (the password is the one just accepted) and
 * unlocks it. Keeps the data key the password still opens; otherwise makes a new one and, if
 * an old one could not be opened, erases the account's database (see the header). Rows stored
 * in clear before the lock existed are sealed now.
 */
export async function setUpAppLock(
  device: DeviceDatabase, account: LockedAccount, pin: string, password: string | null,
  options: { iterations?: number } = {},
): Promise<void> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const existing = await getAppLock(device, account.userId);
  let key = existing?.password && password !== null ? await unwrapDataKey(existing.password, password, true) : null;
  if (!key) {
    if (existing) {
      forgetDatabase(account.dbName);
      await Dexie.delete(account.dbName);
    }
    key = await createDataKey();
  }
  const [pinWrap, passwordWrap] = await Promise.all([wrapDataKey(key, pin, iterations), password === null ? null : wrapDataKey(key, password, iterations)]);
  await saveLock(device, { userId: account.userId, dbName: account.dbName, pin: pinWrap, password: passwordWrap, failedAttempts: 0 });
  unlockDatabase(account.dbName, await toNonExtractable(key));
  await sealClearRows(account.dbName);
}

/** The outcome of a PIN: unlocked, wrong (with the tries left), or locked out. */
export type PinOutcome = { status: 'unlocked' } | { status: 'wrong'; remaining: number } | { status: 'locked-out' };

/** Unlocks the account with its PIN, counting wrong ones (see MAX_PIN_ATTEMPTS). */
export async function unlockWithPin(device: DeviceDatabase, userId: string, pin: string): Promise<PinOutcome> {
  const record = await getAppLock(device, userId);
  if (!record?.pin) return { status: 'locked-out' };
  const key = await unwrapDataKey(record.pin, pin);
  if (key) {
    if (record.failedAttempts > 0) await saveLock(device, { ...record, failedAttempts: 0 });
    unlockDatabase(record.dbName, key);
    return { status: 'unlocked' };
  }
  const failedAttempts = record.failedAttempts + 1;
  const isLockedOut = failedAttempts >= MAX_PIN_ATTEMPTS;
  await saveLock(device, { ...record, failedAttempts, pin: isLockedOut ? null : record.pin });
  return isLockedOut ? { status: 'locked-out' } : { status: 'wrong', remaining: MAX_PIN_ATTEMPTS - failedAttempts };
}

/**
 * After an online login: unlocks with the password when the account has a working PIN and the
 * password opens its key ('unlocked'); 'needs-pin' when it has a PIN the password cannot open
 * (changed since: the PIN unlocks); 'needs-setup' when it has no PIN or is locked out.
 */
export async function unlockWithPassword(device: DeviceDatabase, userId: string, password: string): Promise<'unlocked' | 'needs-pin' | 'needs-setup'> {
  const record = await getAppLock(device, userId);
  if (!record?.pin) return 'needs-setup';
  const key = record.password ? await unwrapDataKey(record.password, password) : null;
  if (!key) return 'needs-pin';
  if (record.failedAttempts > 0) await saveLock(device, { ...record, failedAttempts: 0 });
  unlockDatabase(record.dbName, key);
  return 'unlocked';
}

/**
 * What encrypts a backup of an unlocked account (backup-file.ts): its key in memory, and the key
 * as wrapped by its password (by its PIN when no password wrapped it). Null when locked.
 */
export async function backupSealFor(device: DeviceDatabase, userId: string): Promise<BackupSeal | null> {
  const record = await getAppLock(device, userId);
  const key = record ? keyFor(record.dbName) : 'clear';
  if (!record || typeof key === 'string') return null;
  if (record.password) return { key, wrapped: record.password, by: 'password' };
  return record.pin ? { key, wrapped: record.pin, by: 'pin' } : null;
}

/** Seals what an account's database holds in clear that should be sealed (written before its lock). */
async function sealClearRows(dbName: string): Promise<void> {
  const db = new AnttDatabase(dbName);
  try {
    for (const [name, rule] of Object.entries(sealingRules)) {
      const table = db.table<Record<string, unknown>>(name);
      await db.transaction('rw', table, async () => {
        const rows = (await table.toArray()).filter((row) => rule.isSealed(row));
        if (rows.length > 0) await table.bulkPut(rows);
      });
    }
  } finally {
    db.close();
  }
}
