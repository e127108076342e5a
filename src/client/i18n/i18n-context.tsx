/**
 * t(key, params) in the language chosen in settings. The app reads the preference once, at the
 * top (I18nProvider); screens call useT(). Without a provider (a screen tested alone) the
 * language is Vietnamese, the default. Vietnamese ships with the app shell; English is its own
 * file, loaded the first time it is chosen (most phones never download it).
 */
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '#src/client/db/prefs-repository.ts';
import { vi, type MessageKey, type Messages } from './vi.ts';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

type Catalog = Record<string, string>;

/** A feature's own messages in both languages, loaded with the feature (see addMessages). */
export interface MessagePart {
  vi: Catalog;
  en: Catalog;
}

const catalogs: Partial<Record<Language, Catalog>> = { vi: { ...vi } };
const parts: MessagePart[] = [];

/** Adds a feature's messages (once; a catalog loaded later gets them too). */
export function addMessages(part: MessagePart): void {
  if (parts.includes(part)) return;
  parts.push(part);
  for (const language of ['vi', 'en'] as const) {
    const catalog = catalogs[language];
    if (catalog) Object.assign(catalog, part[language]);
  }
}

async function loadCatalog(language: Language): Promise<void> {
  if (language !== 'en' || catalogs.en) return;
  const { en } = await import('./en.ts');
  catalogs.en ??= Object.assign({}, en as Messages, ...parts.map((part) => part.en)) as Catalog;
}

function translator(language: Language): Translate {
  const messages = catalogs[language] ?? catalogs.vi!;
  return (key, params) => {
    const text = messages[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value, language) : value;
    });
  };
}

interface I18nValue {
  t: Translate;
  language: Language;
}

const I18nContext = createContext<I18nValue>({ t: translator('vi'), language: 'vi' });

/**
 * Gives every screen below it the chosen language; keeps <html lang> in step for screen readers.
 * While a newly chosen language loads, the screens keep the one they had; `fallback` shows until
 * the first language is there.
 */
export function I18nProvider({ language, fallback = null, children }: { language: Language; fallback?: ReactNode; children: ReactNode }) {
  const [arrived, setArrived] = useState<Language | null>(catalogs[language] ? language : null);
  const shown = catalogs[language] ? language : arrived;
  useEffect(() => {
    let current = true;
    void loadCatalog(language).then(() => {
      if (current) setArrived(language);
    });
    return () => {
      current = false;
    };
  }, [language]);
  const value = useMemo(() => (shown === null ? null : { t: translator(shown), language: shown }), [shown]);
  // In the same commit as the words: <html lang> never names the other language, even briefly.
  useLayoutEffect(() => {
    if (shown !== null) document.documentElement.lang = shown;
  }, [shown]);
  if (value === null) return fallback;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function and the current language. */
export function useT(): I18nValue {
  return useContext(I18nContext);
}

/** 1.234 in Vietnamese, 1,234 in English. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** A ratio 0..1 as a percentage with at most one decimal: 27,8% (vi) or 27.8% (en). */
export function formatPercent(ratio: number, language: Language): string {
  return `${formatNumber(Math.round(ratio * 1000) / 10, language)}%`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago an instant was, in words: "2 giờ trước", "3 minutes ago". */
export function formatAge(instant: string, now: Date, language: Language): string {
  const elapsed = Math.max(0, now.getTime() - new Date(instant).getTime());
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return (catalogs[language] ?? vi)['time.justNow'] ?? vi['time.justNow'];
}
