import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { GroupLabel } from '../../../domain/anonymity/rules';
import type { Params } from '../../../domain/shared/codes';
import type { Code, CodeWords } from '../../../i18n/codes';
import { createWords, onFirstUse } from '../../../i18n/format';
import type { FirstMessages, LazyArea, MessageKey, Messages } from './en';

/**
 * Strings and formatting for the tab. The language comes from the Teams context locale (or the
 * browser's, standalone); anything we have no dictionary for falls back to English, while dates
 * and numbers still follow the full locale tag (en-GB vs en-US). Each dictionary is its own
 * chunk, and only the reader's is downloaded (`loadMessages`, before the first render): the
 * tab's own strings, and the words for the domain codes every view may show (i18n/, the same the
 * bot and the API use). Lazy areas bring their strings and their codes' words with their view.
 * Every language has every key, so there is nothing to fall back to at run time.
 */
export interface Dictionary {
  messages: FirstMessages;
  codes: CodeWords;
}

/** A lazy area's strings, and the words of the codes only its views show (if any). */
interface AreaDictionary {
  messages: Record<string, string>;
  codes?: CodeWords;
}

const DICTIONARIES = {
  en: () => import('./en').then((m): Dictionary => ({ messages: m.en, codes: m.codes })),
  es: () => import('./es').then((m): Dictionary => ({ messages: m.es, codes: m.codes })),
} satisfies Record<string, () => Promise<Dictionary>>;
export type Language = keyof typeof DICTIONARIES;

export function languageOf(locale: string): Language {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang in DICTIONARIES ? (lang as Language) : 'en';
}

export const loadMessages = (language: Language): Promise<Dictionary> => DICTIONARIES[language]();

/** What a lazy area's module (./en/admin.ts…) brings: its strings, and its codes' words if any. */
const part =
  <Area extends string>(area: Area) =>
  (m: Record<Area, Record<string, string>> & { codes?: CodeWords }): AreaDictionary => ({ messages: m[area], codes: m.codes });

/** The strings (and codes' words) of areas that load with their view, per language (each its own chunk). */
const LAZY_AREAS = {
  admin: { en: () => import('./en/admin').then(part('admin')), es: () => import('./es/admin').then(part('admin')) },
  meeting: { en: () => import('./en/meeting').then(part('meeting')), es: () => import('./es/meeting').then(part('meeting')) },
  preferences: { en: () => import('./en/preferences').then(part('preferences')), es: () => import('./es/preferences').then(part('preferences')) },
  feedback: { en: () => import('./en/feedback').then(part('feedback')), es: () => import('./es/feedback').then(part('feedback')) },
  circles: { en: () => import('./en/circles').then(part('circles')), es: () => import('./es/circles').then(part('circles')) },
  stories: { en: () => import('./en/stories').then(part('stories')), es: () => import('./es/stories').then(part('stories')) },
  projects: { en: () => import('./en/projects').then(part('projects')), es: () => import('./es/projects').then(part('projects')) },
  paths: { en: () => import('./en/paths').then(part('paths')), es: () => import('./es/paths').then(part('paths')) },
  lessons: { en: () => import('./en/lessons').then(part('lessons')), es: () => import('./es/lessons').then(part('lessons')) },
  privacy: { en: () => import('./en/privacy').then(part('privacy')), es: () => import('./es/privacy').then(part('privacy')) },
  pulse: { en: () => import('./en/pulse').then(part('pulse')), es: () => import('./es/pulse').then(part('pulse')) },
  pilotForms: { en: () => import('./en/pilotForms').then(part('pilotForms')), es: () => import('./es/pilotForms').then(part('pilotForms')) },
} satisfies Record<LazyArea, Record<Language, () => Promise<AreaDictionary>>>;

/** Keys that come in `.one` / `.other` pairs. */
type BaseOf<K> = K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
export type PluralBase = BaseOf<MessageKey>;

export interface I18n {
  locale: string;
  language: Language;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Whether a lazy area's strings are here yet. */
  hasArea(area: LazyArea): boolean;
  /** Fetches a lazy area's strings in the reader's language (its view waits for them). */
  area(area: LazyArea): Promise<void>;
  /** A domain code (a refusal, field problem, signal, notice, topic…) in the reader's words. */
  word(code: Code, params?: Params): string;
  /** A group's label ("Your organisation", "Ops (other teams)", a team's name). */
  group(label: GroupLabel): string;
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

export function createI18n(locale: string, { messages, codes }: Dictionary): I18n {
  const language = languageOf(locale);
  const safeLocale = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : language;
  // Each made when first needed (see onFirstUse): the first screen uses few of them.
  const dateFmt = onFirstUse(() => new Intl.DateTimeFormat(safeLocale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const weekdayFmt = onFirstUse(() => new Intl.DateTimeFormat(safeLocale, { weekday: 'short', timeZone: 'UTC' }));
  const percentFmt = onFirstUse(() => new Intl.NumberFormat(safeLocale, { style: 'percent', maximumFractionDigits: 0 }));
  const decimalFmt = onFirstUse(() => new Intl.NumberFormat(safeLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const listFmt = onFirstUse(() => new Intl.ListFormat(safeLocale, { style: 'short', type: 'conjunction' }));
  const pluralRules = onFirstUse(() => new Intl.PluralRules(safeLocale));
  // The first download's codes' words, joined by lazy areas' as their views open.
  let codeWords = codes;
  let words = createWords(codeWords, safeLocale);
  // The first download's strings, joined by lazy areas' as their views open.
  const table: Partial<Messages> = { ...messages };
  const areas = new Set<LazyArea>();
  const t: I18n['t'] = (key, vars) => {
    const text = table[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
  return {
    locale: safeLocale,
    language,
    t,
    hasArea: (area) => areas.has(area),
    async area(area) {
      if (areas.has(area)) return;
      const part = await LAZY_AREAS[area][language]();
      Object.assign(table, part.messages);
      if (part.codes) {
        codeWords = joinCodes(codeWords, part.codes);
        words = createWords(codeWords, safeLocale);
      }
      areas.add(area);
    },
    word: (code, params) => words.word(code, params),
    group: (label) => words.group(label),
    plural(base, count, vars) {
      const key = (pluralRules().select(count) === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
      return t(key, { count, ...vars });
    },
    date(iso) {
      if (!iso) return '';
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFmt().format(d);
    },
    percent: (ratio) => percentFmt().format(ratio),
    decimal: (value) => decimalFmt().format(value),
    // 2023-01-01 was a Sunday.
    weekday: (day) => weekdayFmt().format(new Date(Date.UTC(2023, 0, 1 + day))),
    list: (items) => listFmt().format(items),
  };
}

/** Two parts of a language's codes' words, kind by kind. */
function joinCodes(a: CodeWords, b: CodeWords): CodeWords {
  const joined: Record<string, object | undefined> = { ...a };
  for (const [kind, words] of Object.entries(b)) joined[kind] = { ...joined[kind], ...words };
  return joined as CodeWords;
}

const I18nContext = createContext<I18n>(createI18n('en-US', { messages: {} as FirstMessages, codes: {} }));

export function I18nProvider({ locale, dictionary, children }: { locale: string; dictionary: Dictionary; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale, dictionary), [locale, dictionary]);
  // Screen readers pick their voice from the page language.
  useEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
export type { LazyArea, MessageKey, Messages };
