import type { Domain } from '../../domain';
import { projectCardData, projectDecisionSchema } from '../../domain/projects';
import { DomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { str } from '../app/data';
import { refusalText } from '../app/errors';
import type { LinkConfig } from '../app/links';
import type { BotDeps, Router, VerbHandler } from '../app/router';
import { t } from '../i18n';
import { projectCard, projectListCard } from './cards';

/** Community projects in Teams: "projects" in chat (the circle's, in its conversation) and the sponsor's decision. */
export function registerProjectRoutes(router: Router, { domain, links }: BotDeps): void {
  router.command(/^(?:projects|circle projects)$/i, async (turn) => {
    const { caller, teamId } = turn;
    const circle = teamId ? await domain.circles.forConversation(caller.tenantId, teamId) : undefined;
    const list = await domain.projects.list(caller, circle ? { circleId: circle.id } : {});
    await turn.show(projectListCard(links, list, turn.locale));
  });
  router.verb('project.decide', decide(domain, links));
}
/** project.decide: approve, or decline with a reason; problems come back on the card. */
function decide(domain: Domain, links: LinkConfig): VerbHandler {
  return async ({ locale, caller }, data) => {
    const project = await domain.projects.get(caller, str(data.projectId, 200));
    try {
      const input = parseInput(projectDecisionSchema, { decision: str(data.decision, 20), reason: str(data.reason, 1100) });
      const decided = await domain.projects.decide(caller, project.id, input);
      return projectCard(links, projectCardData(decided), locale, { status: t(locale, decided.status === 'approved' ? 'Approved. The circle has been told.' : 'Declined. The circle has been told why.') });
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
      const canDecide = project.status === 'proposed' && err.kind === 'validation';
      return projectCard(links, projectCardData(await domain.projects.get(caller, project.id)), locale, { problem: refusalText(err, locale), canDecide });
    }
  };
}
