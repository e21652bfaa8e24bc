import { projectCheckinSchema, projectDecisionSchema, projectDoneSchema, projectFilterSchema, projectInputSchema } from '../../domain/projects';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { idempotencyKey, pathParam, queryStrings } from './http';

/**
 * Community projects over the tab API (issue 9): a thin face over domain/projects.
 *
 * Every route needs Teams SSO, is scoped to the caller's tenant, and answers 404 for anything the
 * caller may not see. Bodies are JSON; a 400 names each bad field in `error.fields`. POSTs marked
 * (idem) honour Idempotency-Key.
 *
 * Community projects (circle members, the sponsor, senior leaders and admins)
 *  GET    /api/projects?circleId=&status=       {projects: ProjectView[]}
 *  GET    /api/projects/options                 {sponsors: [{id,name}] (senior leaders), circles: [{id,name}] (mine)}
 *  POST   /api/projects                         {circleId, title, goal, weeksAsked 1–52, budget {amount, currency ISO}, sponsorId} (idem) → 201|200 {project}
 *  GET    /api/projects/:id                     {project}
 *  POST   /api/projects/:id/decision            {decision approve|decline, reason (required to decline)} senior leader, not the proposer → {project}
 *  POST   /api/projects/:id/checkins            {confidence 1–5, note} (idem) circle member, approved projects → {project}
 *  POST   /api/projects/:id/done                {summary} circle member or sponsor → {project}; celebrated in the circle
 *   ProjectView: {id, circle {id,name}, title, goal, weeksAsked, budget, sponsor {id,name}, proposedBy {id,name},
 *     status proposed|approved|declined|done, decision? {outcome,byId,byName,reason,at}, startedOn?, dueOn?,
 *     checkins [{id,at,byId,byName,confidence,note}] newest first, progress {checkins,lastConfidence,confidenceTrend},
 *     done? {at,byId,byName,summary}, createdAt, updatedAt, can {decide, checkin, complete}}
 */
export function registerProjectRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const { circles, projects } = domain;

  server.get('/api/projects', authed(ctx, async (caller, req, res) => {
    const filter = parseInput(projectFilterSchema, queryStrings(req));
    const list = await projects.list(caller, filter);
    res.send({ projects: await Promise.all(list.map((p) => projects.view(caller, p))) });
  }));

  server.get('/api/projects/options', authed(ctx, async (caller, _req, res) => {
    const [sponsors, mine] = await Promise.all([projects.sponsors(caller), circles.list(caller, 'mine')]);
    res.send({ sponsors, circles: mine.map((c) => ({ id: c.id, name: c.name })) });
  }));

  server.post('/api/projects', authed(ctx, async (caller, req, res) => {
    const input = parseInput(projectInputSchema, req.body);
    const { project, created } = await projects.propose(caller, input, idempotencyKey(req));
    res.send(created ? 201 : 200, { project: await projects.view(caller, project) });
  }));

  server.get('/api/projects/:id', authed(ctx, async (caller, req, res) => {
    const project = await projects.get(caller, pathParam(req, 'id'));
    res.send({ project: await projects.view(caller, project) });
  }));

  server.post('/api/projects/:id/decision', authed(ctx, async (caller, req, res) => {
    const input = parseInput(projectDecisionSchema, req.body ?? {});
    const project = await projects.decide(caller, pathParam(req, 'id'), input);
    res.send({ project: await projects.view(caller, project) });
  }));

  server.post('/api/projects/:id/checkins', authed(ctx, async (caller, req, res) => {
    const input = parseInput(projectCheckinSchema, req.body ?? {});
    const project = await projects.checkin(caller, pathParam(req, 'id'), input, idempotencyKey(req));
    res.send({ project: await projects.view(caller, project) });
  }));

  server.post('/api/projects/:id/done', authed(ctx, async (caller, req, res) => {
    const { summary } = parseInput(projectDoneSchema, req.body ?? {});
    const project = await projects.complete(caller, pathParam(req, 'id'), summary);
    res.send({ project: await projects.view(caller, project) });
  }));
}
