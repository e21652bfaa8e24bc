import type { Request } from 'restify';
import { userIdSchema } from '../../domain/circles';
import { assessmentSchema, coachingSchema, goalPatchSchema, goalSchema, pathLevelSchema, recognitionSchema, reviewSchema, shareSchema } from '../../domain/paths';
import { parseInput } from '../../domain/shared/validation';
import type { Caller } from '../../domain/shared/caller';
import { words } from '../../i18n';
import { requestLocale } from '../../platform/http';
import { authed, type ApiContext } from './context';
import { idempotencyKey, pathParam } from './http';

/**
 * Development paths over the tab API (issue 9): a thin face over domain/paths.
 *
 * Every route needs Teams SSO, is scoped to the caller's tenant, and answers 404 for anything the
 * caller may not see. Bodies are JSON; a 400 names each bad field in `error.fields`. POSTs marked
 * (idem) honour Idempotency-Key.
 *
 * Development paths (private: the owner and the people they share with; never leaders or admins otherwise)
 *  GET    /api/paths/options                    {levels, elements, maxGoals, managers, teams, pilots, circles}
 *  GET    /api/paths/me                         {path: PathView | null}
 *  PUT    /api/paths/me                         {level: self|direct|group|executive} → 201|200 {path}
 *  PUT    /api/paths/me/assessment              {ratings {setting_direction, owning_results, influencing, empowering_others, accountability: 1–5}, note?} → {path}
 *  POST   /api/paths/me/goals                   {text, pilotId?, circleId?} (at most 5) → 201 {path}
 *  PATCH  /api/paths/me/goals/:goalId           {text?, status? open|done} → {path}
 *  DELETE /api/paths/me/goals/:goalId           → {path}
 *  POST   /api/paths/me/shares                  {userId, relation manager|peer, coach? (default true)} → {path}
 *  DELETE /api/paths/me/shares/:userId          → {path}
 *  PUT    /api/paths/me/recognition             {visibility private|team, teamId (for team)} → {path}
 *  POST   /api/paths/me/review-request          asks the coaches for a readiness review → {path}
 *  GET    /api/paths/shared                     {paths: [{id, owner, level, levelLabel, myRelation, coach, review?}]}
 *  GET    /api/paths/:id                        {path}
 *  POST   /api/paths/:id/coaching               {text} (idem) owner or coach → {path}
 *  POST   /api/paths/:id/review                 {outcome ready|not_yet, note (required for not_yet)} coach → {path}; ready → celebration
 *   PathView: {id, owner {id,name}, level, levelLabel, assessment? {ratings, note, at}, goals [{id,text,pilotId?,pilotTitle?,circleId?,circleName?,status,at}],
 *     shares [{userId,name,relation,coach,at}], coaching [{id,at,byId,byName,text}] newest first,
 *     review? {status requested|ready|not_yet, at, byId?, byName?, note?}, recognition {visibility, teamId?, celebrationId?},
 *     isOwner, myRelation?, can {edit, coach, review}, createdAt, updatedAt}
 */
export function registerPathRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const { paths } = domain;
  /** A path as the tab gets it: the level named in the request's language too. */
  const view = (req: Request, caller: Caller, p: Parameters<typeof paths.view>[1]) => ({ ...paths.view(caller, p), levelLabel: words(requestLocale(req)).word(`level.${p.level}`) });

  server.get('/api/paths/options', authed(ctx, async (caller, req, res) => {
    const w = words(requestLocale(req));
    const options = await paths.options(caller);
    res.send({
      ...options,
      levels: options.levels.map((value) => ({ value, label: w.word(`level.${value}`), description: w.word(`level_about.${value}`) })),
      elements: options.elements.map((value) => ({ value, label: w.word(`element.${value}`), description: w.word(`element_about.${value}`) })),
    });
  }));

  server.get('/api/paths/me', authed(ctx, async (caller, req, res) => {
    const path = await paths.mine(caller);
    res.send({ path: path ? view(req, caller, path) : null });
  }));

  server.put('/api/paths/me', authed(ctx, async (caller, req, res) => {
    const { level } = parseInput(pathLevelSchema, req.body ?? {});
    const { path, created } = await paths.setLevel(caller, level);
    res.send(created ? 201 : 200, { path: view(req, caller, path) });
  }));

  server.put('/api/paths/me/assessment', authed(ctx, async (caller, req, res) => {
    const { ratings, note } = parseInput(assessmentSchema, req.body ?? {});
    res.send({ path: view(req, caller, await paths.assess(caller, ratings, note)) });
  }));

  server.post('/api/paths/me/goals', authed(ctx, async (caller, req, res) => {
    const input = parseInput(goalSchema, req.body ?? {});
    res.send(201, { path: view(req, caller, await paths.addGoal(caller, input)) });
  }));

  server.patch('/api/paths/me/goals/:goalId', authed(ctx, async (caller, req, res) => {
    const patch = parseInput(goalPatchSchema, req.body ?? {});
    res.send({ path: view(req, caller, await paths.editGoal(caller, pathParam(req, 'goalId'), patch)) });
  }));

  server.del('/api/paths/me/goals/:goalId', authed(ctx, async (caller, req, res) => {
    res.send({ path: view(req, caller, await paths.removeGoal(caller, pathParam(req, 'goalId'))) });
  }));

  server.post('/api/paths/me/shares', authed(ctx, async (caller, req, res) => {
    const input = parseInput(shareSchema, req.body ?? {});
    res.send({ path: view(req, caller, await paths.share(caller, input)) });
  }));

  server.del('/api/paths/me/shares/:userId', authed(ctx, async (caller, req, res) => {
    res.send({ path: view(req, caller, await paths.unshare(caller, pathParam(req, 'userId', userIdSchema))) });
  }));

  server.put('/api/paths/me/recognition', authed(ctx, async (caller, req, res) => {
    const input = parseInput(recognitionSchema, req.body ?? {});
    res.send({ path: view(req, caller, await paths.setRecognition(caller, input)) });
  }));

  server.post('/api/paths/me/review-request', authed(ctx, async (caller, req, res) => {
    res.send({ path: view(req, caller, await paths.requestReview(caller)) });
  }));

  server.get('/api/paths/shared', authed(ctx, async (caller, req, res) => {
    const shared = await paths.sharedWithMe(caller);
    res.send({
      paths: shared.map((p) => {
        const v = view(req, caller, p);
        const share = p.shares.find((s) => s.userId === caller.userId);
        return { id: v.id, owner: v.owner, level: v.level, levelLabel: v.levelLabel, myRelation: share?.relation, coach: !!share?.coach, review: v.review };
      }),
    });
  }));

  server.get('/api/paths/:id', authed(ctx, async (caller, req, res) => {
    res.send({ path: view(req, caller, await paths.get(caller, pathParam(req, 'id'))) });
  }));

  server.post('/api/paths/:id/coaching', authed(ctx, async (caller, req, res) => {
    const { text } = parseInput(coachingSchema, req.body ?? {});
    res.send({ path: view(req, caller, await paths.coach(caller, pathParam(req, 'id'), text, idempotencyKey(req))) });
  }));

  server.post('/api/paths/:id/review', authed(ctx, async (caller, req, res) => {
    const input = parseInput(reviewSchema, req.body ?? {});
    res.send({ path: view(req, caller, await paths.review(caller, pathParam(req, 'id'), input)) });
  }));
}
