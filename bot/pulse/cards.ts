import { localizedQuestion, type Question } from '../../domain/practices';
import { PULSE_QUESTIONS, type PulseSignalKind } from '../../domain/pulse';
import type { Params, SignalCode } from '../../domain/shared/codes';
import { leaderTabLink, pulseTabLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { cardTime, renderCard, type CardAttachment } from '../cards';
import { withRefresh } from '../cards/refresh';
import { t, words, type Locale } from '../i18n';

/**
 * The managers' pulse in Teams: the prompt (a form answered in place with Action.Execute), the
 * thanks card that replaces it, the reminder, and senior leaders' weekly at-risk digest. The
 * outbox kinds carry everything their card needs, so drawing one reads nothing.
 */

/** The verb Teams invokes to redraw a pulse card as it now stands. */
export const PULSE_REFRESH_VERB = 'pulse.refresh';

export interface PulseFormView {
  period: string;
  closesAt: string;
  threshold: number;
  values?: Record<string, string | number | boolean>;
  problem?: string;
  editing?: boolean;
  userIds?: string[];
}

export function pulseCard(v: PulseFormView, locale: Locale = 'en'): CardAttachment {
  const card = renderCard(
    'pulse',
    {
      period: v.period,
      closesAt: cardTime(v.closesAt),
      threshold: v.threshold,
      problem: v.problem ?? '',
      questions: PULSE_QUESTIONS.map((asked) => {
        const q = localizedQuestion(asked, locale);
        return { id: q.id, kind: q.kind, text: q.text, low: q.low ?? '', high: q.high ?? '', value: v.values?.[q.id] === undefined ? '' : String(v.values[q.id]) };
      }),
      submitTitle: t(locale, v.editing ? 'Save changes' : 'Send my pulse'),
    },
    ['questions', 'period'],
    locale,
  );
  return withRefresh(card, PULSE_REFRESH_VERB, { period: v.period }, v.userIds);
}

function answerLines(questions: readonly Question[], values: Record<string, string | number | boolean>, locale: Locale) {
  return questions
    .map((q) => localizedQuestion(q, locale))
    .filter((q) => values[q.id] !== undefined && values[q.id] !== '')
    .map((q) => ({ question: q.text, answer: String(values[q.id]) }));
}

export function pulseThanksCard(links: LinkConfig, v: { period: string; closesAt: string; open: boolean; values: Record<string, string | number | boolean>; userIds?: string[] }, locale: Locale = 'en'): CardAttachment {
  const card = renderCard('pulseThanks', { period: v.period, closesAt: cardTime(v.closesAt), open: v.open, answers: answerLines(PULSE_QUESTIONS, v.values, locale), url: pulseTabLink(links) }, ['period'], locale);
  return v.open ? withRefresh(card, PULSE_REFRESH_VERB, { period: v.period }, v.userIds) : card;
}

const SIGNAL_TITLES: Record<PulseSignalKind, string> = {
  micromanagement: 'Micromanagement: autonomy falling while pilots are overridden',
  overload: 'Overload: managers’ workload and load',
  neglected_loops: 'Neglected loops: feedback waiting on its owners',
};

interface DigestItem {
  kind: PulseSignalKind;
  code: SignalCode;
  params: Params;
  group: string;
}

/** The weekly at-risk digest: each item worded in the reader's language, linking to the leader view filtered to it. */
export function atRiskDigestCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const items = (Array.isArray(data.items) ? (data.items as DigestItem[]) : []).filter((i) => i && i.kind in SIGNAL_TITLES);
  const w = words(locale);
  return renderCard(
    'atRiskDigest',
    {
      summary: t(locale, items.length === 1 ? '1 signal in managers’ groups this week.' : '{n} signals in managers’ groups this week.', { n: items.length }),
      threshold: Number(data.threshold) || 0,
      items: items.map((i) => ({ title: t(locale, SIGNAL_TITLES[i.kind]), reason: w.word(i.code, i.params), url: leaderTabLink(links, { signal: i.kind, group: i.group }) })),
    },
    [],
    locale,
  );
}

/** The outbox kinds the pulse queues. */
export const PULSE_CARDS: NotificationCards = {
  pulse_prompt: (data, _links, locale) => pulseCard({ period: String(data.period), closesAt: String(data.closesAt), threshold: Number(data.threshold) || 0, userIds: data.userIds as string[] }, locale),
  pulse_reminder: (data, _links, locale) =>
    withRefresh(renderCard('pulseReminder', { period: String(data.period), closesAt: cardTime(String(data.closesAt)) }, ['period'], locale), PULSE_REFRESH_VERB, { period: String(data.period) }, data.userIds),
  atrisk_digest: (data, links, locale) => atRiskDigestCard(links, data, locale),
};
