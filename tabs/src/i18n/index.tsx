import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';

/**
 * Strings and formatting for the tab. The language comes from the Teams context locale (or the
 * browser's, standalone); anything we have no dictionary for falls back to English, while dates
 * and numbers still follow the full locale tag (en-GB vs en-US).
 */
const DICTIONARIES = { en, es } satisfies Record<string, Messages>;
export type Language = keyof typeof DICTIONARIES;

export function languageOf(locale: string): Language {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang in DICTIONARIES ? (lang as Language) : 'en';
}

export interface I18n {
  locale: string;
  language: Language;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A calendar date (YYYY-MM-DD) as the reader writes dates; never shifted by time zone. */
  date(isoDay: string): string;
  percent(ratio: number): string;
  decimal(value: number): string;
  /** Short weekday name, 0 = Sunday. */
  weekday(day: number): string;
  list(items: string[]): string;
}

export function createI18n(locale: string): I18n {
  const language = languageOf(locale);
  const messages: Messages = DICTIONARIES[language];
  const safeLocale = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : language;
  const dateFmt = new Intl.DateTimeFormat(safeLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const weekdayFmt = new Intl.DateTimeFormat(safeLocale, { weekday: 'short', timeZone: 'UTC' });
  const percentFmt = new Intl.NumberFormat(safeLocale, { style: 'percent', maximumFractionDigits: 0 });
  const decimalFmt = new Intl.NumberFormat(safeLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const listFmt = new Intl.ListFormat(safeLocale, { style: 'short', type: 'conjunction' });
  return {
    locale: safeLocale,
    language,
    t(key, vars) {
      const text = messages[key] ?? en[key];
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
    },
    date(isoDay) {
      const d = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDay : dateFmt.format(d);
    },
    percent: (ratio) => percentFmt.format(ratio),
    decimal: (value) => decimalFmt.format(value),
    // 2023-01-01 was a Sunday.
    weekday: (day) => weekdayFmt.format(new Date(Date.UTC(2023, 0, 1 + day))),
    list: (items) => listFmt.format(items),
  };
}

const I18nContext = createContext<I18n>(createI18n('en-US'));

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  // Screen readers pick their voice from the page language.
  useEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
export type { MessageKey };
