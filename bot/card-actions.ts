import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from 'botbuilder';
import type { Domain } from '../domain';
import { DomainError } from '../domain/shared/errors';
import type { Caller } from '../domain/shared/caller';
import { renderCard, type CardAttachment } from './cards';
import { t, type Locale } from './i18n';
import { checkinCard, checkinThanksCard } from './notifications';

/**
 * Universal Actions (`Action.Execute`) from cards the bot sent. Each verb answers with the card
 * that replaces the one the person clicked, so check-ins update in place: form → "thanks, here is
 * what you said" → edit → … until the round closes.
 */
export type VerbHandler = (domain: Domain, caller: Caller, verb: string, data: Record<string, unknown>, locale: Locale) => Promise<CardAttachment>;

const messageCard = (locale: Locale, title: string, text: string, vars: Record<string, string> = {}) => renderCard('message', { title: t(locale, title), text: t(locale, text, vars) }, [], locale);

/** Keys an Action.Execute carries that are not answers. */
const ACTION_KEYS = new Set(['roundId', 'shareAnonymously', 'verb', 'msteams']);

async function checkinAction(domain: Domain, caller: Caller, verb: string, data: Record<string, unknown>, locale: Locale): Promise<CardAttachment> {
  const roundId = typeof data.roundId === 'string' ? data.roundId.slice(0, 300) : '';
  if (!roundId) return messageCard(locale, 'Check-in', 'This card is missing its check-in. Please use the latest check-in card.');
  if (verb === 'checkin.swap') {
    const next = await domain.checkins.swapFacilitator(caller, roundId);
    return next
      ? messageCard(locale, 'Facilitator', '{name} is now facilitating this round. Thanks for handing over!', { name: next.name })
      : messageCard(locale, 'Facilitator', 'There is nobody else in this round to hand over to.');
  }
  if (verb === 'checkin.submit') return submitCheckin(domain, caller, roundId, data, locale);

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
async function submitCheckin(domain: Domain, caller: Caller, roundId: string, data: Record<string, unknown>, locale: Locale): Promise<CardAttachment> {
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
      const problem = t(locale, 'Please check your answers: {problems}.', { problems: err.fields.map((f) => f.message).join('; ') });
      return checkinCard({ ...view, values, shareAnonymously: share, problem, editing: !!answer }, locale);
    }
    return answer ? checkinThanksCard({ ...view, open: false, values: answer.values, shared: answer.shareAnonymously }, locale) : messageCard(locale, 'Check-in closed', err.message);
  }
}

export class CardActions {
  private readonly handlers: { prefix: string; handle: VerbHandler }[] = [{ prefix: 'checkin.', handle: checkinAction }];

  constructor(private readonly domain: Domain) {}

  /** Adds the handler of another feature's verbs (e.g. "feedback."). */
  register(prefix: string, handle: VerbHandler): void {
    this.handlers.push({ prefix, handle });
  }

  async handle(caller: Caller, value: AdaptiveCardInvokeValue, locale: Locale = 'en'): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb.slice(0, 100) : '';
    const data = value?.action?.data && typeof value.action.data === 'object' && !Array.isArray(value.action.data) ? (value.action.data as Record<string, unknown>) : {};
    const handler = this.handlers.find((h) => verb.startsWith(h.prefix));
    let card: CardAttachment;
    try {
      card = handler ? await handler.handle(this.domain, caller, verb, data, locale) : messageCard(locale, 'Leaderful', 'This button is no longer available. Type “help” to see what I can do.');
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      card = messageCard(locale, 'Leaderful', err.kind === 'unavailable' ? 'Leaderful cannot reach its data right now. Please try again shortly.' : err.message);
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as never };
  }
}
