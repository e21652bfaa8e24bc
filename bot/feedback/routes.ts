/**
 * Feedback in Teams: the "feedback" chat command (an inline form answered with Action.Execute
 * verb `feedback.submit`, in 1:1 chats only), the message extension's "Send feedback" action (a
 * dialog; the confirmation is private and nothing is inserted into the conversation), the
 * contributor's de-identified thread (verbs `feedback.reply`, `feedback.confirmClosed`,
 * `feedback.notClosed`) and the cards for the outbox kinds `feedback_*`.
 *
 * Everything goes through domain.feedback; the caller always comes from the activity.
 */
import type { MessagingExtensionAction, MessagingExtensionActionResponse } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Caller } from '../../domain/shared/caller';
import { ME_COMMANDS } from '../app/message-extension';
import { dialog, dialogMessage, type DialogSize } from '../app/responses';
import type { BotDeps, CommandHandler, Router } from '../app/router';
import { t, type Locale } from '../i18n';
import { handleFeedbackAction } from './actions';
import { noticesText } from './cards';
import { feedbackFormCard, plainMessageText, submitFeedbackForm } from './form';

export function registerFeedbackRoutes(router: Router, { domain }: BotDeps): void {
  // A form in a group chat or channel would show who sent feedback: 1:1 chats only.
  router.command(/^(?:give |send )?feedback$/i, feedbackCommand(domain), {
    personalOnly: true,
    elsewhere: 'Feedback is private: message me in a 1:1 chat with “feedback”, or use “Send feedback” on any message.',
  });
  router.verbFamily('feedback.', (turn, data, verb) => handleFeedbackAction(domain, turn.caller, verb, data, turn.locale));
  router.extension(ME_COMMANDS.sendFeedback, {
    fetchTask: (turn, action) => feedbackFetchTask(domain, turn.caller, action, turn.locale),
    submitAction: (turn, action) => feedbackSubmitAction(domain, turn.caller, action, turn.locale),
  });
}

/** The "feedback" chat command: the inline form. */
export function feedbackCommand(domain: Domain): CommandHandler {
  return async (turn) => turn.show(await feedbackFormCard(domain, turn.caller, { mode: 'inline', locale: turn.locale }));
}

const DIALOG_TITLE = 'Send feedback';
const DIALOG: DialogSize = { width: 'medium', height: 'large' };

/** Message extension "Send feedback" (commandId sendFeedback): the form, prefilled from the message. */
export async function feedbackFetchTask(domain: Domain, caller: Caller, action: MessagingExtensionAction, locale: Locale = 'en'): Promise<MessagingExtensionActionResponse> {
  const text = plainMessageText(action.messagePayload?.body?.content);
  const card = await feedbackFormCard(domain, caller, { mode: 'dialog', values: { text }, locale });
  return dialog(t(locale, DIALOG_TITLE), card, DIALOG);
}

/** Sends it, or shows the form again. Only a private confirmation: nothing is inserted into the conversation. */
export async function feedbackSubmitAction(domain: Domain, caller: Caller, action: MessagingExtensionAction, locale: Locale = 'en'): Promise<MessagingExtensionActionResponse> {
  const data = action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
  const result = await submitFeedbackForm(domain, caller, data, 'dialog', locale);
  if (!result.ok) return dialog(t(locale, DIALOG_TITLE), result.card, DIALOG);
  const toLeaders = result.item.sentTo.to === 'leaders';
  const sent = result.item.anonymous
    ? t(locale, toLeaders ? 'Sent anonymously to senior leaders.' : 'Sent anonymously to your manager.')
    : t(locale, toLeaders ? 'Sent to senior leaders.' : 'Sent to your manager.');
  const when = result.item.visibleFrom ? ` ${t(locale, 'They will see it from the week of {week}.', { week: result.item.visibleFrom })}` : '';
  const notice = result.notices.length ? ` ${noticesText(result.notices, locale)}` : '';
  return dialogMessage(`${sent}${when} ${t(locale, 'Replies come to your chat with Leaderful.')}${notice}`);
}
