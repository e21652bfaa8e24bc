import type { AdaptiveCardInvokeResponse, MessagingExtensionAttachment, MessagingExtensionResponse, TaskModuleResponse } from 'botbuilder';
import type { CardAttachment } from '../cards';
import { escapeFor } from '../../platform/escape';

/**
 * Every answer the bot gives in an invoke's HTTP response is built here: Universal Actions
 * (card replace, or a message), message-extension results or message, and dialogs (task
 * continue, or message).
 */

/** Universal Actions: the card that replaces the one clicked. */
export const cardReplace = (card: CardAttachment): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card.content as never,
});

/** Universal Actions: a message shown instead of a new card (plain text: the plain rule, platform/escape.ts). */
export const cardMessage = (text: string): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: escapeFor('plain', text) as never });

/** Message extension: a list of cards (search results, an unfurled link, a card to insert). */
export const extensionResults = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});

/** Message extension: a sentence instead of results. */
export const extensionMessage = (text: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text: escapeFor('plain', text) } });

export interface DialogSize {
  width: 'small' | 'medium' | 'large';
  height: 'small' | 'medium' | 'large';
}

/** A dialog (task module) showing a card: opened, or shown again with its problems. */
export const dialog = (title: string, card: CardAttachment, size: DialogSize): TaskModuleResponse => ({
  task: { type: 'continue', value: { title, width: size.width, height: size.height, card } },
});

/** A dialog's closing sentence. */
export const dialogMessage = (text: string): TaskModuleResponse => ({ task: { type: 'message', value: escapeFor('plain', text) } });
