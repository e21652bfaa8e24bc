import type { MessagingExtensionQuery } from 'botbuilder';
import { escapeFor } from '../../platform/escape';
import { htmlToText } from './inbound';

/** Message-extension command ids; manifest/manifest.json declares the same. */
export const ME_COMMANDS = {
  search: 'findPilots',
  launchPilot: 'launchPilot',
  giveKudos: 'giveKudos',
  sendFeedback: 'sendFeedback',
  stories: 'findStories',
} as const;

/** The words typed into a search command and the page asked for (bounded). */
export function searchOf(query: MessagingExtensionQuery): { text: string; skip: number; count: number } {
  const text = String((query.parameters ?? []).find((p) => p.name === 'searchQuery')?.value ?? '').slice(0, 100);
  const skip = Math.max(0, Math.min(1000, Number(query.queryOptions?.skip) || 0));
  const count = Math.max(1, Math.min(25, Number(query.queryOptions?.count) || 10));
  return { text, skip, count };
}

/**
 * A result's preview: a thumbnail card, whose text Teams renders as HTML, so it goes through the
 * html rule (platform/escape.ts). Every preview is built here.
 */
export function preview(title: string, text: string) {
  return { contentType: 'application/vnd.microsoft.card.thumbnail' as const, content: { title: escapeFor('html', title), text: escapeFor('html', text) } };
}

/** Plain text of a message's HTML body (a message's "…" action prefills a form with it). */
export function messageText(html: string | undefined): string {
  return htmlToText(typeof html === 'string' ? html : '').slice(0, 1000);
}
