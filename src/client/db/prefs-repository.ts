/**
 * Preferences of this phone (language for now) in the device database's `prefs` table. They are
 * never synced and outlive every account: the language belongs to the phone's owner.
 */
import type { DeviceDatabase } from './device-database.ts';

export const languages = ['vi', 'en'] as const;
/** The UI language; Vietnamese by default. */
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The stored language, or 'vi' when none (or an unknown one) is stored. */
export async function getLanguage(device: DeviceDatabase): Promise<Language> {
  const row = await device.prefs.get(LANGUAGE_KEY);
  return isLanguage(row?.value) ? row.value : 'vi';
}

/** Stores the language; every screen reading it re-renders. */
export async function setLanguage(device: DeviceDatabase, language: Language): Promise<void> {
  await device.prefs.put({ key: LANGUAGE_KEY, value: language });
}
