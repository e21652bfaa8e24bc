import type { Domain } from '../../domain';
import { feedbackInputSchema, type ContributorView } from '../../domain/feedback';
import type { Caller } from '../../domain/shared/caller';
import { DomainError, notFound } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { spendNotify } from '../../domain/shared/rate-limits';
import { problemText, refusalText } from '../app/errors';
import { messageCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import { threadCard } from './cards';
import { feedbackFormCard, submitFeedbackForm } from './form';

function latestOwnerEntry(item: ContributorView) {
  return [...item.entries].reverse().find((e) => e.from === 'owner' && e.text);
}

/**
 * Universal Actions from feedback cards. Answers with the card that replaces the one clicked.
 * Only the item's contributor gets past the domain's checks; anyone else sees "not available".
 */
export async function handleFeedbackAction(domain: Domain, caller: Caller, verb: string, data: Record<string, unknown>, locale: Locale = 'en'): Promise<CardAttachment> {
  if (verb === 'feedback.submit') return (await submitFeedbackForm(domain, caller, data, 'inline', locale)).card;
  if (verb === 'feedback.form') return feedbackFormCard(domain, caller, { mode: 'inline', locale });

  const feedbackId = typeof data.feedbackId === 'string' ? data.feedbackId.slice(0, 200) : '';
  const replyText = typeof data.replyText === 'string' ? data.replyText : '';
  const requestId = typeof data.requestId === 'string' ? data.requestId.slice(0, 100) : undefined;
  const current = async () => {
    const found = await domain.feedback.get(caller, feedbackId);
    return found.role === 'contributor' ? found.item : undefined;
  };
  try {
    if (!feedbackId.startsWith('feedback:')) throw notFound('feedback');
    // Replies and confirmations reach the item's owner: spent from the same budget as in the tab.
    if (verb === 'feedback.reply' || verb === 'feedback.confirmClosed' || verb === 'feedback.notClosed') spendNotify(domain.limits, caller);
    switch (verb) {
      case 'feedback.reply': {
        if (!replyText.trim()) {
          const item = await current();
          if (!item) break;
          return threadCard(item, { locale, heading: t(locale, 'Your feedback'), problem: t(locale, 'Write your reply first.') });
        }
        const text = parseInput(feedbackInputSchema.shape.text, replyText);
        const item = await domain.feedback.respond(caller, feedbackId, text, requestId ? `card:${requestId}` : undefined);
        return threadCard(item, { locale, heading: t(locale, 'Your feedback'), message: text, messageLabel: t(locale, 'You replied'), status: t(locale, item.anonymous ? 'Sent, without your name. It reaches them with the next daily batch.' : 'Sent.') });
      }
      case 'feedback.confirmClosed': {
        const text = replyText.trim() ? parseInput(feedbackInputSchema.shape.text, replyText) : undefined;
        const item = await domain.feedback.confirm(caller, feedbackId, true, text);
        return threadCard(item, { locale, heading: t(locale, 'Loop closed'), status: t(locale, 'Thanks for confirming. This item is now closed.') });
      }
      case 'feedback.notClosed': {
        const text = replyText.trim() ? parseInput(feedbackInputSchema.shape.text, replyText) : undefined;
        const item = await domain.feedback.confirm(caller, feedbackId, false, text);
        return threadCard(item, { locale, heading: t(locale, 'Reopened'), status: t(locale, item.anonymous ? 'Thanks for saying so. It is open again; they see your answer with the next daily batch.' : 'Thanks for saying so. It is open again and they will see your answer.') });
      }
      case 'feedback.open': {
        const item = await current();
        if (!item) break;
        const last = latestOwnerEntry(item);
        return threadCard(item, { locale, heading: t(locale, 'Your feedback'), message: last?.text ?? '', messageLabel: last?.name ? t(locale, '{name} wrote', { name: last.name }) : t(locale, 'They wrote') });
      }
    }
    return messageCard(locale, 'Feedback', 'This feedback item is no longer available.');
  } catch (err) {
    if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
    if (err.kind === 'not_found' || err.kind === 'forbidden') return messageCard(locale, 'Feedback', 'This feedback item is no longer available.');
    const item = await current().catch(() => undefined);
    const problem = err.kind === 'validation' ? t(locale, 'Your reply {problems}.', { problems: err.fields.map((f) => problemText(f, locale)).join('; ') }) : refusalText(err, locale);
    return item ? threadCard(item, { locale, heading: t(locale, 'Your feedback'), problem }) : messageCard(locale, 'Feedback', problem);
  }
}

