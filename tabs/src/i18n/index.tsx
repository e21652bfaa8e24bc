import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { MessageKey, Messages } from './en';

/**
 * Strings and formatting for the tab. The language comes from the Teams context locale (or the
 * browser's, standalone); anything we have no dictionary for falls back to English, while dates
 * and numbers still follow the full locale tag (en-GB vs en-US). Each dictionary is its own
 * chunk, and only the reader's is downloaded (`loadMessages`, before the first render). Every
 * dictionary has every key (`Messages`), so there is nothing to fall back to at run time.
 */
const DICTIONARIES = {
  en: () => import('./en').then((m) => m.en as Messages),
  es: () => import('./es').then((m) => m.es),
} satisfies Record<string, () => Promise<Messages>>;
export type Language = keyof typeof DICTIONARIES;

export function languageOf(locale: string): Language {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang in DICTIONARIES ? (lang as Language) : 'en';
}

export const loadMessages = (language: Language): Promise<Messages> => DICTIONARIES[language]();

/** Keys that come in `.one` / `.other` pairs. */
type BaseOf<K> = K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
export type PluralBase = BaseOf<MessageKey>;

export interface I18n {
  locale: string;
  language: Language;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A count in words: `${base}.one` or `${base}.other` by the language's plural rules; `{count}` is filled in. */
  plural(base: PluralBase, count: number, vars?: Record<string, string | number>): string;
  /**
   * A calendar date as the reader writes dates: a day (YYYY-MM-DD), or a timestamp's UTC day;
   * never shifted by time zone. Nothing for no date.
   */
  date(iso: string | undefined): string;
  percent(ratio: number): string;
  decimal(value: number): string;
  /** Short weekday name, 0 = Sunday. */
  weekday(day: number): string;
  list(items: string[]): string;
}

export function createI18n(locale: string, messages: Messages): I18n {
  const language = languageOf(locale);
  const safeLocale = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : language;
  const dateFmt = new Intl.DateTimeFormat(safeLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const weekdayFmt = new Intl.DateTimeFormat(safeLocale, { weekday: 'short', timeZone: 'UTC' });
  const percentFmt = new Intl.NumberFormat(safeLocale, { style: 'percent', maximumFractionDigits: 0 });
  const decimalFmt = new Intl.NumberFormat(safeLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const listFmt = new Intl.ListFormat(safeLocale, { style: 'short', type: 'conjunction' });
  const pluralRules = new Intl.PluralRules(safeLocale);
  const t: I18n['t'] = (key, vars) => {
    const text = messages[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
  return {
    locale: safeLocale,
    language,
    t,
    plural(base, count, vars) {
      const key = (pluralRules.select(count) === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
      return t(key, { count, ...vars });
    },
    date(iso) {
      if (!iso) return '';
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
    },
    percent: (ratio) => percentFmt.format(ratio),
    decimal: (value) => decimalFmt.format(value),
    // 2023-01-01 was a Sunday.
    weekday: (day) => weekdayFmt.format(new Date(Date.UTC(2023, 0, 1 + day))),
    list: (items) => listFmt.format(items),
  };
}

const I18nContext = createContext<I18n>(createI18n('en-US', {} as Messages));

export function I18nProvider({ locale, messages, children }: { locale: string; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale, messages), [locale, messages]);
  // Screen readers pick their voice from the page language.
  useEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
export type { MessageKey, Messages };
