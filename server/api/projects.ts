import { challengeInputSchema, projectCheckinSchema, projectDecisionSchema, projectDoneSchema, projectFilterSchema, projectInputSchema, type Challenge } from '../../domain/projects';
import { idSchema, parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { idempotencyKey, pathParam, queryStrings, withoutStorageFields } from './http';

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
 *
 * Organisation challenges (everyone in the organisation reads them; senior leaders post them)
 *  GET    /api/challenges                       {challenges: ChallengeView[]} open first, newest first
 *  POST   /api/challenges                       {title, problem} senior leader (idem) → 201|200 {challenge}
 *  POST   /api/challenges/:id/close             the poster or an admin → {challenge}
 *   A circle takes one up by proposing a project with its `challengeId`.
 *   ChallengeView: {id, title, problem, postedById, postedByName, status open|closed, takenUpBy [{projectId, circleId, circleName}], createdAt, updatedAt}
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

  const challengeView = (c: Challenge) => withoutStorageFields(c);

  server.get('/api/challenges', authed(ctx, async (caller, _req, res) => {
    res.send({ challenges: (await projects.challenges.list(caller)).map(challengeView) });
  }));

  server.post('/api/challenges', authed(ctx, async (caller, req, res) => {
    const { challenge, created } = await projects.challenges.post(caller, parseInput(challengeInputSchema, req.body), idempotencyKey(req));
    res.send(created ? 201 : 200, { challenge: challengeView(challenge) });
  }));

  server.post('/api/challenges/:id/close', authed(ctx, async (caller, req, res) => {
    const id = parseInput(idSchema, String(req.params.id ?? ''));
    res.send({ challenge: challengeView(await projects.challenges.close(caller, id)) });
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
