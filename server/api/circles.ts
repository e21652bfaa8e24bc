import type { Request } from 'restify';
import { z } from 'zod';
import { circleInputSchema, circlePatchSchema, nominationSchema, openElectionSchema, userIdSchema, voteSchema } from '../../domain/circles';
import { assessmentSchema, coachingSchema, goalPatchSchema, goalSchema, pathLevelSchema, recognitionSchema, reviewSchema, shareSchema } from '../../domain/paths';
import { DomainError } from '../../domain/shared/errors';
import { REACTION_KINDS, type ReactionKind } from '../../domain/stories';
import { type Caller } from '../../domain/shared/caller';
import { projectCheckinSchema, projectDecisionSchema, projectDoneSchema, projectFilterSchema, projectInputSchema } from '../../domain/projects';
import { idSchema, parseInput } from '../../domain/shared/validation';
import { reactionSchema, storyInputSchema, storyLinkSchema, storyQuestionSchema, storySearchSchema, storyShareSchema } from '../../domain/stories';
import { authed, queryParam, type ApiContext } from './context';

/**
 * Leadership circles, practice stories, community projects and development paths over the tab
 * API (issue 9). Thin faces over domain/circles, stories, projects and paths.
 * Every route needs Teams SSO, is scoped to the caller's tenant, and answers 404 for anything the
 * caller may not see (another tenant's, another circle's, someone's unshared path). Bodies are
 * JSON; a 400 names each bad field in `error.fields`. POSTs marked (idem) honour Idempotency-Key.
 *
 * Circles (members see their circles; anyone in the tenant sees the `scope=all` summaries)
 *  GET    /api/circles?scope=mine|all          {circles: CircleSummary[]}
 *  GET    /api/circles/options                 {conversations: [{teamId, name, kind, circleId?}]} where I can start one
 *  POST   /api/circles                         {teamId, name, purpose?, termWeeks? 2–52, electionDays? 1–21, cadence?} → 201|200 {circle: CircleView}
 *  GET    /api/circles/:id                     {circle: CircleView}   (members, admins)
 *  PATCH  /api/circles/:id                     {name?, purpose?, termWeeks?, electionDays?, cadence?} (convenor, admin)
 *  POST   /api/circles/:id/join                someone in the circle's conversation joins → {circle}
 *  POST   /api/circles/:id/leave               → {left: true}
 *  POST   /api/circles/:id/election            {days?} convenor/admin calls an election → {circle}
 *  POST   /api/circles/:id/election/close      convenor/admin closes it early → {circle}
 *  POST   /api/circles/:id/nominations         {userId} (oneself or another member) → {circle}
 *  DELETE /api/circles/:id/nominations/:userId the nominee withdraws → {circle}
 *  PUT    /api/circles/:id/vote                {userId} one vote each, changeable until the close → {circle}
 *  DELETE /api/circles/:id/vote                withdraw my vote → {circle}
 *   CircleView: {id, name, purpose, kind, teamId, memberCount, isMember, electionOpen,
 *     convenor {id,name}, convenorTerm {id,name,since,termEndsAt?,interim}, pastConvenors [{userId,name,from,to}],
 *     members [{id,name,isConvenor}], termWeeks, electionDays,
 *     election? {number, status open|closed, reason first|term_ended|requested, openedAt, closesAt,
 *       excluded [{id,name}], nominees [{id,name,nominatedByMe,nominations}], votesCast, myVote?,
 *       result? {winnerId, winnerName, rule votes|tie_break|continued|rotation, tally [{userId,name,votes}], votesCast, closedAt, closedBy deadline|convenor|admin|member},
 *       tieBreakRule, rotationRule},
 *     rhythm? {pilotId, status, cadence, rounds, participation, confidence}  (GET /api/pilots/:pilotId works for members),
 *     can {edit, openElection, closeElection, nominate, vote, leave}, createdAt, etag}
 *   Ballots are secret: nobody sees who voted for whom, only counts (tally after the close).
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
function param(req: Request, name: string, schema: z.ZodType<string, z.ZodTypeDef, unknown> = idSchema): string {
  const raw = String((req.params as Record<string, unknown>)?.[name] ?? '');
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // Malformed escapes: validated as they are, and refused.
  }
  return parseInput(z.object({ [name]: schema }), { [name]: value })[name] as string;
}

function requestKey(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  return key ? String(key).slice(0, 200) : undefined;
}

/** The query string as plain strings (first of repeated keys), for a zod schema. */
function queryOf(req: Request): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys((req.query as Record<string, unknown>) ?? {})) {
    const v = queryParam(req, name);
    if (v !== undefined) raw[name] = v;
  }
  return raw;
}

export function registerCircleRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const { circles, stories, projects, paths } = domain;
  const circleView = async (caller: Caller, id: string) => circles.view(caller, await circles.get(caller, id));

  // ---------------------------------------------------------------------------------------------
  // Circles

  server.get('/api/circles', authed(ctx, async (caller, req, res) => {
    const scope = queryParam(req, 'scope') ?? 'mine';
    if (scope !== 'mine' && scope !== 'all') throw new DomainError('validation', 'scope: must be mine or all', [{ field: 'scope', message: 'must be mine or all' }]);
    res.send({ circles: await circles.list(caller, scope) });
  }));

  server.get('/api/circles/options', authed(ctx, async (caller, _req, res) => {
    const teams = (await domain.directory.teamsFor(caller)).filter((t) => t.kind !== 'personal' && !!t.conversationReference && (t.memberIds.includes(caller.userId) || t.managerId === caller.userId));
    const conversations = await Promise.all(
      teams.map(async (t) => {
        const existing = await circles.forConversation(caller.tenantId, t.id);
        return { teamId: t.id, name: t.name, kind: t.kind, circleId: existing?.id };
      }),
    );
    res.send({ conversations });
  }));

  server.post('/api/circles', authed(ctx, async (caller, req, res) => {
    const input = parseInput(circleInputSchema, req.body);
    const { circle, created } = await circles.start(caller, input);
    res.send(created ? 201 : 200, { circle: await circles.view(caller, circle) });
  }));

  server.get('/api/circles/:id', authed(ctx, async (caller, req, res) => {
    res.send({ circle: await circleView(caller, param(req, 'id')) });
  }));

  server.patch('/api/circles/:id', authed(ctx, async (caller, req, res) => {
    const patch = parseInput(circlePatchSchema, req.body ?? {});
    const circle = await circles.edit(caller, param(req, 'id'), patch);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/join', authed(ctx, async (caller, req, res) => {
    const circle = await circles.join(caller, param(req, 'id'));
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/leave', authed(ctx, async (caller, req, res) => {
    await circles.leave(caller, param(req, 'id'));
    res.send({ left: true });
  }));

  server.post('/api/circles/:id/election', authed(ctx, async (caller, req, res) => {
    const { days } = parseInput(openElectionSchema, req.body ?? {});
    const circle = await circles.openElection(caller, param(req, 'id'), days);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/election/close', authed(ctx, async (caller, req, res) => {
    const circle = await circles.closeElection(caller, param(req, 'id'));
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/nominations', authed(ctx, async (caller, req, res) => {
    const { userId } = parseInput(nominationSchema, req.body ?? {});
    const circle = await circles.nominate(caller, param(req, 'id'), userId);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.del('/api/circles/:id/nominations/:userId', authed(ctx, async (caller, req, res) => {
    const circle = await circles.withdraw(caller, param(req, 'id'), param(req, 'userId', userIdSchema));
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.put('/api/circles/:id/vote', authed(ctx, async (caller, req, res) => {
    const { userId } = parseInput(voteSchema, req.body ?? {});
    const circle = await circles.vote(caller, param(req, 'id'), userId);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.del('/api/circles/:id/vote', authed(ctx, async (caller, req, res) => {
    const circle = await circles.vote(caller, param(req, 'id'), undefined);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  // ---------------------------------------------------------------------------------------------
  // Stories

  server.get('/api/stories', authed(ctx, async (caller, req, res) => {
    const filter = parseInput(storySearchSchema, queryOf(req));
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
    res.send({ story: stories.view(caller, await stories.get(caller, param(req, 'id'))) });
  }));

  server.post('/api/stories/:id/reactions', authed(ctx, async (caller, req, res) => {
    const { kind } = parseInput(reactionSchema, req.body ?? {});
    res.send({ story: stories.view(caller, await stories.react(caller, param(req, 'id'), kind, true)) });
  }));

  server.del('/api/stories/:id/reactions/:kind', authed(ctx, async (caller, req, res) => {
    const kind = String(req.params.kind ?? '') as ReactionKind;
    if (!REACTION_KINDS.includes(kind)) throw new DomainError('validation', `kind: must be one of ${REACTION_KINDS.join(', ')}`, [{ field: 'kind', message: `must be one of ${REACTION_KINDS.join(', ')}` }]);
    res.send({ story: stories.view(caller, await stories.react(caller, param(req, 'id'), kind, false)) });
  }));

  server.post('/api/stories/:id/questions', authed(ctx, async (caller, req, res) => {
    const { text } = parseInput(storyQuestionSchema, req.body ?? {});
    const { sent } = await stories.ask(caller, param(req, 'id'), text, requestKey(req));
    res.send(202, { sent });
  }));

  server.post('/api/stories/:id/share', authed(ctx, async (caller, req, res) => {
    const { circleIds } = parseInput(storyShareSchema, req.body ?? {});
    res.send({ story: stories.view(caller, await stories.share(caller, param(req, 'id'), circleIds)) });
  }));

  server.post('/api/stories/:id/link', authed(ctx, async (caller, req, res) => {
    const { pilotId } = parseInput(storyLinkSchema, req.body ?? {});
    const { story, pilot } = await stories.link(caller, param(req, 'id'), pilotId);
    res.send({ story: stories.view(caller, story), pilotId: pilot.id });
  }));

  // ---------------------------------------------------------------------------------------------
  // Projects

  server.get('/api/projects', authed(ctx, async (caller, req, res) => {
    const filter = parseInput(projectFilterSchema, queryOf(req));
    const list = await projects.list(caller, filter);
    res.send({ projects: await Promise.all(list.map((p) => projects.view(caller, p))) });
  }));

  server.get('/api/projects/options', authed(ctx, async (caller, _req, res) => {
    const [sponsors, mine] = await Promise.all([projects.sponsors(caller), circles.list(caller, 'mine')]);
    res.send({ sponsors, circles: mine.map((c) => ({ id: c.id, name: c.name })) });
  }));

  server.post('/api/projects', authed(ctx, async (caller, req, res) => {
    const input = parseInput(projectInputSchema, req.body);
    const { project, created } = await projects.propose(caller, input, requestKey(req));
    res.send(created ? 201 : 200, { project: await projects.view(caller, project) });
  }));

  server.get('/api/projects/:id', authed(ctx, async (caller, req, res) => {
    const project = await projects.get(caller, param(req, 'id'));
    res.send({ project: await projects.view(caller, project) });
  }));

  server.post('/api/projects/:id/decision', authed(ctx, async (caller, req, res) => {
    const input = parseInput(projectDecisionSchema, req.body ?? {});
    const project = await projects.decide(caller, param(req, 'id'), input);
    res.send({ project: await projects.view(caller, project) });
  }));

  server.post('/api/projects/:id/checkins', authed(ctx, async (caller, req, res) => {
    const input = parseInput(projectCheckinSchema, req.body ?? {});
    const project = await projects.checkin(caller, param(req, 'id'), input, requestKey(req));
    res.send({ project: await projects.view(caller, project) });
  }));

  server.post('/api/projects/:id/done', authed(ctx, async (caller, req, res) => {
    const { summary } = parseInput(projectDoneSchema, req.body ?? {});
    const project = await projects.complete(caller, param(req, 'id'), summary);
    res.send({ project: await projects.view(caller, project) });
  }));

  // ---------------------------------------------------------------------------------------------
  // Development paths

  server.get('/api/paths/options', authed(ctx, async (caller, _req, res) => {
    res.send(await paths.options(caller));
  }));

  server.get('/api/paths/me', authed(ctx, async (caller, _req, res) => {
    const path = await paths.mine(caller);
    res.send({ path: path ? paths.view(caller, path) : null });
  }));

  server.put('/api/paths/me', authed(ctx, async (caller, req, res) => {
    const { level } = parseInput(pathLevelSchema, req.body ?? {});
    const { path, created } = await paths.setLevel(caller, level);
    res.send(created ? 201 : 200, { path: paths.view(caller, path) });
  }));

  server.put('/api/paths/me/assessment', authed(ctx, async (caller, req, res) => {
    const { ratings, note } = parseInput(assessmentSchema, req.body ?? {});
    res.send({ path: paths.view(caller, await paths.assess(caller, ratings, note)) });
  }));

  server.post('/api/paths/me/goals', authed(ctx, async (caller, req, res) => {
    const input = parseInput(goalSchema, req.body ?? {});
    res.send(201, { path: paths.view(caller, await paths.addGoal(caller, input)) });
  }));

  server.patch('/api/paths/me/goals/:goalId', authed(ctx, async (caller, req, res) => {
    const patch = parseInput(goalPatchSchema, req.body ?? {});
    res.send({ path: paths.view(caller, await paths.editGoal(caller, param(req, 'goalId'), patch)) });
  }));

  server.del('/api/paths/me/goals/:goalId', authed(ctx, async (caller, req, res) => {
    res.send({ path: paths.view(caller, await paths.removeGoal(caller, param(req, 'goalId'))) });
  }));

  server.post('/api/paths/me/shares', authed(ctx, async (caller, req, res) => {
    const input = parseInput(shareSchema, req.body ?? {});
    res.send({ path: paths.view(caller, await paths.share(caller, input)) });
  }));

  server.del('/api/paths/me/shares/:userId', authed(ctx, async (caller, req, res) => {
    res.send({ path: paths.view(caller, await paths.unshare(caller, param(req, 'userId', userIdSchema))) });
  }));

  server.put('/api/paths/me/recognition', authed(ctx, async (caller, req, res) => {
    const input = parseInput(recognitionSchema, req.body ?? {});
    res.send({ path: paths.view(caller, await paths.setRecognition(caller, input)) });
  }));

  server.post('/api/paths/me/review-request', authed(ctx, async (caller, _req, res) => {
    res.send({ path: paths.view(caller, await paths.requestReview(caller)) });
  }));

  server.get('/api/paths/shared', authed(ctx, async (caller, _req, res) => {
    const shared = await paths.sharedWithMe(caller);
    res.send({
      paths: shared.map((p) => {
        const v = paths.view(caller, p);
        const share = p.shares.find((s) => s.userId === caller.userId);
        return { id: v.id, owner: v.owner, level: v.level, levelLabel: v.levelLabel, myRelation: share?.relation, coach: !!share?.coach, review: v.review };
      }),
    });
  }));

  server.get('/api/paths/:id', authed(ctx, async (caller, req, res) => {
    res.send({ path: paths.view(caller, await paths.get(caller, param(req, 'id'))) });
  }));

  server.post('/api/paths/:id/coaching', authed(ctx, async (caller, req, res) => {
    const { text } = parseInput(coachingSchema, req.body ?? {});
    res.send({ path: paths.view(caller, await paths.coach(caller, param(req, 'id'), text, requestKey(req))) });
  }));

  server.post('/api/paths/:id/review', authed(ctx, async (caller, req, res) => {
    const input = parseInput(reviewSchema, req.body ?? {});
    res.send({ path: paths.view(caller, await paths.review(caller, param(req, 'id'), input)) });
  }));
}
