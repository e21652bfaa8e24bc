import type { Domain } from '../../domain';
import { reviewSchema } from '../../domain/paths';
import { DomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { str } from '../app/data';
import { refusalText } from '../app/errors';
import type { LinkConfig } from '../app/links';
import type { BotDeps, Router, VerbHandler } from '../app/router';
import { textCard } from '../cards';
import { t } from '../i18n';
import { myPathCard, pathCard } from './cards';

/**
 * Development paths in Teams. A path is private to its owner and the people they share it with:
 * "my path" answers in a 1:1 chat only; coaches review readiness on the card.
 */
export function registerPathRoutes(router: Router, { domain, links }: BotDeps): void {
  router.command(
    /^(?:my path|my development path)$/i,
    async (turn) => {
      const { locale } = turn;
      const path = await domain.paths.mine(turn.caller);
      await turn.show(path ? myPathCard(links, path, locale) : textCard(locale, t(locale, 'Your development path'), t(locale, 'Choose a level of leadership to grow in, in the Leaderful tab. Only you, and people you choose, will see it.')));
    },
    { personalOnly: true, elsewhere: 'Your development path is private: ask me in our 1:1 chat.' },
  );
  router.verb('path.review', review(domain, links));
}

/** path.review: a coach says "ready" (celebrated) or "not yet" with what to work on. */
function review(domain: Domain, links: LinkConfig): VerbHandler {
  return async ({ locale, caller }, data) => {
    const path = await domain.paths.get(caller, str(data.pathId, 200));
    try {
      const input = parseInput(reviewSchema, { outcome: str(data.outcome, 20), note: str(data.note, 1100) });
      const reviewed = await domain.paths.review(caller, path.id, input);
      return pathCard(
        links,
        {
          pathId: reviewed.id,
          heading: t(locale, 'Readiness review of {name}', { name: reviewed.ownerName }),
          status: t(locale, input.outcome === 'ready' ? 'Sent: {name} is recognised. Thank you for coaching them.' : 'Sent: {name} will see your note.', { name: reviewed.ownerName }),
        },
        locale,
      );
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'validation') throw err;
      return pathCard(links, { pathId: path.id, heading: t(locale, '{name} asks for a readiness review', { name: path.ownerName }), canReview: true, problem: refusalText(err, locale) }, locale);
    }
  };
}
