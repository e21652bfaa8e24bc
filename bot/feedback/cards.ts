import { randomUUID } from 'node:crypto';
import { FEEDBACK_TOPICS, type ContributorView, type FeedbackState, type FeedbackTopic, type Notice } from '../../domain/feedback';
import { sentToText, shownAsText } from '../../i18n';
import type { NotificationKind } from '../../domain/outbox';
import { tabHomeLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { renderCard, type CardAttachment } from '../cards';
import { t, words, type Locale } from '../i18n';

/**
 * The contributor's side of feedback: the private confirmation after sending, the
 * de-identified thread card (reply, confirm closed, reopen), and the cards of the outbox kinds
 * `feedback_reply`, `feedback_update` (to the contributor) and `feedback_digest` (to owners).
 */
const STATE_LABEL: Record<FeedbackState, string> = {
  open: 'Sent, not yet acknowledged',
  acknowledged: 'Acknowledged',
  acted: 'Acted on (“you said, we did”)',
  closed: 'Closed',
};

const PRIVACY_NOTE = 'Your name is not shown to anyone. Replies here reach them without revealing who you are.';

/** What the contributor should know about where it went, in their language. */
export const noticesText = (notices: Notice[], locale: Locale): string => notices.map((n) => words(locale).word(n.code, n.params)).join(' ');

/** The private confirmation after sending. */
export function sentCard(item: ContributorView, notices: Notice[] = [], locale: Locale = 'en'): CardAttachment {
  const w = words(locale);
  return threadCard(item, {
    locale,
    heading: t(locale, item.anonymous ? 'Sent anonymously' : 'Feedback sent'),
    message: noticesText(notices, locale),
    messageLabel: t(locale, 'Please note'),
    status: item.visibleFrom
      ? t(locale, 'They will see it from the week of {week}. Any reply comes to this chat.', { week: item.visibleFrom })
      : t(locale, 'Any reply comes to this chat.'),
    facts: [
      [t(locale, 'Sent to'), sentToText(w, item.sentTo)],
      [t(locale, 'Shown as'), shownAsText(w, item.shownAs)],
      [t(locale, 'Topic'), w.word(`topic.${item.topic}`)],
      ...(item.pilot ? [[t(locale, 'Pilot'), item.pilot.title] as [string, string]] : []),
    ],
    actions: false,
  });
}

interface ThreadOpts {
  locale?: Locale;
  heading: string;
  message?: string;
  messageLabel?: string;
  status?: string;
  problem?: string;
  facts?: [string, string][];
  actions?: boolean;
}

/** The contributor's thread card, from their view of the item. */
export function threadCard(item: ContributorView, opts: ThreadOpts): CardAttachment {
  const actions = opts.actions !== false;
  const locale = opts.locale ?? 'en';
  return renderCard(
    'feedbackThread',
    {
      heading: opts.heading,
      excerpt: excerpt(item.text),
      message: opts.message ?? '',
      messageLabel: opts.messageLabel ?? '',
      facts: (opts.facts ?? [
        [t(locale, 'Topic'), words(locale).word(`topic.${item.topic}`)],
        [t(locale, 'Status'), t(locale, STATE_LABEL[item.state])],
        [t(locale, 'Sent to'), sentToText(words(locale), item.sentTo)],
      ]).map(([title, value]) => ({ title, value })),
      privacyNote: item.anonymous ? t(locale, PRIVACY_NOTE) : '',
      status: opts.status ?? '',
      problem: opts.problem ?? '',
      feedbackId: item.id,
      requestId: randomUUID(),
      canReply: actions && item.canReply,
      canConfirm: actions && item.canConfirm,
      canReopen: actions && item.canReopen,
    },
    ['feedbackId'],
    locale,
  );
}

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 277)}…` : text);

const EVENT_HEADING: Record<string, string> = {
  reply: '{from} replied to your feedback',
  acknowledged: '{from} acknowledged your feedback',
  acted: 'You said, we did: {from} acted on your feedback',
  closed: '{from} closed your feedback item',
};

/**
 * Cards for the outbox kinds `feedback_reply`, `feedback_update` (to the contributor, in their
 * 1:1 chat) and `feedback_digest` (to owners). Pure: everything comes from the queued data.
 */
export function feedbackNotificationCard(kind: NotificationKind, data: Record<string, unknown>, links?: LinkConfig, locale: Locale = 'en'): CardAttachment {
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
  const num = (k: string) => (typeof data[k] === 'number' ? (data[k] as number) : 0);
  if (kind === 'feedback_digest') {
    const parts = [
      num('open') ? t(locale, '{n} new', { n: num('open') }) : '',
      num('awaitingReply') ? t(locale, '{n} with a reply to answer', { n: num('awaitingReply') }) : '',
      num('overdue') ? t(locale, '{n} past the due date', { n: num('overdue') }) : '',
    ].filter(Boolean);
    const topics = Array.isArray(data.topics) ? (data.topics as { topic?: unknown; count?: unknown }[]) : [];
    const waiting = t(locale, num('waiting') === 1 ? '1 feedback item is waiting on you' : '{n} feedback items are waiting on you', { n: num('waiting') });
    return renderCard(
      'feedbackDigest',
      {
        summary: `${waiting}${parts.length ? `: ${parts.join(', ')}` : ''}.`,
        topics: topics.map((topic) => ({ topic: topicName(topic.topic, locale), count: String(topic.count ?? '') })),
        note: t(locale, 'Anonymous feedback appears once the week it was written in has ended, and only from groups big enough to keep people anonymous.'),
        url: links ? tabHomeLink(links) : '',
      },
      [],
      locale,
    );
  }
  const state = (FEEDBACK_STATE_SET.has(str('state')) ? str('state') : 'open') as FeedbackState;
  const topic = ((FEEDBACK_TOPICS as readonly string[]).includes(str('topic')) ? str('topic') : 'other') as FeedbackTopic;
  const from = str('fromName') || (str('fromRole') ? words(locale).word(str('fromRole') === 'leaders' ? 'person.leaders' : 'person.manager') : t(locale, 'They'));
  const event = kind === 'feedback_reply' ? 'reply' : str('event') || 'reply';
  const item: ContributorView = {
    id: str('feedbackId'),
    audience: 'manager',
    topic,
    text: str('excerpt'),
    anonymous: data.anonymous === true,
    sentTo: { to: 'manager' },
    shownAs: { as: 'named' },
    rerouted: false,
    state,
    dueDate: str('dueDate'),
    createdWeek: '',
    entries: [],
    canReply: state !== 'closed',
    canConfirm: state === 'acted',
    canReopen: state === 'acted' || state === 'closed',
  };
  return threadCard(item, {
    locale,
    heading: t(locale, EVENT_HEADING[event] ?? EVENT_HEADING.reply, { from }),
    message: str('message'),
    messageLabel: event === 'acted' ? t(locale, 'What was done') : t(locale, '{name} wrote', { name: from }),
    facts: [
      [t(locale, 'Topic'), words(locale).word(`topic.${topic}`)],
      [t(locale, 'Status'), t(locale, STATE_LABEL[state])],
      ...(state !== 'closed' && item.dueDate ? [[t(locale, 'Due'), item.dueDate] as [string, string]] : []),
    ],
    status: state === 'acted' ? t(locale, 'Is the loop really closed? Tell them below.') : '',
  });
}

const FEEDBACK_STATE_SET = new Set<string>(['open', 'acknowledged', 'acted', 'closed']);

/** A topic code as its word (anything else, as it came). */
const topicName = (topic: unknown, locale: Locale) => ((FEEDBACK_TOPICS as readonly unknown[]).includes(topic) ? words(locale).word(`topic.${topic as FeedbackTopic}`) : String(topic ?? ''));

/** The outbox kinds feedback queues. */
export const FEEDBACK_CARDS: NotificationCards = {
  feedback_reply: (data, links, locale) => feedbackNotificationCard('feedback_reply', data, links, locale),
  feedback_update: (data, links, locale) => feedbackNotificationCard('feedback_update', data, links, locale),
  feedback_digest: (data, links, locale) => feedbackNotificationCard('feedback_digest', data, links, locale),
};
