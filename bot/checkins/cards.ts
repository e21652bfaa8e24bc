import { localizedQuestion, type Question } from '../../domain/practices';
import type { RoundSummary } from '../../domain/checkins';
import { pilotTabLink, type LinkConfig } from '../app/links';
import { lessonFields } from '../lessons/cards';
import type { NotificationCards } from '../app/notifications';
import { cardTime, renderCard, type CardAttachment } from '../cards';
import { withRefresh } from '../cards/refresh';
import { t, words, type Locale } from '../i18n';

/**
 * Check-in cards: the prompt (a form answered in place with Action.Execute), the thanks card
 * that replaces it, the reminder, the round summary and the facilitator's cards. The outbox
 * kinds carry everything their card needs, so drawing one reads nothing.
 */

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
  /** Teams user ids the card refreshes for (the person it was sent to). */
  userIds?: string[];
  /** Tip of the week: a lesson in chosen check-in cards (the first of each week). */
  tip?: { title: string; text: string; url: string };
}

/** The verb Teams invokes to redraw a check-in card as it now stands (routes.ts: checkin.*). */
export const REFRESH_VERB = 'checkin.refresh';

export function checkinCard(v: CheckinView, locale: Locale = 'en'): CardAttachment {
  const card = renderCard(
    'checkin',
    {
      roundId: v.roundId,
      pilotTitle: v.pilotTitle,
      closesAt: cardTime(v.closesAt),
      facilitatorLine: v.facilitatorName ? t(locale, 'Facilitator this round: {name}.', { name: v.facilitatorName }) : '',
      problem: v.problem ?? '',
      questions: v.questions.map((asked) => {
        const q = localizedQuestion(asked, locale);
        return {
          id: q.id,
          kind: q.kind,
          text: q.text,
          low: q.low ?? t(locale, 'not at all'),
          high: q.high ?? t(locale, 'completely'),
          choiceList: (q.choices ?? []).map((c) => ({ title: c })),
          value: v.values?.[q.id] === undefined ? '' : String(v.values[q.id]),
        };
      }),
      shareAnonymously: v.shareAnonymously ? 'true' : 'false',
      submitTitle: t(locale, v.editing ? 'Save changes' : 'Send check-in'),
      tipTitle: v.tip?.title ?? '',
      tipText: v.tip?.text ?? '',
      tipUrl: v.tip?.url ?? '',
    },
    ['questions', 'tipUrl'],
    locale,
  );
  return withRefresh(card, REFRESH_VERB, { roundId: v.roundId }, v.userIds);
}

/** What someone answered, as question → answer lines in their language. */
function answerLines(questions: Question[], values: Record<string, string | number | boolean>, locale: Locale): { question: string; answer: string }[] {
  return questions
    .map((q) => localizedQuestion(q, locale))
    .filter((q) => values[q.id] !== undefined && values[q.id] !== '')
    .map((q) => ({ question: q.text, answer: typeof values[q.id] === 'boolean' ? t(locale, values[q.id] ? 'Yes' : 'No') : String(values[q.id]) }));
}

export function checkinThanksCard(
  v: { roundId: string; pilotTitle: string; closesAt: string; open: boolean; questions: Question[]; values: Record<string, string | number | boolean>; shared: boolean },
  locale: Locale = 'en',
): CardAttachment {
  const answers = answerLines(v.questions, v.values, locale);
  return renderCard(
    'checkinThanks',
    { roundId: v.roundId, pilotTitle: v.pilotTitle, closesAt: cardTime(v.closesAt), open: v.open, answers, shared: v.shared && v.questions.some((q) => q.kind === 'text') },
    [],
    locale,
  );
}

/** A closed round's summary in words. What it holds was decided when the round closed (closing.ts, the threshold). */
function summaryWords(s: RoundSummary, locale: Locale) {
  const small = s.answered < s.threshold;
  const confidence =
    s.confidence === null
      ? small
        ? t(locale, 'Shown when at least {threshold} people answer', { threshold: s.threshold })
        : t(locale, 'No answers')
      : s.previousConfidence !== null
        ? t(locale, '{value} / 5 (was {previous})', { value: s.confidence.toFixed(1), previous: s.previousConfidence.toFixed(1) })
        : t(locale, '{value} / 5', { value: s.confidence.toFixed(1) });
  return {
    participation: t(locale, '{answered} of {invited}', { answered: s.answered, invited: s.invited }),
    confidence,
    blockers: s.blockers,
    privacyNote: small && s.answered > 0 ? t(locale, 'To protect privacy, averages and comments appear only when at least {threshold} people answer.', { threshold: s.threshold }) : '',
  };
}

export function summaryCard(links: LinkConfig, s: RoundSummary, forFacilitator: boolean, locale: Locale = 'en'): CardAttachment {
  return renderCard(
    'roundSummary',
    {
      heading: t(locale, '{title}: check-in {number} summary', { title: s.pilotTitle, number: s.number }),
      intro: forFacilitator ? t(locale, 'You facilitated this round. Here is the summary to share with the team at your next meeting.') : '',
      ...summaryWords(s, locale),
      facilitator: s.facilitatorName ?? '—',
      url: pilotTabLink(links, s.pilotId),
    },
    [],
    locale,
  );
}

export interface ClosedView {
  roundId: string;
  pilotId: string;
  pilotTitle: string;
  /** The round's summary as it closed; older rounds have none. */
  summary?: RoundSummary;
  /** The reader's own answer, when known: `null` = they did not answer. Unknown (a card drawn for the outbox) = undefined. */
  yours?: { questions: Question[]; values: Record<string, string | number | boolean> } | null;
  userIds?: string[];
}

/**
 * A check-in that has closed: what the reader said (when drawn for them) and how the round went.
 * The copy sent through the outbox cannot know the answer; it refreshes for its reader, who
 * then sees their answer too.
 */
export function checkinClosedCard(links: LinkConfig, v: ClosedView, locale: Locale = 'en'): CardAttachment {
  const card = renderCard(
    'checkinClosed',
    {
      pilotTitle: v.pilotTitle,
      answers: v.yours ? answerLines(v.yours.questions, v.yours.values, locale) : [],
      missed: v.yours === null,
      hasSummary: !!v.summary,
      ...(v.summary ? summaryWords(v.summary, locale) : { participation: '', confidence: '', blockers: [], privacyNote: '' }),
      url: v.pilotId ? pilotTabLink(links, v.pilotId) : '',
    },
    [],
    locale,
  );
  return v.yours === undefined ? withRefresh(card, REFRESH_VERB, { roundId: v.roundId }, v.userIds) : card;
}

function facilitatorCard(data: Record<string, unknown>, locale: Locale): CardAttachment {
  // Someone no longer in the directory is "a team member".
  const name = typeof data.facilitatorName === 'string' && data.facilitatorName ? data.facilitatorName : words(locale).word('person.team_member');
  const vars = { title: String(data.pilotTitle), name };
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

/** The outbox kinds check-ins queue. */
export const CHECKIN_CARDS: NotificationCards = {
  checkin_prompt: (data, links, locale) => checkinCard({ ...(data as unknown as CheckinView), tip: lessonFields(data.tipLessonId, links, locale) }, locale),
  checkin_reminder: (data, _links, locale) =>
    withRefresh(
      renderCard('checkinReminder', { pilotTitle: String(data.pilotTitle), closesAt: cardTime(String(data.closesAt)), roundId: String(data.roundId) }, [], locale),
      REFRESH_VERB,
      { roundId: String(data.roundId) },
      data.userIds,
    ),
  checkin_closed: (data, links, locale) => checkinClosedCard(links, data as unknown as ClosedView, locale),
  round_summary: (data, links, locale) => summaryCard(links, data as unknown as RoundSummary, false, locale),
  facilitator_handoff: (data, links, locale) => summaryCard(links, data as unknown as RoundSummary, true, locale),
  facilitator_announcement: (data, _links, locale) => facilitatorCard(data, locale),
};
