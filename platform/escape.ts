import { csvCell } from '../domain/shared/csv';

/**
 * The one rule for user text on its way out: whatever a person wrote (a name, a title, a
 * message) reaches other people as text, never as formatting, a link, a mention or markup. Each
 * surface that renders text has its escaper here, and every surface goes through it:
 *
 *   markdown  Adaptive Card TextBlocks and facts (bot/cards renders every card through it) and the
 *             bot's text messages (Turn.say, the pipeline's failure replies), which Teams renders
 *             as markdown: emphasis, code, links and line-start markers are backslash-escaped,
 *             `<` becomes an entity so no tag (<at> mentions included) survives.
 *   html      Thumbnail and hero cards (message-extension result previews), whose text Teams
 *             renders as HTML: every character that HTML or markdown would act on becomes a
 *             numeric entity, which both show as the character itself.
 *   plain     Text shown as it is: invoke answers that are a plain sentence (dialog and
 *             message-extension messages, a card action's message) and activity-feed previews.
 *             Nothing is interpreted there; control and direction-override characters, which
 *             could disguise the text, are dropped.
 *   csv       Export cells: quoted, and formula-looking text made inert (domain/shared/csv.ts).
 */
export type Surface = 'markdown' | 'html' | 'plain' | 'csv';

/** Escapes what Teams' markdown would turn into formatting; ordinary punctuation inside words stays readable. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/^(\s*)([-+#>]|\d+\.)/gm, (_m, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/\r?\n/g, '\n\n');
}

const HTML_ACTIVE = /[&<>"'`[\]()*_~\\#|!]/g;

/** Every character HTML or markdown would act on, as a numeric entity. */
export function escapeHtml(text: string): string {
  return plainText(text).replace(HTML_ACTIVE, (c) => `&#${c.charCodeAt(0)};`);
}

// C0/C1 controls except tab and newline, and the bidirectional overrides and isolates.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text shown as it is, without the characters that could disguise it. */
export function plainText(text: string): string {
  return text.replace(HIDDEN, '');
}

/** Activity-feed preview text: plain, on one line, at most `max` characters (Graph's limit is 150). */
export function feedPreview(text: string, max = 150): string {
  const line = plainText(text).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function escapeFor(surface: Surface, text: string): string {
  switch (surface) {
    case 'markdown':
      return escapeMarkdown(text);
    case 'html':
      return escapeHtml(text);
    case 'plain':
      return plainText(text);
    case 'csv':
      return csvCell(text);
  }
}
