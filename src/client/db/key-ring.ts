/**
 * The data keys of unlocked accounts, in memory only (a reload, a lock or 5 minutes in the
 * background forget them), by account database name. sealing.ts reads it on every operation:
 * a database marked protected here seals restricted rows with its key and, with no key (locked),
 * refuses to write them and yields them sealed. A database never marked protected (an account
 * that has not set its PIN yet, which the app never opens beyond its session) is left clear.
 */
import { useSyncExternalStore } from 'react';

const keys = new Map<string, CryptoKey>();
const protectedNames = new Set<string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Marks a database as one whose restricted rows are sealed (its account has a PIN). */
export function protectDatabase(dbName: string): void {
  protectedNames.add(dbName);
}

/** Holds an account's unwrapped (non-extractable) data key: its database is unlocked. */
export function unlockDatabase(dbName: string, key: CryptoKey): void {
  protectedNames.add(dbName);
  keys.set(dbName, key);
  changed();
}

/** Forgets a database's key (it stays protected): the app asks for the PIN again. */
export function lockDatabase(dbName: string): void {
  if (keys.delete(dbName)) changed();
}

/** Forgets every key (another account opens; the app went to the background too long). */
export function lockAllDatabases(): void {
  if (keys.size === 0) return;
  keys.clear();
  changed();
}

/** Forgets a database entirely (erased from the phone). */
export function forgetDatabase(dbName: string): void {
  protectedNames.delete(dbName);
  lockDatabase(dbName);
}

/** How sealing treats a database now: its key, 'locked', or 'clear' (not protected). */
export function keyFor(dbName: string): CryptoKey | 'locked' | 'clear' {
  const key = keys.get(dbName);
  if (key) return key;
  return protectedNames.has(dbName) ? 'locked' : 'clear';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Live: whether the database's key is held (the account is unlocked). */
export function useIsUnlocked(dbName: string): boolean {
  return useSyncExternalStore(subscribe, () => keys.has(dbName));
}
