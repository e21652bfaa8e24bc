import { invalid, problem } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { REACTION_KINDS, reactionSchema, storyInputSchema, storyLinkSchema, storyQuestionSchema, storySearchSchema, storyShareSchema, type ReactionKind } from '../../domain/stories';
import { authed, type ApiContext } from './context';
import { idempotencyKey, pathParam, queryStrings } from './http';

/**
 * Practice stories over the tab API (issue 9): a thin face over domain/stories.
 *
 * Every route needs Teams SSO, is scoped to the caller's tenant, and answers 404 for anything the
 * caller may not see. Bodies are JSON; a 400 names each bad field in `error.fields`. POSTs marked
 * (idem) honour Idempotency-Key.
 *
 * Stories (the whole organisation's library)
 *  GET    /api/stories?q=&outcome=&practiceId=&circleId=&mine=true&limit=   {stories: StoryView[]}
 *  GET    /api/stories/publishable              {pilots: [{pilotId,title,outcome,hypothesis,learning?,storyId?}], circles: [{id,name}]}
 *  POST   /api/stories                          {pilotId, tried, happened, change, circleIds?} manager of a closed pilot → 201|200 {story}
 *  GET    /api/stories/:id                      {story}
 *  POST   /api/stories/:id/reactions            {kind: helpful|inspiring|will_try} → {story}
 *  DELETE /api/stories/:id/reactions/:kind      → {story}
 *  POST   /api/stories/:id/questions            {text} (idem) sent to the author's chat, asker named → 202 {sent}
 *  POST   /api/stories/:id/share                {circleIds} author → {story}
 *  POST   /api/stories/:id/link                 {pilotId} the pilot's manager: it builds on this story → {story, pilotId}
 *   StoryView: {id, pilotId, pilotTitle, practiceId?, practiceName, teamName, outcome adopted|adapted|stopped,
 *     author {id,name}, tried, happened, change, circleIds, reactions {kind: {count, mine}}, questionsAsked,
 *     basedOnStoryId?, builtOn [{pilotId,title,teamName,managerName,at}], publishedAt, updatedAt, canEdit, canAsk}
 */
export function registerStoryRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const { circles, stories } = domain;

  server.get('/api/stories', authed(ctx, async (caller, req, res) => {
    const filter = parseInput(storySearchSchema, queryStrings(req));
    const found = await stories.search(caller, filter);
    res.send({ stories: found.map((s) => stories.view(caller, s)) });
  }));

  server.get('/api/stories/publishable', authed(ctx, async (caller, _req, res) => {
    const [pilots, mine] = await Promise.all([stories.publishable(caller), circles.list(caller, 'mine')]);
    res.send({ pilots, circles: mine.map((c) => ({ id: c.id, name: c.name })) });
  }));

  server.post('/api/stories', authed(ctx, async (caller, req, res) => {
    const input = parseInput(storyInputSchema, req.body);
    const { story, created } = await stories.publish(caller, input);
    res.send(created ? 201 : 200, { story: stories.view(caller, story) });
  }));

  server.get('/api/stories/:id', authed(ctx, async (caller, req, res) => {
    res.send({ story: stories.view(caller, await stories.get(caller, pathParam(req, 'id'))) });
  }));

  server.post('/api/stories/:id/reactions', authed(ctx, async (caller, req, res) => {
    const { kind } = parseInput(reactionSchema, req.body ?? {});
    res.send({ story: stories.view(caller, await stories.react(caller, pathParam(req, 'id'), kind, true)) });
  }));

  server.del('/api/stories/:id/reactions/:kind', authed(ctx, async (caller, req, res) => {
    const kind = String(req.params.kind ?? '') as ReactionKind;
    if (!REACTION_KINDS.includes(kind)) throw invalid([problem('kind', 'invalid_choice', { options: REACTION_KINDS })]);
    res.send({ story: stories.view(caller, await stories.react(caller, pathParam(req, 'id'), kind, false)) });
  }));

  server.post('/api/stories/:id/questions', authed(ctx, async (caller, req, res) => {
    const { text } = parseInput(storyQuestionSchema, req.body ?? {});
    const { sent } = await stories.ask(caller, pathParam(req, 'id'), text, idempotencyKey(req));
    res.send(202, { sent });
  }));

  server.post('/api/stories/:id/share', authed(ctx, async (caller, req, res) => {
    const { circleIds } = parseInput(storyShareSchema, req.body ?? {});
    res.send({ story: stories.view(caller, await stories.share(caller, pathParam(req, 'id'), circleIds)) });
  }));

  server.post('/api/stories/:id/link', authed(ctx, async (caller, req, res) => {
    const { pilotId } = parseInput(storyLinkSchema, req.body ?? {});
    const { story, pilot } = await stories.link(caller, pathParam(req, 'id'), pilotId);
    res.send({ story: stories.view(caller, story), pilotId: pilot.id });
  }));
}
