import { randomUUID } from 'node:crypto';
import type { Domain } from '../../domain';
import { DomainError } from '../../domain/shared/errors';
import { FEEDBACK_TEXT_MAX, feedbackInputSchema, type ContributorView, type Notice } from '../../domain/feedback';
import type { Caller } from '../../domain/shared/caller';
import { parseInput } from '../../domain/shared/validation';
import { problemSentence, refusalText } from '../app/errors';
import { renderCard, type CardAttachment } from '../cards';
import { t, words, type Locale } from '../i18n';
import { sentCard } from './cards';

/**
 * The "give feedback" form: inline in a 1:1 chat (answered with Action.Execute verb
 * `feedback.submit`) or in the message extension's dialog. A submission with problems comes
 * back as the same form with the values kept.
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
    ...(options.manager ? [{ title: options.manager.name ? t(locale, 'My manager ({name})', { name: options.manager.name }) : t(locale, 'My manager'), value: 'manager' }] : []),
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
      topics: options.topics.map((topic) => ({ title: words(locale).word(`topic.${topic}`), value: topic })),
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

export type FeedbackFormResult = { ok: true; card: CardAttachment; item: ContributorView; created: boolean; notices: Notice[] } | { ok: false; card: CardAttachment };

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
    const { item, created, notices } = await domain.feedback.give(caller, input, `card:${requestId}`);
    return { ok: true, item, created, notices, card: sentCard(item, notices, locale) };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'validation') {
      const errors: Partial<Record<keyof FeedbackFormValues, string>> = {};
      for (const f of err.fields) {
        const slot = (FIELDS as string[]).includes(f.field) ? (f.field as keyof FeedbackFormValues) : 'text';
        errors[slot] ??= problemSentence(f, locale);
      }
      return { ok: false, card: await feedbackFormCard(domain, caller, { mode, values, errors, problem: t(locale, 'Please fix the highlighted fields.'), requestId, locale }) };
    }
    if (err instanceof DomainError && err.kind !== 'unavailable') {
      return { ok: false, card: await feedbackFormCard(domain, caller, { mode, values, problem: refusalText(err, locale), requestId, locale }) };
    }
    throw err;
  }
}

