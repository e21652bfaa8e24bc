import type { BotDeps, Router } from '../app/router';
import { REFRESH_VERB } from './cards';
import { missingRound, refreshFor, roundIdOf, showCheckin, submitCheckin, swapFacilitator } from './verbs';
import { pauseMe, quickAnswer, quickAnswerOf, recordQuickAnswer } from './chat';
import { setTimeZone } from './time-zone';

/** Check-ins in Teams: the check-in card's verbs, and the chat commands about one's check-ins. */
export function registerCheckinRoutes(router: Router, { domain, log, links }: BotDeps): void {
  router
    .command(/^pause(?: me)?(?: for)? (\d{1,3}) days?$/i, (turn, m) => pauseMe(domain, turn, Number(m[1])))
    .command(/^time ?zone ([\w/+-]{1,60})$/i, (turn, m) => setTimeZone(domain, turn, m[1]))
    .command(/^([1-5])(?:\s*[-—:,.]?\s+(.+))?$/s, (turn, m) => quickAnswer(domain, log, turn, { confidence: Number(m[1]), note: m[2] }), { personalOnly: true });

  router
    // The answer: the round's invitees say who may answer, so the caller's record is not read.
    .verb(
      'checkin.submit',
      (turn, data) => {
        const roundId = roundIdOf(data);
        return roundId ? submitCheckin(domain, links, turn.caller, roundId, data, turn.locale, refreshFor(turn)) : Promise.resolve(missingRound(turn, log));
      },
      { caller: 'identity' },
    )
    .verb('checkin.swap', (turn, data) => {
      const roundId = roundIdOf(data);
      return roundId ? swapFacilitator(domain, turn.caller, roundId, turn.locale) : Promise.resolve(missingRound(turn, log));
    })
    // The "which check-in?" card: the quick answer goes to the round picked.
    .verb('checkin.quick', (turn, data) => {
      const roundId = roundIdOf(data);
      const quick = quickAnswerOf(data);
      if (!roundId) return Promise.resolve(missingRound(turn, log));
      return quick ? recordQuickAnswer(domain, turn.caller, roundId, quick, turn.locale) : showCheckin(domain, links, turn.caller, roundId, turn.locale, { userIds: refreshFor(turn) });
    })
    // Universal Actions refresh: Teams asks for the card as it stands whenever its reader opens it.
    .verb(REFRESH_VERB, (turn, data) => {
      const roundId = roundIdOf(data);
      return roundId ? showCheckin(domain, links, turn.caller, roundId, turn.locale, { mode: 'current', userIds: refreshFor(turn) }) : Promise.resolve(missingRound(turn, log));
    })
    // checkin.open, checkin.edit: the form while the round is open.
    .verbFamily('checkin.', (turn, data) => {
      const roundId = roundIdOf(data);
      return roundId ? showCheckin(domain, links, turn.caller, roundId, turn.locale, { userIds: refreshFor(turn) }) : Promise.resolve(missingRound(turn, log));
    });
}
