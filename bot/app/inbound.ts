import { TurnContext, type Activity } from 'botbuilder';
import { Parser } from 'htmlparser2';

/**
 * A message as the command table reads it, normalised once before any matching. Teams sends
 * the bot's @mention inside the text, formatted messages as HTML, and a card inserted from the
 * message extension as inline markup next to the card itself: none of that is a command.
 */
export interface Inbound {
  /** What the person typed: the bot's mention removed, markup reduced to its text, spaces collapsed. */
  text: string;
  /** Nothing typed, only cards or files (e.g. a card inserted from the message extension). */
  attachmentsOnly: boolean;
}

const MAX_TEXT = 500;

export function inboundMessage(activity: Partial<Activity>): Inbound {
  const raw = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  const text = (looksLikeMarkup(raw) ? htmlToText(raw) : raw).replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  // Teams adds a text/html copy of ordinary messages; any other attachment is something sent.
  const sent = (activity.attachments ?? []).filter((a) => a?.contentType && a.contentType !== 'text/html');
  return { text, attachmentsOnly: !text && sent.length > 0 };
}

const looksLikeMarkup = (text: string) => /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);/i.test(text);

/** Elements that end a line of text, and elements whose content is not text anyone reads. */
const LINE_BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);
const HIDDEN = new Set(['script', 'style', 'template']);

/** The text of an HTML fragment, entities decoded; block elements become line breaks. */
export function htmlToText(html: string): string {
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (name === 'br') out += '\n';
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (LINE_BREAKS.has(name) && name !== 'br') out += '\n';
      },
      ontext(text) {
        if (!hidden) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .trim();
}
