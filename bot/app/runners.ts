import type { TurnContext } from 'botbuilder';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import type { CardAttachment } from '../cards';
import type { Locale } from '../i18n';
import { refusalText } from './errors';
import { routerOf, type BotDeps, type Feature } from './router';
import { detachedTurn, turnOf } from './turn';

/**
 * Some features' routes on their own, for a caller already known: what tests and tools use to
 * drive commands and card verbs without HTTP. Refusals are worded as in the bot; anything
 * unexpected is thrown.
 */
export function commandRunner(features: Feature[], deps: BotDeps) {
  const router = routerOf(features, deps);
  /** True when one of the commands answered. */
  return async (context: Pick<TurnContext, 'activity' | 'sendActivity'>, caller: Caller, text: string): Promise<boolean> => {
    const turn = turnOf(context, caller);
    try {
      return await router.answer(turn, text);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await turn.say(refusalText(err, turn.locale));
      return true;
    }
  };
}

export function verbRunner(features: Feature[], deps: BotDeps) {
  const router = routerOf(features, deps);
  return (caller: Caller, verb: string, data: Record<string, unknown>, locale: Locale = 'en'): Promise<CardAttachment> => router.act(detachedTurn(caller, locale), verb, data);
}
