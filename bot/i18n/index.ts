/**
 * Card and chat text in the person's Teams language (English and Spanish). The bot's own text
 * has its English as the key: templates are translated string by string before they are
 * filled, and code passes its sentences through `t` with `{name}` placeholders. A test checks
 * every template string and every `t(...)` sentence has a Spanish entry, so nothing ships
 * half-translated. What the domain says (refusals, field problems, signals, notices, group
 * labels, topics, celebrations, circle rules) is never keyed by English: it arrives as codes,
 * worded with `word` from i18n/.
 *
 * The Spanish table is kept in one file per area (es-*.ts) and merged here, once: a sentence
 * has exactly one translation.
 */
import { CELEBRATIONS_ES } from './es-celebrations';
import { CHECKINS_ES } from './es-checkins';
import { CIRCLES_ES } from './es-circles';
import { COMMON_ES } from './es-common';
import { FEEDBACK_ES } from './es-feedback';
import { LESSONS_ES } from './es-lessons';
import { PILOTS_ES } from './es-pilots';
import type { Locale } from '../../i18n';

export { localeOf, word, words, type Locale } from '../../i18n';

export const ES: Record<string, string> = { ...COMMON_ES, ...PILOTS_ES, ...CHECKINS_ES, ...CELEBRATIONS_ES, ...FEEDBACK_ES, ...CIRCLES_ES, ...LESSONS_ES };

export function t(locale: Locale, text: string, vars: Record<string, string | number> = {}): string {
  const pattern = locale === 'es' ? (ES[text] ?? text) : text;
  return pattern.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Card properties that hold words people read (others hold ids, values, URLs or expressions). */
const READABLE = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText']);

export function localizeTemplate<T>(template: T, locale: Locale): T {
  if (locale === 'en') return template;
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && READABLE.has(key) ? (ES[value] ?? value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(template) as T;
}
