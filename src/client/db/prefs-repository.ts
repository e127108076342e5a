/**
 * Preferences of this device (language for now) in the local `prefs` table. They are never
 * synced and survive sign-out (signOut keeps the prefs table): the language belongs to the
 * phone's owner, not to the account.
 */
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

export const languages = ['vi', 'en'] as const;
/** The UI language; Vietnamese by default. */
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The stored language, or 'vi' when none (or an unknown one) is stored. */
export async function getLanguage(db: AnttDatabase): Promise<Language> {
  const row = await db.prefs.get(LANGUAGE_KEY);
  return isLanguage(row?.value) ? row.value : 'vi';
}

/** Stores the language; every screen reading it re-renders. */
export async function setLanguage(db: AnttDatabase, language: Language): Promise<void> {
  await db.prefs.put({ key: LANGUAGE_KEY, value: language });
}

/** The language, live; undefined while the first read runs. */
export function useLanguagePref(): Language | undefined {
  return useDbQuery((db) => getLanguage(db), []);
}
