import type { Question } from '../domain/model';
import type { NotificationKind } from '../domain/outbox';
import type { RoundSummary } from '../domain/checkins';
import { renderCard, type CardAttachment } from './cards';
import { pilotTabLink, type LinkConfig } from './links';

/**
 * Turns an outbox message (kind + data written by the domain) into the card Teams shows. Pure:
 * everything a card needs was captured when the message was queued, so sending reads nothing.
 */
export type FeedbackCards = (kind: NotificationKind, data: Record<string, unknown>) => CardAttachment;

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

export function checkinCard(v: CheckinView): CardAttachment {
  return renderCard(
    'checkin',
    {
      roundId: v.roundId,
      pilotTitle: v.pilotTitle,
      closesAt: cardTime(v.closesAt),
      facilitatorLine: v.facilitatorName ? `Facilitator this round: ${v.facilitatorName}.` : '',
      problem: v.problem ?? '',
      questions: v.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        choiceList: (q.choices ?? []).map((c) => ({ title: c })),
        value: v.values?.[q.id] === undefined ? '' : String(v.values[q.id]),
      })),
      shareAnonymously: v.shareAnonymously ? 'true' : 'false',
      submitTitle: v.editing ? 'Save changes' : 'Send check-in',
    },
    ['questions'],
  );
}

export function checkinThanksCard(v: { roundId: string; pilotTitle: string; closesAt: string; open: boolean; questions: Question[]; values: Record<string, string | number | boolean>; shared: boolean }): CardAttachment {
  const answers = v.questions
    .filter((q) => v.values[q.id] !== undefined && v.values[q.id] !== '')
    .map((q) => ({ question: q.text, answer: typeof v.values[q.id] === 'boolean' ? (v.values[q.id] ? 'Yes' : 'No') : String(v.values[q.id]) }));
  return renderCard('checkinThanks', { roundId: v.roundId, pilotTitle: v.pilotTitle, closesAt: cardTime(v.closesAt), open: v.open, answers, shared: v.shared && v.questions.some((q) => q.kind === 'text') });
}

export function summaryCard(links: LinkConfig, s: RoundSummary, forFacilitator: boolean): CardAttachment {
  const small = s.answered < s.threshold;
  const confidence =
    s.confidence === null
      ? small
        ? `Shown when at least ${s.threshold} people answer`
        : 'No answers'
      : `${s.confidence.toFixed(1)} / 5${s.previousConfidence !== null ? ` (was ${s.previousConfidence.toFixed(1)})` : ''}`;
  return renderCard('roundSummary', {
    heading: `${s.pilotTitle}: check-in ${s.number} summary`,
    intro: forFacilitator ? 'You facilitated this round. Here is the summary to share with the team at your next meeting.' : '',
    participation: `${s.answered} of ${s.invited}`,
    confidence,
    facilitator: s.facilitatorName ?? '—',
    blockers: s.blockers,
    privacyNote: small && s.answered > 0 ? `To protect privacy, averages and comments appear only when at least ${s.threshold} people answer.` : '',
    url: pilotTabLink(links, s.pilotId),
  });
}

const CELEBRATION_HEADINGS: Record<string, string> = {
  first_round: 'First check-in done',
  streak: 'Full-participation streak',
  confidence_rising: 'Confidence is rising',
  measure_met: 'Success measure met',
  adopted: 'Practice adopted',
  kudos: 'Kudos',
};

export function celebrationCard(links: LinkConfig, data: { kind?: unknown; message?: unknown; pilotId?: unknown }): CardAttachment {
  return renderCard('celebration', {
    heading: CELEBRATION_HEADINGS[String(data.kind)] ?? 'Celebration',
    message: String(data.message ?? ''),
    url: typeof data.pilotId === 'string' ? pilotTabLink(links, data.pilotId) : '',
  });
}

export function notificationCard(links: LinkConfig, feedbackCards: FeedbackCards | undefined, kind: NotificationKind, data: Record<string, unknown>): CardAttachment {
  switch (kind) {
    case 'checkin_prompt':
      return checkinCard(data as unknown as CheckinView);
    case 'checkin_reminder':
      return renderCard('checkinReminder', { pilotTitle: String(data.pilotTitle), closesAt: cardTime(String(data.closesAt)), roundId: String(data.roundId) });
    case 'round_summary':
      return summaryCard(links, data as unknown as RoundSummary, false);
    case 'facilitator_handoff':
      return summaryCard(links, data as unknown as RoundSummary, true);
    case 'facilitator_announcement':
      return data.personal
        ? renderCard('facilitator', {
            text: `You are facilitating this round of “${String(data.pilotTitle)}”.`,
            detail: 'When the round closes you will get the summary to share with the team. Away or busy? Hand the role to the next person.',
            roundId: String(data.roundId ?? ''),
            canSwap: true,
          })
        : renderCard('facilitator', {
            text: `${String(data.facilitatorName)} ${data.swapped ? 'has taken over as' : 'is'} facilitator for this round of “${String(data.pilotTitle)}”.`,
            detail: 'Everyone gets their check-in in a personal chat at their local time.',
            roundId: '',
            canSwap: false,
          });
    case 'celebration':
      return celebrationCard(links, data);
    default:
      if (kind.startsWith('feedback_') && feedbackCards) return feedbackCards(kind, data);
      return renderCard('message', { title: '', text: 'You have an update in Leaderful.' });
  }
}
