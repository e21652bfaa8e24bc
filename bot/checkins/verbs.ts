import type { Domain } from '../../domain';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import type { Log } from '../../platform/log';
import { problemText, refusalText } from '../app/errors';
import type { Turn } from '../app/turn';
import { messageCard, textCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import { checkinCard, checkinThanksCard } from './cards';

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

/** checkin.open, checkin.edit (and any other view): the form while the round is open, else what was said. */
export async function showCheckin(domain: Domain, caller: Caller, roundId: string, locale: Locale): Promise<CardAttachment> {
  const { round, pilot, answer } = await domain.checkins.roundFor(caller, roundId);
  const open = round.status === 'open' && domain.clock.now() < new Date(round.closesAt);
  const view = { roundId, pilotTitle: pilot.title, closesAt: round.closesAt, questions: pilot.questions };
  if (!open) {
    return answer
      ? checkinThanksCard({ ...view, open: false, values: answer.values, shared: answer.shareAnonymously }, locale)
      : messageCard(locale, 'Check-in closed', 'This check-in has closed. Your next one will arrive on the next check-in day.');
  }
  return checkinCard({ ...view, values: answer?.values, shareAnonymously: answer?.shareAnonymously, editing: !!answer }, locale);
}

/** checkin.submit: inputs arrive merged with the action's data. The happy path is one write. */
export async function submitCheckin(domain: Domain, caller: Caller, roundId: string, data: Record<string, unknown>, locale: Locale): Promise<CardAttachment> {
  const inputs = Object.fromEntries(Object.entries(data).filter(([k]) => !ACTION_KEYS.has(k)));
  const share = data.shareAnonymously === true || data.shareAnonymously === 'true';
  try {
    const saved = await domain.checkins.answer(caller, roundId, inputs, share);
    const view = { roundId, pilotTitle: saved.asked.title, closesAt: saved.round.closesAt, questions: saved.asked.questions };
    return checkinThanksCard({ ...view, open: true, values: saved.answer.values, shared: share }, locale);
  } catch (err) {
    if (!(err instanceof DomainError) || (err.kind !== 'validation' && err.kind !== 'conflict')) throw err;
    const { round, pilot, answer } = await domain.checkins.roundFor(caller, roundId);
    const view = { roundId, pilotTitle: pilot.title, closesAt: round.closesAt, questions: pilot.questions };
    if (err.kind === 'validation') {
      const values = Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) as Record<string, string>;
      const problem = t(locale, 'Please check your answers: {problems}.', { problems: err.fields.map((f) => problemText(f, locale)).join('; ') });
      return checkinCard({ ...view, values, shareAnonymously: share, problem, editing: !!answer }, locale);
    }
    return answer ? checkinThanksCard({ ...view, open: false, values: answer.values, shared: answer.shareAnonymously }, locale) : textCard(locale, t(locale, 'Check-in closed'), refusalText(err, locale));
  }
}
