import type { Question } from '../domain/practices';
import type { NotificationKind } from '../domain/outbox';
import type { RoundSummary } from '../domain/checkins';
import { renderCard, type CardAttachment } from './cards';
import { t, type Locale } from './i18n';
import { circleNotificationCard } from './circles';
import { pilotTabLink, type LinkConfig } from './links';

/**
 * Turns an outbox message (kind + data written by the domain) into the card Teams shows, in the
 * reader's language. Pure: everything a card needs was captured when the message was queued, so
 * sending reads nothing.
 */
export type FeedbackCards = (kind: NotificationKind, data: Record<string, unknown>, locale: Locale) => CardAttachment;

/** Adaptive Cards' DATE()/TIME() want RFC 3339 without milliseconds; Teams shows local time. */
export const cardTime = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface CheckinView {
  roundId: string;
  pilotTitle: string;
  closesAt: string;
  questions: Question[];
  facilitatorName?: string;
  values?: Record<string, string | number | boolean>;
  shareAnonymously?: boolean;
  problem?: string;
  editing?: boolean;
}

export function checkinCard(v: CheckinView, locale: Locale = 'en'): CardAttachment {
  return renderCard(
    'checkin',
    {
      roundId: v.roundId,
      pilotTitle: v.pilotTitle,
      closesAt: cardTime(v.closesAt),
      facilitatorLine: v.facilitatorName ? t(locale, 'Facilitator this round: {name}.', { name: v.facilitatorName }) : '',
      problem: v.problem ?? '',
      questions: v.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        choiceList: (q.choices ?? []).map((c) => ({ title: c })),
        value: v.values?.[q.id] === undefined ? '' : String(v.values[q.id]),
      })),
      shareAnonymously: v.shareAnonymously ? 'true' : 'false',
      submitTitle: t(locale, v.editing ? 'Save changes' : 'Send check-in'),
    },
    ['questions'],
    locale,
  );
}

export function checkinThanksCard(
  v: { roundId: string; pilotTitle: string; closesAt: string; open: boolean; questions: Question[]; values: Record<string, string | number | boolean>; shared: boolean },
  locale: Locale = 'en',
): CardAttachment {
  const answers = v.questions
    .filter((q) => v.values[q.id] !== undefined && v.values[q.id] !== '')
    .map((q) => ({ question: q.text, answer: typeof v.values[q.id] === 'boolean' ? t(locale, v.values[q.id] ? 'Yes' : 'No') : String(v.values[q.id]) }));
  return renderCard(
    'checkinThanks',
    { roundId: v.roundId, pilotTitle: v.pilotTitle, closesAt: cardTime(v.closesAt), open: v.open, answers, shared: v.shared && v.questions.some((q) => q.kind === 'text') },
    [],
    locale,
  );
}

export function summaryCard(links: LinkConfig, s: RoundSummary, forFacilitator: boolean, locale: Locale = 'en'): CardAttachment {
  const small = s.answered < s.threshold;
  const confidence =
    s.confidence === null
      ? small
        ? t(locale, 'Shown when at least {threshold} people answer', { threshold: s.threshold })
        : t(locale, 'No answers')
      : s.previousConfidence !== null
        ? t(locale, '{value} / 5 (was {previous})', { value: s.confidence.toFixed(1), previous: s.previousConfidence.toFixed(1) })
        : t(locale, '{value} / 5', { value: s.confidence.toFixed(1) });
  return renderCard(
    'roundSummary',
    {
      heading: t(locale, '{title}: check-in {number} summary', { title: s.pilotTitle, number: s.number }),
      intro: forFacilitator ? t(locale, 'You facilitated this round. Here is the summary to share with the team at your next meeting.') : '',
      participation: t(locale, '{answered} of {invited}', { answered: s.answered, invited: s.invited }),
      confidence,
      facilitator: s.facilitatorName ?? '—',
      blockers: s.blockers,
      privacyNote: small && s.answered > 0 ? t(locale, 'To protect privacy, averages and comments appear only when at least {threshold} people answer.', { threshold: s.threshold }) : '',
      url: pilotTabLink(links, s.pilotId),
    },
    [],
    locale,
  );
}

const CELEBRATION_HEADINGS: Record<string, string> = {
  first_round: 'First check-in done',
  streak: 'Full-participation streak',
  confidence_rising: 'Confidence is rising',
  measure_met: 'Success measure met',
  adopted: 'Practice adopted',
  kudos: 'Kudos',
  project_done: 'Community project done',
  path_ready: 'Ready to lead',
};

/** Milestone messages are composed here, in the reader's language, from what the domain recorded. */
const CELEBRATION_MESSAGES: Record<string, string> = {
  first_round: 'The first check-in of “{title}” is done. Thank you all for starting this together!',
  streak: '{count} check-ins in a row with everyone taking part in “{title}”. That is a team habit forming.',
  confidence_rising: 'Confidence in “{title}” has risen three check-ins running: {trend}.',
  adopted: '“{title}” is now how this team works. Congratulations on making it stick!',
  measure_met: 'Success measure met for “{title}”: {measure}',
  kudos: '{from} to {to}: {message}',
  project_done: 'The community project “{title}” is done. {summary} Thank you, {circle}, and {sponsor} for sponsoring it!',
  path_ready: '{name} is ready to lead at the “{level}” level, recognised by {coach}. {note}',
};

export function celebrationCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const kind = String(data.kind);
  const params = (data.params && typeof data.params === 'object' ? data.params : {}) as Record<string, string | number>;
  const message = CELEBRATION_MESSAGES[kind] && Object.keys(params).length ? t(locale, CELEBRATION_MESSAGES[kind], params) : String(data.message ?? '');
  return renderCard(
    'celebration',
    {
      heading: t(locale, CELEBRATION_HEADINGS[kind] ?? 'Celebration'),
      message,
      url: typeof data.pilotId === 'string' ? pilotTabLink(links, data.pilotId) : '',
    },
    [],
    locale,
  );
}

export function notificationCard(links: LinkConfig, feedbackCards: FeedbackCards | undefined, kind: NotificationKind, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  switch (kind) {
    case 'checkin_prompt':
      return checkinCard(data as unknown as CheckinView, locale);
    case 'checkin_reminder':
      return renderCard('checkinReminder', { pilotTitle: String(data.pilotTitle), closesAt: cardTime(String(data.closesAt)), roundId: String(data.roundId) }, [], locale);
    case 'round_summary':
      return summaryCard(links, data as unknown as RoundSummary, false, locale);
    case 'facilitator_handoff':
      return summaryCard(links, data as unknown as RoundSummary, true, locale);
    case 'facilitator_announcement': {
      const vars = { title: String(data.pilotTitle), name: String(data.facilitatorName) };
      return data.personal
        ? renderCard(
            'facilitator',
            {
              text: t(locale, 'You are facilitating this round of “{title}”.', vars),
              detail: t(locale, 'When the round closes you will get the summary to share with the team. Away or busy? Hand the role to the next person.'),
              roundId: String(data.roundId ?? ''),
              canSwap: true,
            },
            [],
            locale,
          )
        : renderCard(
            'facilitator',
            {
              text: t(locale, data.swapped ? '{name} has taken over as facilitator for this round of “{title}”.' : '{name} is facilitator for this round of “{title}”.', vars),
              detail: t(locale, 'Everyone gets their check-in in a personal chat at their local time.'),
              roundId: '',
              canSwap: false,
            },
            [],
            locale,
          );
    }
    case 'celebration':
      return celebrationCard(links, data, locale);
    case 'circle_update':
    case 'story_shared':
    case 'story_question':
    case 'project_update':
    case 'path_update':
      return circleNotificationCard(links, kind, data, locale);
    default:
      if (kind.startsWith('feedback_') && feedbackCards) return feedbackCards(kind, data, locale);
      return renderCard('message', { title: '', text: t(locale, 'You have an update in Leaderful.') }, [], locale);
  }
}
