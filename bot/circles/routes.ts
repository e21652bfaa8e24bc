import type { BotDeps, Router } from '../app/router';
import { election, joinCircle, leaveCircle, nominate, showCircle, startCircle } from './chat';
import { closeElection, joinFromCard, nominateFromCard, onCircle, showBallot, vote, withdraw } from './verbs';

/** Leadership circles in Teams: chat commands in the circle's conversation, and the circle card's verbs. */
export function registerCircleRoutes(router: Router, { domain, links }: BotDeps): void {
  router
    .command(/^start (?:a )?(?:leadership )?circle(?:\s+(.*))?$/i, (turn, m) => startCircle(domain, links, turn, m[1] ?? ''))
    .command(/^(?:circle|circle status|ballot|vote)$/i, (turn) => showCircle(domain, links, turn))
    .command(/^join circle$/i, (turn) => joinCircle(domain, turn))
    .command(/^leave circle$/i, (turn) => leaveCircle(domain, turn))
    .command(/^nominate\s+(.+)$/i, (turn, m) => nominate(domain, turn, m[1]))
    .command(/^(?:close|end) (?:the )?election$/i, (turn) => election(domain, links, turn, 'close'))
    .command(/^(?:call|start|open) (?:an |the )?election$/i, (turn) => election(domain, links, turn, 'open'));

  router
    .verb('circle.join', joinFromCard(domain, links))
    .verb('circle.ballot', onCircle(domain, links, showBallot))
    .verb('circle.vote', onCircle(domain, links, vote(domain)))
    .verb('circle.nominate', onCircle(domain, links, nominateFromCard(domain)))
    .verb('circle.closeElection', onCircle(domain, links, closeElection(domain)))
    .verb('circle.withdraw', onCircle(domain, links, withdraw(domain)));
}
