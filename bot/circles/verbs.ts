import type { Domain } from '../../domain';
import type { Circle } from '../../domain/circles';
import { DomainError } from '../../domain/shared/errors';
import { str } from '../app/data';
import { refusalText } from '../app/errors';
import type { LinkConfig } from '../app/links';
import type { VerbHandler } from '../app/router';
import type { Turn } from '../app/turn';
import { textCard, type CardAttachment } from '../cards';
import { t } from '../i18n';
import { circleCard, joinCard } from './cards';

/**
 * The circle card's verbs. Each answers with the card that replaces the one clicked; cards in
 * shared conversations never show how anyone voted.
 */

/** The circle card again, as it now stands, with a status line or a problem. */
type Again = (circle: Circle, status: string, problem?: string) => Promise<CardAttachment>;
type CircleAction = (turn: Turn, circle: Circle, data: Record<string, unknown>, again: Again) => Promise<CardAttachment>;

const circleIdOf = (data: Record<string, unknown>) => str(data.circleId, 200);

/** circle.join: from the offer to join. */
export function joinFromCard(domain: Domain, links: LinkConfig): VerbHandler {
  return async (turn, data) => {
    const { locale, caller } = turn;
    const circle = await domain.circles.join(caller, circleIdOf(data));
    return circleCard(domain, links, caller, circle, locale, { status: t(locale, 'Welcome to “{name}”, {person}.', { name: circle.name, person: caller.name }) });
  };
}

/**
 * A verb on a circle the caller belongs to. Someone in the conversation but not in the circle
 * gets the offer to join instead; a refusal shows the circle again with the reason.
 */
export function onCircle(domain: Domain, links: LinkConfig, action: CircleAction): VerbHandler {
  return async (turn, data) => {
    const { locale, caller } = turn;
    const circleId = circleIdOf(data);
    const joinable = await domain.circles.joinable(caller, circleId);
    if (joinable) return joinCard(links, joinable, locale);
    const circle = await domain.circles.get(caller, circleId);
    const again: Again = (c, status, problem = '') => circleCard(domain, links, caller, c, locale, { status, problem });
    try {
      return await action(turn, circle, data, again);
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind === 'unavailable' || err.kind === 'not_found') throw err;
      return circleCard(domain, links, caller, await domain.circles.get(caller, circleId), locale, { problem: refusalText(err, locale) });
    }
  };
}

export const showBallot: CircleAction = (_turn, circle, _data, again) => again(circle, '');

export function vote(domain: Domain): CircleAction {
  return async ({ locale, caller }, circle, data, again) => {
    const nomineeId = str(data.voteFor, 100);
    if (!nomineeId) return again(circle, '', t(locale, 'Pick someone to vote for.'));
    // The card may be seen by everyone in the chat: it says a vote was cast, never whose.
    return again(await domain.circles.vote(caller, circle.id, nomineeId), t(locale, 'Your vote is in. You can change it until the election closes.'));
  };
}

export function nominateFromCard(domain: Domain): CircleAction {
  return async ({ locale, caller }, circle, data, again) => {
    const nomineeId = str(data.nominate, 100);
    if (!nomineeId) return again(circle, '', t(locale, 'Pick someone to nominate.'));
    const updated = await domain.circles.nominate(caller, circle.id, nomineeId);
    const name = updated.election?.nominees.find((n) => n.userId === nomineeId)?.name ?? '';
    return again(updated, t(locale, '{name} is nominated.', { name }));
  };
}

export function closeElection(domain: Domain): CircleAction {
  return async ({ locale, caller }, circle, _data, again) => {
    const closed = await domain.circles.closeElection(caller, circle.id);
    return again(closed, t(locale, '{name} convenes the circle now.', { name: closed.convenor.name }));
  };
}

export function withdraw(domain: Domain): CircleAction {
  return async ({ locale, caller }, circle) => {
    const updated = await domain.circles.withdraw(caller, circle.id);
    return textCard(locale, '', t(locale, 'You are no longer standing for convenor of “{name}”.', { name: updated.name }));
  };
}
