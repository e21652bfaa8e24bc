import { circleInputSchema, circlePatchSchema, nominationSchema, openElectionSchema, userIdSchema, voteSchema } from '../../domain/circles';
import type { Caller } from '../../domain/shared/caller';
import { invalid, problem } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { pathParam, queryParam } from './http';

/**
 * Leadership circles over the tab API (issue 9): a thin face over domain/circles.
 *
 * Every route needs Teams SSO, is scoped to the caller's tenant, and answers 404 for anything the
 * caller may not see. Bodies are JSON; a 400 names each bad field in `error.fields`. POSTs marked
 * (idem) honour Idempotency-Key.
 *
 * Circles (members see their circles and the ones they could join; nobody else learns of them)
 *  GET    /api/circles?scope=mine|all          {circles: CircleSummary[]}
 *     mine: circles I belong to. all: those, and circles of the group chats and channels I am in
 *     (which I may join). A circle of a conversation I am not in is not listed: group chats are
 *     private, so its name, id and existence stay with the people in it. Admins: every circle.
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
 */
export function registerCircleRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const { circles } = domain;
  const circleView = async (caller: Caller, id: string) => circles.view(caller, await circles.get(caller, id));

  server.get('/api/circles', authed(ctx, async (caller, req, res) => {
    const scope = queryParam(req, 'scope') ?? 'mine';
    if (scope !== 'mine' && scope !== 'all') throw invalid([problem('scope', 'invalid_choice', { options: ['mine', 'all'] })]);
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
    res.send({ circle: await circleView(caller, pathParam(req, 'id')) });
  }));

  server.patch('/api/circles/:id', authed(ctx, async (caller, req, res) => {
    const patch = parseInput(circlePatchSchema, req.body ?? {});
    const circle = await circles.edit(caller, pathParam(req, 'id'), patch);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/join', authed(ctx, async (caller, req, res) => {
    const circle = await circles.join(caller, pathParam(req, 'id'));
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/leave', authed(ctx, async (caller, req, res) => {
    await circles.leave(caller, pathParam(req, 'id'));
    res.send({ left: true });
  }));

  server.post('/api/circles/:id/election', authed(ctx, async (caller, req, res) => {
    const { days } = parseInput(openElectionSchema, req.body ?? {});
    const circle = await circles.openElection(caller, pathParam(req, 'id'), days);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/election/close', authed(ctx, async (caller, req, res) => {
    const circle = await circles.closeElection(caller, pathParam(req, 'id'));
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.post('/api/circles/:id/nominations', authed(ctx, async (caller, req, res) => {
    const { userId } = parseInput(nominationSchema, req.body ?? {});
    const circle = await circles.nominate(caller, pathParam(req, 'id'), userId);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.del('/api/circles/:id/nominations/:userId', authed(ctx, async (caller, req, res) => {
    const circle = await circles.withdraw(caller, pathParam(req, 'id'), pathParam(req, 'userId', userIdSchema));
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.put('/api/circles/:id/vote', authed(ctx, async (caller, req, res) => {
    const { userId } = parseInput(voteSchema, req.body ?? {});
    const circle = await circles.vote(caller, pathParam(req, 'id'), userId);
    res.send({ circle: await circles.view(caller, circle) });
  }));

  server.del('/api/circles/:id/vote', authed(ctx, async (caller, req, res) => {
    const circle = await circles.vote(caller, pathParam(req, 'id'), undefined);
    res.send({ circle: await circles.view(caller, circle) });
  }));
}
