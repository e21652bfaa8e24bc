import { localizedQuestion, type Question } from '../../domain/practices';
import type { RoundSummary } from '../../domain/checkins';
import { pilotTabLink, type LinkConfig } from '../app/links';
import { lessonFields } from '../lessons/cards';
import type { NotificationCards } from '../app/notifications';
import { cardTime, renderCard, type CardAttachment } from '../cards';
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
  /** Tip of the week: a lesson in chosen check-in cards (the first of each week). */
  tip?: { title: string; text: string; url: string };
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
}

export function checkinThanksCard(
  v: { roundId: string; pilotTitle: string; closesAt: string; open: boolean; questions: Question[]; values: Record<string, string | number | boolean>; shared: boolean },
  locale: Locale = 'en',
): CardAttachment {
  const answers = v.questions
    .map((q) => localizedQuestion(q, locale))
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
    renderCard('checkinReminder', { pilotTitle: String(data.pilotTitle), closesAt: cardTime(String(data.closesAt)), roundId: String(data.roundId) }, [], locale),
  round_summary: (data, links, locale) => summaryCard(links, data as unknown as RoundSummary, false, locale),
  facilitator_handoff: (data, links, locale) => summaryCard(links, data as unknown as RoundSummary, true, locale),
  facilitator_announcement: (data, _links, locale) => facilitatorCard(data, locale),
};
