import type { Domain } from '../../domain';
import type { Answer, Asked, Round } from '../../domain/checkins';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import type { Log } from '../../platform/log';
import { problemText } from '../app/errors';
import type { Turn } from '../app/turn';
import { messageCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import type { LinkConfig } from '../app/links';
import { withRefresh } from '../cards/refresh';
import { checkinCard, checkinClosedCard, checkinThanksCard, REFRESH_VERB } from './cards';

/**
 * The check-in card's verbs (Action.Execute). Each answers with the card that replaces the one
 * the person clicked, so check-ins update in place: form → "thanks, here is what you said" →
 * edit → … until the round closes.
 */

/** Keys an Action.Execute carries that are not answers. */
const ACTION_KEYS = new Set(['roundId', 'shareAnonymously', 'verb', 'msteams']);

/** The round a check-in card is about; every checkin.* verb needs one. */
export function roundIdOf(data: Record<string, unknown>): string {
  return typeof data.roundId === 'string' ? data.roundId.slice(0, 300) : '';
}

export function missingRound(turn: Turn, log: Log): CardAttachment {
  log.warn({ activityId: turn.activity.id }, 'check-in card without its round');
  return messageCard(turn.locale, 'Check-in', 'This card is missing its check-in. Please use the latest check-in card.');
}

/** checkin.swap: the facilitator hands the role to the next person in the round. */
export async function swapFacilitator(domain: Domain, caller: Caller, roundId: string, locale: Locale): Promise<CardAttachment> {
  const next = await domain.checkins.swapFacilitator(caller, roundId);
  return next
    ? messageCard(locale, 'Facilitator', '{name} is now facilitating this round. Thanks for handing over!', { name: next.name })
    : messageCard(locale, 'Facilitator', 'There is nobody else in this round to hand over to.');
}

/**
 * The Teams user ids a card answered to someone refreshes for: just them. A card that stays
 * current (an open round's form or thanks) carries it, so opening it after the round closed
 * shows it closed.
 */
export const refreshFor = (turn: Turn): string[] => (turn.activity.from?.id ? [turn.activity.from.id.slice(0, 200)] : []);

/**
 * checkin.open, checkin.edit (`form`: the form while the round is open) and checkin.refresh
 * (`current`: the card as it stands — the form, or what was said once answered). Once closed,
 * both show what was said with the round's summary. Reads only: Teams may refresh any number
 * of times.
 */
export async function showCheckin(
  domain: Domain,
  links: LinkConfig,
  caller: Caller,
  roundId: string,
  locale: Locale,
  opts: { mode?: 'form' | 'current'; userIds?: string[] } = {},
): Promise<CardAttachment> {
  const { round, pilot, answer } = await domain.checkins.roundFor(caller, roundId);
  const open = round.status === 'open' && domain.clock.now() < new Date(round.closesAt);
  const asked = round.questions && round.pilotTitle ? { title: round.pilotTitle, questions: round.questions } : { title: pilot.title, questions: pilot.questions };
  if (!open) return closedCard(links, round, pilot.id, asked, answer, locale);
  const userIds = opts.userIds ?? [];
  const view = { roundId, pilotTitle: asked.title, closesAt: round.closesAt, questions: asked.questions };
  if (answer && opts.mode === 'current') {
    return withRefresh(checkinThanksCard({ ...view, open: true, values: answer.values, shared: answer.shareAnonymously }, locale), REFRESH_VERB, { roundId }, userIds);
  }
  return checkinCard({ ...view, userIds, values: answer?.values, shareAnonymously: answer?.shareAnonymously, editing: !!answer }, locale);
}

/** A closed round's card for the person asked: their answer (or that they missed it) and the summary. */
function closedCard(links: LinkConfig, round: Round, pilotId: string, asked: Asked, answer: Answer | undefined, locale: Locale): CardAttachment {
  return checkinClosedCard(
    links,
    { roundId: round.id, pilotId, pilotTitle: asked.title, summary: round.summary, yours: answer ? { questions: asked.questions, values: answer.values } : null },
    locale,
  );
}

/**
 * checkin.submit: inputs arrive merged with the action's data. The happy path is one write. The
 * card answered refreshes for the person (`userIds`), so it shows the round closed later on.
 */
export async function submitCheckin(
  domain: Domain,
  links: LinkConfig,
  caller: Caller,
  roundId: string,
  data: Record<string, unknown>,
  locale: Locale,
  userIds: string[] = [],
): Promise<CardAttachment> {
  const inputs = Object.fromEntries(Object.entries(data).filter(([k]) => !ACTION_KEYS.has(k)));
  const share = data.shareAnonymously === true || data.shareAnonymously === 'true';
  try {
    const saved = await domain.checkins.answer(caller, roundId, inputs, share);
    const view = { roundId, pilotTitle: saved.asked.title, closesAt: saved.round.closesAt, questions: saved.asked.questions };
    return withRefresh(checkinThanksCard({ ...view, open: true, values: saved.answer.values, shared: share }, locale), REFRESH_VERB, { roundId }, userIds);
  } catch (err) {
    if (!(err instanceof DomainError) || (err.kind !== 'validation' && err.kind !== 'conflict')) throw err;
    const { round, pilot, answer } = await domain.checkins.roundFor(caller, roundId);
    const asked = round.questions && round.pilotTitle ? { title: round.pilotTitle, questions: round.questions } : { title: pilot.title, questions: pilot.questions };
    if (err.kind === 'validation') {
      const values = Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) as Record<string, string>;
      const problem = t(locale, 'Please check your answers: {problems}.', { problems: err.fields.map((f) => problemText(f, locale)).join('; ') });
      return checkinCard({ roundId, pilotTitle: asked.title, closesAt: round.closesAt, questions: asked.questions, values, shareAnonymously: share, problem, editing: !!answer, userIds }, locale);
    }
    // Closed meanwhile: what they said before, and how the round went.
    return closedCard(links, round, pilot.id, asked, answer, locale);
  }
}
