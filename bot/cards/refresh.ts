import type { CardAttachment } from './index';

/** Teams refreshes a card automatically for at most this many listed people (NOTES). */
const MAX_REFRESH_USERS = 60;

/**
 * Universal Actions `refresh`: when one of `userIds` (Teams user ids) opens the chat holding this
 * card, Teams invokes `verb` with `data` and shows the card the bot answers instead, so an old
 * card always shows its current state. Without anyone to refresh for, the card is left as it is
 * (Teams would otherwise show a manual "refresh" link to everyone).
 */
export function withRefresh(card: CardAttachment, verb: string, data: Record<string, unknown>, userIds: unknown): CardAttachment {
  const ids = Array.isArray(userIds) ? userIds.filter((u): u is string => typeof u === 'string' && u.length > 0).slice(0, MAX_REFRESH_USERS) : [];
  if (!ids.length) return card;
  return { ...card, content: { ...card.content, refresh: { action: { type: 'Action.Execute', verb, data }, userIds: ids } } };
}
