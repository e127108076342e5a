/**
 * The phone's own database (IndexedDB 'so-tay-antt-device'), apart from any account's data:
 * which accounts keep data on this phone and which one is active, and the phone's preferences
 * (language), which belong to its owner, not to an account.
 *
 * A shared phone (families share them) holds one AnttDatabase per account: switching accounts
 * never deletes anyone's unsent work, and the app opens an account's database only for that
 * account (account-repository.ts). Versions as in database.ts: never edit a released version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Role } from '#src/shared/domain/roles.ts';

/** An account whose data is on this phone. */
export interface DeviceAccount {
  userId: string;
  username: string;
  displayName: string;
  /** Its AnttDatabase's name. */
  dbName: string;
  /** ISO instant it was last the active account. */
  lastActiveAt: string;
  /** Its role at its last login (absent on rows written before): the lock screen loads that home meanwhile. */
  role?: Role;
}

export interface DeviceRow {
  key: string;
  value: unknown;
}

export const DEVICE_DATABASE_NAME = 'so-tay-antt-device';

/** The `meta` row holding an account's app lock (app-lock.ts). */
export function appLockKey(userId: string): string {
  return `appLock:${userId}`;
}

export class DeviceDatabase extends Dexie {
  accounts!: EntityTable<DeviceAccount, 'userId'>;
  prefs!: EntityTable<DeviceRow, 'key'>;
  meta!: EntityTable<DeviceRow, 'key'>;

  constructor(name = DEVICE_DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      accounts: 'userId, lastActiveAt',
      prefs: 'key',
      meta: 'key',
    });
  }
}
