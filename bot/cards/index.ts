import { Template } from 'adaptivecards-templating';
import { localizeTemplate, t, type Locale } from '../i18n';
import { TEMPLATES, type TemplateName } from './templates';
import { escapeMarkdown } from '../../platform/escape';

export { escapeMarkdown };

export { TEMPLATES, type TemplateName };

/**
 * The card renderer: every Adaptive Card Leaderful sends is a template (see ./templates), filled
 * here. Text people wrote is escaped on the way in (platform/escape.ts, the markdown rule) so
 * nobody can smuggle markdown links, formatting or mentions into a card that others see. Fields
 * listed in `raw` (URLs, input values) are inserted as they are.
 */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

/** Escapes every string in `value`, except under keys named in `raw` (whole subtrees). */
function escapeAll(value: unknown, raw: Set<string>): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map((v) => escapeAll(v, raw));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        // A fact's value is rendered as markdown (unlike a choice's or an input's value).
        if (k === 'facts') return [k, escapeAll(v, new Set([...raw].filter((r) => r !== 'value')))];
        return [k, raw.has(k) ? v : escapeAll(v, raw)];
      }),
    );
  }
  return value;
}

/**
 * Plain-text slots: URLs, ids, input values and choice titles are not rendered as markdown, so
 * escaping them would show stray backslashes. They go in as they are. The ids a card's actions
 * carry back (circleId, …) and the times Adaptive Cards format (closesAt, dueAt) are such slots.
 */
const RAW_KEYS = ['url', 'tabUrl', 'version', 'value', 'values', 'id', 'requestId', 'choices', 'verb', 'data'];
const ID_KEYS = ['circleId', 'storyId', 'projectId', 'pathId', 'feedbackId', 'closesAt', 'dueAt', 'chatUrl'];

/** Parsed templates, one per template and language (parsing costs far more than filling). A memo of
 * the static templates, never of data: nothing request-specific is kept here. */
const parsed = new Map<string, Template>();

function templateFor(name: TemplateName, locale: Locale): Template {
  const key = `${name}|${locale}`;
  let template = parsed.get(key);
  if (!template) {
    template = new Template(localizeTemplate(TEMPLATES[name], locale));
    parsed.set(key, template);
  }
  return template;
}

/**
 * Fills a template in the reader's language (English if not given). `raw` names extra data keys
 * that are plain text slots rather than markdown.
 */
export function renderCard(name: TemplateName, data: Record<string, unknown>, raw: string[] = [], locale: Locale = 'en'): CardAttachment {
  const template = templateFor(name, locale);
  const content = template.expand({ $root: escapeAll(data, new Set([...RAW_KEYS, ...ID_KEYS, ...raw])) }) as Record<string, unknown>;
  // A card whose only action was dropped by `$when` must not carry an empty action bar.
  if (Array.isArray(content.actions) && content.actions.length === 0) delete content.actions;
  return { contentType: 'application/vnd.microsoft.card.adaptive', content };
}

export const cardBytes = (card: CardAttachment) => Buffer.byteLength(JSON.stringify(card.content));

/** The plain card, for a title and a sentence already in the reader's words. */
export const textCard = (locale: Locale, title: string, text: string): CardAttachment => renderCard('message', { title, text }, [], locale);

/** The plain card: a title and a sentence, both translated. */
export const messageCard = (locale: Locale, title: string, text: string, vars: Record<string, string | number> = {}): CardAttachment =>
  renderCard('message', { title: t(locale, title), text: t(locale, text, vars) }, [], locale);

/** Adaptive Cards' DATE()/TIME() want RFC 3339 without milliseconds; Teams shows local time. */
export const cardTime = (iso: string | undefined) => (iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
