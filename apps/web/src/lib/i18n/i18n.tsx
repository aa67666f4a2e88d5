import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Params = Readonly<Record<string, string | number>>;

/** A screen's messages: Korean is the source, English must have exactly the same keys. */
export interface Catalog<K extends string> {
  ko: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

export function defineMessages<K extends string>(catalog: Catalog<K>): Catalog<K> {
  return catalog;
}

/** "{name}" placeholders filled from params; a missing param stays visible rather than vanishing. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  params?: Params,
): string {
  return interpolate(catalog[locale][key], params);
}

const STORAGE_KEY = 'karina.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'ko' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked (private modes); Korean is the default anyway.
  }
  return 'ko';
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'ko', setLocale: () => undefined });

/** Korean by default; the choice is remembered per browser (a preference, nothing sensitive). */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** `t(key, params)` for one catalog in the current language. */
export function useMessages<K extends string>(catalog: Catalog<K>): (key: K, params?: Params) => string {
  const { locale } = useLocale();
  return useCallback((key: K, params?: Params) => translate(catalog, locale, key, params), [catalog, locale]);
}
