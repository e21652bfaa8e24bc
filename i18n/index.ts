import type { GroupLabel } from '../domain/anonymity/rules';
import type { Params } from '../domain/shared/codes';
import type { Code } from './codes';
import { en } from './en';
import { es } from './es';
import { createWords, type Words } from './format';

/**
 * The words of every domain code, per language, for the faces that run on the server (the bot
 * and the tab's API). The tab loads one language's table alone (tabs/src/i18n) and words with
 * the same ./format.ts. Teams and browsers name languages as BCP-47 tags; anything we have no
 * table for reads English.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const WORDS: Readonly<Record<Locale, Words>> = { en: createWords(en, 'en'), es: createWords(es, 'es') };

/** Teams sends BCP-47 tags ("es-ES", "es-419", "en-US"). */
export function localeOf(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^es\b/i.test(tag.trim()) ? 'es' : 'en';
}

/** The best of our languages for an Accept-Language header ("es-ES,es;q=0.9,en;q=0.8"), else English. */
export function localeOfAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return 'en';
  const ranges = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranges) {
    const lang = r.tag.split('-')[0];
    if ((LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  }
  return 'en';
}

export const words = (locale: Locale): Words => WORDS[locale];
export const word = (locale: Locale, code: Code, params?: Params): string => WORDS[locale].word(code, params);
export const groupName = (locale: Locale, label: GroupLabel, inline?: boolean): string => WORDS[locale].group(label, inline);

export { en, es };
export type { Code, Words };
export { CATALOGUE, CODES, type Kind, type Wording, type Wordings } from './codes';
export { refusalText, sentToText, shownAsText } from './describe';
