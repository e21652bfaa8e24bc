import type { NotificationKind } from '../../domain/outbox';
import type { LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { CELEBRATION_CARDS } from '../celebrations/cards';
import { CHECKIN_CARDS } from '../checkins/cards';
import { CIRCLE_CARDS } from '../circles/cards';
import { LESSON_CARDS } from '../lessons/cards';
import { FEEDBACK_CARDS } from '../feedback/cards';
import { PATH_CARDS } from '../paths/cards';
import { PROJECT_CARDS } from '../projects/cards';
import { STORY_CARDS } from '../stories/cards';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';

/** Every outbox kind's card, from the feature that queues it. */
const CARDS: NotificationCards = { ...CHECKIN_CARDS, ...CELEBRATION_CARDS, ...FEEDBACK_CARDS, ...CIRCLE_CARDS, ...STORY_CARDS, ...PROJECT_CARDS, ...PATH_CARDS, ...LESSON_CARDS };

/** How `feedback_*` kinds are drawn, when a caller wants other cards than the feedback feature's. */
export type FeedbackCards = (kind: NotificationKind, data: Record<string, unknown>, locale: Locale) => CardAttachment;

/** The card Teams shows for an outbox message, in the reader's language. */
export function outboxCard(links: LinkConfig, kind: NotificationKind, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const draw = CARDS[kind];
  return draw ? draw(data, links, locale) : renderCard('message', { title: '', text: t(locale, 'You have an update in Leaderful.') }, [], locale);
}

export function notificationCard(links: LinkConfig, feedbackCards: FeedbackCards | undefined, kind: NotificationKind, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  if (feedbackCards && kind.startsWith('feedback_')) return feedbackCards(kind, data, locale);
  return outboxCard(links, kind, data, locale);
}
