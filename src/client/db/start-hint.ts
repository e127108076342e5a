/**
 * What the app needs to show its first screen, kept in localStorage so that it shows before
 * IndexedDB answers: the language, the active account and whether it opens with a PIN.
 *
 * On a phone holding much data the browser can take a second or more to open the first IndexedDB
 * database after a start (Chromium keeps an origin's databases in one LevelDB). With this hint
 * the app lock's PIN field is on screen meanwhile, and the person types while the database opens;
 * the PIN itself is checked against the device database as before (app-lock.ts), so the hint
 * decides only what is shown first. The device database stays the truth: the app reads it through
 * useStartState, which mirrors it here, and once it answers shows what it says.
 *
 * Nothing secret is kept: the account's name and database name are what the lock screen shows
 * anyway and what the device database holds in clear. Signing out or leaving the account writes
 * a hint without an account.
 */
import { useEffect } from 'react';
import { roles } from '#src/shared/domain/roles.ts';
import { getActiveAccount } from './account-repository.ts';
import { getAppLock } from './app-lock.ts';
import type { DeviceAccount, DeviceDatabase } from './device-database.ts';
import { useDeviceQuery } from './device-context.tsx';
import { getLanguage, isLanguage, type Language } from './prefs-repository.ts';

export const START_HINT_KEY = 'so-tay-antt-start';

export interface StartHint {
  language: Language;
  /** The active account, or null when nobody is signed in. */
  account: DeviceAccount | null;
  /** The active account opens with its PIN (it has one and is not locked out). */
  hasPin: boolean;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function asAccount(value: unknown): DeviceAccount | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const { userId, username, displayName, dbName, lastActiveAt, role } = value as Record<string, unknown>;
  if (!isText(userId) || !isText(username) || !isText(displayName) || !isText(dbName) || !isText(lastActiveAt)) return undefined;
  if (role !== undefined && !(roles as readonly unknown[]).includes(role)) return undefined;
  return { userId, username, displayName, dbName, lastActiveAt, ...(role === undefined ? {} : { role: role as DeviceAccount['role'] }) };
}

/** The hint left by the last run, or null when there is none or it cannot be read. */
export function readStartHint(): StartHint | null {
  try {
    const text = storage()?.getItem(START_HINT_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null) return null;
    const account = asAccount(value.account);
    if (!isLanguage(value.language) || account === undefined || typeof value.hasPin !== 'boolean') return null;
    return { language: value.language, account, hasPin: account !== null && value.hasPin };
  } catch {
    return null;
  }
}

/** Stores the hint; a browser refusing storage only loses the head start. */
export function writeStartHint(hint: StartHint): void {
  try {
    const text = JSON.stringify(hint);
    const store = storage();
    if (store && store.getItem(START_HINT_KEY) !== text) store.setItem(START_HINT_KEY, text);
  } catch {
    // Full or disabled storage: the next start waits for IndexedDB, as without a hint.
  }
}

/** The hint as the device database says it should be. */
export async function startHintOf(device: DeviceDatabase): Promise<StartHint> {
  const [language, account] = await Promise.all([getLanguage(device), getActiveAccount(device)]);
  const lock = account ? await getAppLock(device, account.userId) : null;
  return { language, account, hasPin: Boolean(lock?.pin) };
}

/**
 * What the app's first screen depends on, live from the device database (undefined while the
 * first read runs); kept in the hint as it changes.
 */
export function useStartState(): StartHint | undefined {
  const state = useDeviceQuery((device) => startHintOf(device), []);
  useEffect(() => {
    if (state) writeStartHint(state);
  }, [state]);
  return state;
}
