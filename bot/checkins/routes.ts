import type { BotDeps, Router } from '../app/router';
import { missingRound, roundIdOf, showCheckin, submitCheckin, swapFacilitator } from './verbs';
import { pauseMe, quickAnswer, setTimeZone } from './chat';

/** Check-ins in Teams: the check-in card's verbs, and the chat commands about one's check-ins. */
export function registerCheckinRoutes(router: Router, { domain }: BotDeps): void {
  router
    .command(/^pause(?: me)?(?: for)? (\d{1,3}) days?$/i, (turn, m) => pauseMe(domain, turn, Number(m[1])))
    .command(/^time ?zone ([\w/+-]{1,60})$/i, (turn, m) => setTimeZone(domain, turn, m[1]))
    .command(/^([1-5])(?:\s*[-—:,.]?\s+(.+))?$/s, (turn, m) => quickAnswer(domain, turn, Number(m[1]), m[2]), { personalOnly: true });

  router
    .verb('checkin.submit', (turn, data) => {
      const roundId = roundIdOf(data);
      return roundId ? submitCheckin(domain, turn.caller, roundId, data, turn.locale) : Promise.resolve(missingRound(turn.locale));
    })
    .verb('checkin.swap', (turn, data) => {
      const roundId = roundIdOf(data);
      return roundId ? swapFacilitator(domain, turn.caller, roundId, turn.locale) : Promise.resolve(missingRound(turn.locale));
    })
    // checkin.open, checkin.edit: the card as it stands.
    .verbFamily('checkin.', (turn, data) => {
      const roundId = roundIdOf(data);
      return roundId ? showCheckin(domain, turn.caller, roundId, turn.locale) : Promise.resolve(missingRound(turn.locale));
    });
}
