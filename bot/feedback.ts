import { randomUUID } from 'node:crypto';
import { CardFactory, MessageFactory, type MessagingExtensionAction, type MessagingExtensionActionResponse, type TurnContext } from 'botbuilder';
import type { Domain } from '../domain';
import { DomainError } from '../domain/shared/errors';
import { FEEDBACK_TEXT_MAX, TOPIC_LABELS, feedbackInputSchema, type ContributorView } from '../domain/feedback';
import { FEEDBACK_TOPICS, type FeedbackState, type FeedbackTopic } from '../domain/feedback';
import { type Caller } from '../domain/shared/caller';
import type { NotificationKind } from '../domain/outbox';
import { parseInput } from '../domain/shared/validation';
import { localeOf, t, type Locale } from './i18n';
import { renderCard, type CardAttachment } from './cards';
import { tabHomeLink, type LinkConfig } from './links';

/**
 * Feedback in Teams: the "feedback" chat command (an inline form answered with Action.Execute
 * verb `feedback.submit`, in 1:1 chats only), the message extension's "Send feedback" action (a
 * dialog; the confirmation is private and nothing is inserted into the conversation), the
 * contributor's de-identified thread (verbs `feedback.reply`, `feedback.confirmClosed`,
 * `feedback.notClosed`) and the cards for the outbox kinds `feedback_*`.
 *
 * Everything goes through domain.feedback; the caller always comes from the activity.
 */

export type FormMode = 'inline' | 'dialog';

export interface FeedbackFormValues {
  audience: string;
  topic: string;
  text: string;
  pilotId: string;
  anonymous: string;
}

const FIELDS: (keyof FeedbackFormValues)[] = ['audience', 'topic', 'text', 'pilotId', 'anonymous'];

const STATE_LABEL: Record<FeedbackState, string> = {
  open: 'Sent, not yet acknowledged',
  acknowledged: 'Acknowledged',
  acted: 'Acted on (“you said, we did”)',
  closed: 'Closed',
};

const PRIVACY_NOTE = 'Your name is not shown to anyone. Replies here reach them without revealing who you are.';
const messageCard = (locale: Locale, title: string, text: string) => renderCard('message', { title: t(locale, title), text: t(locale, text) }, [], locale);

/** Card inputs arrive as strings (toggles sometimes as booleans); anything else is empty. */
export function readFormValues(data: unknown): FeedbackFormValues {
  const source = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const get = (k: string) => {
    const v = source[k];
    return typeof v === 'string' ? v.slice(0, FEEDBACK_TEXT_MAX * 2) : typeof v === 'boolean' ? String(v) : '';
  };
  return Object.fromEntries(FIELDS.map((f) => [f, get(f)])) as unknown as FeedbackFormValues;
}

/** Plain text of a Teams message's HTML body, to prefill "Send feedback" on a message. */
export function plainMessageText(html: string | undefined): string {
  return (html ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '‹')
    .replace(/&gt;/g, '›')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()
    .slice(0, FEEDBACK_TEXT_MAX);
}

/** The "give feedback" form, filled with what the caller may choose. */
export async function feedbackFormCard(
  domain: Domain,
  caller: Caller,
  opts: { mode: FormMode; values?: Partial<FeedbackFormValues>; errors?: Partial<Record<keyof FeedbackFormValues, string>>; problem?: string; requestId?: string; locale?: Locale } = { mode: 'inline' },
): Promise<CardAttachment> {
  const locale = opts.locale ?? 'en';
  const options = await domain.feedback.formOptions(caller);
  const audiences = [
    ...(options.manager ? [{ title: t(locale, 'My manager ({name})', { name: options.manager.name }), value: 'manager' }] : []),
    { title: t(locale, 'Senior leaders'), value: 'leaders' },
  ];
  const values: FeedbackFormValues = {
    audience: options.manager ? 'manager' : 'leaders',
    topic: 'practice',
    text: '',
    pilotId: 'none',
    anonymous: 'true',
    ...Object.fromEntries(Object.entries(opts.values ?? {}).filter(([, v]) => v !== '' && v !== undefined)),
  };
  if (!audiences.some((a) => a.value === values.audience)) values.audience = audiences[0].value;
  if (!options.pilots.some((p) => p.id === values.pilotId)) values.pilotId = 'none';
  const errors = Object.fromEntries(FIELDS.map((f) => [f, opts.errors?.[f] ?? '']));
  return renderCard(
    'feedbackForm',
    {
      mode: opts.mode,
      heading: t(locale, 'Give feedback'),
      intro: t(locale, 'Say what is working and what is not. You will hear back here in your chat with Leaderful.'),
      problem: opts.problem ?? '',
      values,
      errors,
      requestId: opts.requestId ?? randomUUID(),
      audiences,
      topics: options.topics.map((topic) => ({ title: t(locale, topic.label), value: topic.value })),
      pilots: options.pilots.map((p) => ({ title: p.title, value: p.id })),
      anonymityNote: t(
        locale,
        'Anonymous feedback carries no name, reaches its reader only after the week it was written in has ended, and is shown only as coming from a group of at least {threshold} people. If your team is smaller, it goes to senior leaders instead.',
        { threshold: options.threshold },
      ),
    },
    ['audiences', 'topics', 'pilots'],
    locale,
  );
}

export type FeedbackFormResult = { ok: true; card: CardAttachment; item: ContributorView; created: boolean; notice?: string } | { ok: false; card: CardAttachment };

/** Validates and sends the form; on a problem, returns the form again with the values kept. */
export async function submitFeedbackForm(domain: Domain, caller: Caller, data: Record<string, unknown>, mode: FormMode = 'inline', locale: Locale = 'en'): Promise<FeedbackFormResult> {
  const values = readFormValues(data);
  const requestId = typeof data?.requestId === 'string' && data.requestId ? data.requestId.slice(0, 100) : randomUUID();
  try {
    const input = parseInput(feedbackInputSchema, {
      audience: values.audience,
      topic: values.topic,
      text: values.text,
      anonymous: values.anonymous !== 'false',
      ...(values.pilotId && values.pilotId !== 'none' ? { pilotId: values.pilotId } : {}),
    });
    const { item, created, notice } = await domain.feedback.give(caller, input, `card:${requestId}`);
    return { ok: true, item, created, notice, card: sentCard(item, notice, locale) };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'validation') {
      const errors: Partial<Record<keyof FeedbackFormValues, string>> = {};
      for (const f of err.fields) {
        const slot = (FIELDS as string[]).includes(f.field) ? (f.field as keyof FeedbackFormValues) : 'text';
        errors[slot] ??= `${f.message.charAt(0).toUpperCase()}${f.message.slice(1)}.`;
      }
      return { ok: false, card: await feedbackFormCard(domain, caller, { mode, values, errors, problem: t(locale, 'Please fix the highlighted fields.'), requestId, locale }) };
    }
    if (err instanceof DomainError && err.kind !== 'unavailable') {
      return { ok: false, card: await feedbackFormCard(domain, caller, { mode, values, problem: t(locale, err.message), requestId, locale }) };
    }
    throw err;
  }
}

/** The private confirmation after sending. */
export function sentCard(item: ContributorView, notice?: string, locale: Locale = 'en'): CardAttachment {
  return threadCard(item, {
    locale,
    heading: t(locale, item.anonymous ? 'Sent anonymously' : 'Feedback sent'),
    message: notice ? t(locale, notice) : '',
    messageLabel: t(locale, 'Please note'),
    status: item.visibleFrom
      ? t(locale, 'They will see it from the week of {week}. Any reply comes to this chat.', { week: item.visibleFrom })
      : t(locale, 'Any reply comes to this chat.'),
    facts: [
      [t(locale, 'Sent to'), t(locale, item.sentTo)],
      [t(locale, 'Shown as'), t(locale, item.shownAs)],
      [t(locale, 'Topic'), t(locale, TOPIC_LABELS[item.topic])],
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
        [t(locale, 'Topic'), t(locale, TOPIC_LABELS[item.topic])],
        [t(locale, 'Status'), t(locale, STATE_LABEL[item.state])],
        [t(locale, 'Sent to'), t(locale, item.sentTo)],
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
    if (!feedbackId.startsWith('feedback:')) throw new DomainError('not_found', 'That feedback item was not found.');
    switch (verb) {
      case 'feedback.reply': {
        if (!replyText.trim()) {
          const item = await current();
          if (!item) break;
          return threadCard(item, { locale, heading: t(locale, 'Your feedback'), problem: t(locale, 'Write your reply first.') });
        }
        const text = parseInput(feedbackInputSchema.shape.text, replyText);
        const item = await domain.feedback.respond(caller, feedbackId, text, requestId ? `card:${requestId}` : undefined);
        return threadCard(item, { locale, heading: t(locale, 'Your feedback'), message: text, messageLabel: t(locale, 'You replied'), status: t(locale, item.anonymous ? 'Sent, without your name.' : 'Sent.') });
      }
      case 'feedback.confirmClosed': {
        const text = replyText.trim() ? parseInput(feedbackInputSchema.shape.text, replyText) : undefined;
        const item = await domain.feedback.confirm(caller, feedbackId, true, text);
        return threadCard(item, { locale, heading: t(locale, 'Loop closed'), status: t(locale, 'Thanks for confirming. This item is now closed.') });
      }
      case 'feedback.notClosed': {
        const text = replyText.trim() ? parseInput(feedbackInputSchema.shape.text, replyText) : undefined;
        const item = await domain.feedback.confirm(caller, feedbackId, false, text);
        return threadCard(item, { locale, heading: t(locale, 'Reopened'), status: t(locale, 'Thanks for saying so. It is open again and they will see your answer.') });
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
    const problem = err.kind === 'validation' ? t(locale, 'Your reply {problems}.', { problems: err.fields.map((f) => f.message).join('; ') }) : t(locale, err.message);
    return item ? threadCard(item, { locale, heading: t(locale, 'Your feedback'), problem }) : messageCard(locale, 'Feedback', problem);
  }
}

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
        topics: topics.map((topic) => ({ topic: t(locale, String(topic.topic ?? '')), count: String(topic.count ?? '') })),
        note: t(locale, 'Anonymous feedback appears once the week it was written in has ended, and only from groups big enough to keep people anonymous.'),
        url: links ? tabHomeLink(links) : '',
      },
      [],
      locale,
    );
  }
  const state = (FEEDBACK_STATE_SET.has(str('state')) ? str('state') : 'open') as FeedbackState;
  const topic = ((FEEDBACK_TOPICS as readonly string[]).includes(str('topic')) ? str('topic') : 'other') as FeedbackTopic;
  const from = str('fromName') || t(locale, 'They');
  const event = kind === 'feedback_reply' ? 'reply' : str('event') || 'reply';
  const item: ContributorView = {
    id: str('feedbackId'),
    audience: 'manager',
    topic,
    text: str('excerpt'),
    anonymous: data.anonymous === true,
    sentTo: '',
    shownAs: '',
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
      [t(locale, 'Topic'), t(locale, TOPIC_LABELS[topic])],
      [t(locale, 'Status'), t(locale, STATE_LABEL[state])],
      ...(state !== 'closed' && item.dueDate ? [[t(locale, 'Due'), item.dueDate] as [string, string]] : []),
    ],
    status: state === 'acted' ? t(locale, 'Is the loop really closed? Tell them below.') : '',
  });
}

const FEEDBACK_STATE_SET = new Set<string>(['open', 'acknowledged', 'acted', 'closed']);

// ---------------------------------------------------------------------------------------------
// Wiring helpers for the lead: chat command and message-extension action.

const COMMAND = /^(?:give |send )?feedback$/i;

/**
 * The "feedback" chat command, for ChatCommands.register. In a 1:1 chat it posts the inline
 * form; in a group chat or channel it never does (a form there would show who sent feedback).
 */
export function feedbackCommand(domain: Domain) {
  return async (context: TurnContext, caller: Caller, text: string): Promise<boolean> => {
    if (!COMMAND.test(text.trim())) return false;
    const locale = localeOf(context.activity.locale);
    if (context.activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(t(locale, 'Feedback is private: message me in a 1:1 chat with “feedback”, or use “Send feedback” on any message.'));
      return true;
    }
    const card = await feedbackFormCard(domain, caller, { mode: 'inline', locale });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
    return true;
  };
}

const DIALOG = { title: 'Send feedback', width: 'medium', height: 'large' } as const;

/** Message extension "Send feedback" (commandId sendFeedback): the form, prefilled from the message. */
export async function feedbackFetchTask(domain: Domain, caller: Caller, action: MessagingExtensionAction, locale: Locale = 'en'): Promise<MessagingExtensionActionResponse> {
  const text = plainMessageText(action.messagePayload?.body?.content);
  const card = await feedbackFormCard(domain, caller, { mode: 'dialog', values: { text }, locale });
  return { task: { type: 'continue', value: { ...DIALOG, title: t(locale, DIALOG.title), card } } };
}

/** Sends it, or shows the form again. Only a private confirmation: nothing is inserted into the conversation. */
export async function feedbackSubmitAction(domain: Domain, caller: Caller, action: MessagingExtensionAction, locale: Locale = 'en'): Promise<MessagingExtensionActionResponse> {
  const data = action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
  const result = await submitFeedbackForm(domain, caller, data, 'dialog', locale);
  if (!result.ok) return { task: { type: 'continue', value: { ...DIALOG, title: t(locale, DIALOG.title), card: result.card } } };
  const toLeaders = result.item.sentTo === 'Senior leaders';
  const sent = result.item.anonymous
    ? t(locale, toLeaders ? 'Sent anonymously to senior leaders.' : 'Sent anonymously to your manager.')
    : t(locale, toLeaders ? 'Sent to senior leaders.' : 'Sent to your manager.');
  const when = result.item.visibleFrom ? ` ${t(locale, 'They will see it from the week of {week}.', { week: result.item.visibleFrom })}` : '';
  const notice = result.notice ? ` ${t(locale, result.notice)}` : '';
  return { task: { type: 'message', value: `${sent}${when} ${t(locale, 'Replies come to your chat with Leaderful.')}${notice}` } };
}
