/**
 * t(key, params) in the language chosen in settings. The app reads the preference once, at the
 * top (I18nProvider); screens call useT(). Without a provider (a screen tested alone) the
 * language is Vietnamese, the default. Vietnamese ships in the app shell; the English catalog is
 * loaded when English is chosen (until it arrives, the screens stay in Vietnamese).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '#src/client/db/prefs-repository.ts';
import { vi, type MessageKey, type Messages } from './vi.ts';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogs: Partial<Record<Language, Messages>> = { vi };

/** The catalog of a language, loaded once (English is a separate chunk). */
async function loadCatalog(language: Language): Promise<void> {
  if (catalogs[language]) return;
  if (language === 'en') catalogs.en = (await import('./en.ts')).en;
}

function translator(language: Language): Translate {
  const messages = catalogs[language] ?? vi;
  return (key, params) => {
    const text = messages[key];
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

/** Gives every screen below it the chosen language; keeps <html lang> in step for screen readers. */
export function I18nProvider({ language: chosen, children }: { language: Language; children: ReactNode }) {
  // Bumped when a catalog arrives: the next render finds it and switches.
  const [, setArrivals] = useState(0);
  const language = catalogs[chosen] ? chosen : 'vi';
  useEffect(() => {
    if (catalogs[chosen]) return;
    let isCurrent = true;
    void loadCatalog(chosen).then(() => isCurrent && setArrivals((count) => count + 1));
    return () => {
      isCurrent = false;
    };
  }, [chosen]);
  const value = useMemo(() => ({ t: translator(language), language }), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
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
  return (catalogs[language] ?? vi)['time.justNow'];
}
