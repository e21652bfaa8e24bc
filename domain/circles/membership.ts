import type { DisclosureLoader } from '../anonymity';
import { isoDay, type Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { conflict, invalid, notFound, problem } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import { type Cadence } from '../pilots/model';
import { EMPTY_HEALTH } from '../pilots/pilots';
import { type Team } from '../directory/model';
import { addDays } from '../shared/schedule';
import { type Circle } from './model';
import { CIRCLE_QUESTIONS, type CircleInput, type CirclePatch } from './schemas';
import { dropPerson, mustConvene, openElectionOf, type Elections } from './elections';
import { circleIdFor, rhythmIdFor, type CircleRepository } from './repository';
import { circleSummary, circleView, type CircleSummary, type CircleView } from './views';
import { spendNotify, type RateLimits } from '../shared/rate-limits';

/**
 * Belonging to a circle. A circle is started in a conversation where Leaderful is installed; its
 * members come from that conversation's roster, and people in the conversation can join or leave
 * later. Only members (and admins) see a circle: anyone else is told it does not exist.
 *
 * Its check-in rhythm is a Pilot with `circleId` whose "team" is the circle document itself, so
 * the one check-in engine (domain/checkins) schedules, reminds, rotates facilitators, summarises
 * and celebrates circle rounds exactly as it does a team's.
 */
const MAX_MEMBERS = 250;

const inConversation = (team: Pick<Team, 'memberIds' | 'managerId'>, userId: string) => team.memberIds.includes(userId) || team.managerId === userId;

export class Membership {
  constructor(
    private readonly circles: CircleRepository,
    private readonly elections: Elections,
    private readonly directory: Directory,
    private readonly clock: Clock,
    private readonly disclosure: DisclosureLoader,
    private readonly limits: RateLimits,
  ) {}

  // ------------------------------------------------------------------------------------------
  // Reading: every read brings the circle up to date with the clock first.

  /** The circle of a conversation, if one was started there (chat commands use this). */
  async forConversation(tenantId: string, teamId: string): Promise<Circle | undefined> {
    const circle = await this.circles.find(tenantId, circleIdFor(tenantId, teamId));
    return circle && (await this.elections.settle(circle));
  }

  /** A circle the caller belongs to (admins: any). Anyone else is told it does not exist. */
  async get(caller: Caller, id: string): Promise<Circle> {
    const circle = await this.circles.find(caller.tenantId, id);
    if (!circle || !(circle.memberIds.includes(caller.userId) || hasRole(caller, 'admin'))) throw notFound('circle');
    return this.elections.settle(circle);
  }

  /** A circle the caller is a member of (admins included only when `allowAdmin`). */
  async memberCircle(caller: Caller, id: string, allowAdmin = false): Promise<Circle> {
    const circle = await this.get(caller, id);
    if (!circle.memberIds.includes(caller.userId) && !(allowAdmin && hasRole(caller, 'admin'))) throw notFound('circle');
    return circle;
  }

  /**
   * A circle the caller could join: they are in its conversation but not (yet) a member. Used to
   * offer "join" to people added to the chat after the circle started; undefined otherwise.
   */
  async joinable(caller: Caller, id: string): Promise<Circle | undefined> {
    const circle = await this.circles.find(caller.tenantId, id);
    if (!circle || circle.memberIds.includes(caller.userId)) return undefined;
    const team = await this.circles.conversation(caller.tenantId, circle.teamId);
    return team && inConversation(team, caller.userId) ? circle : undefined;
  }

  /**
   * Circles the caller belongs to, or (`all`) also those they could join: circles of the group
   * chats and channels they are in. A circle lives in a conversation that may be private (a group
   * chat): someone outside it learns nothing of it, not its name, not that it exists. Admins see
   * every circle.
   */
  async list(caller: Caller, scope: 'mine' | 'all' = 'mine'): Promise<CircleSummary[]> {
    if (scope === 'mine') return (await this.circles.withMember(caller.tenantId, caller.userId)).map((c) => circleSummary(caller, c));
    const all = await this.circles.all(caller.tenantId);
    if (hasRole(caller, 'admin')) return all.map((c) => circleSummary(caller, c));
    const mine = await this.circles.conversationsOf(caller.tenantId, caller.userId);
    return all.filter((c) => c.memberIds.includes(caller.userId) || mine.has(c.teamId)).map((c) => circleSummary(caller, c));
  }

  /** Everything the tab shows of a circle, for a member or an admin; its rhythm's figures as disclosure allows today. */
  async view(caller: Caller, c: Circle): Promise<CircleView> {
    const [members, rhythm] = await Promise.all([this.directory.membersByIds(c.tenantId, c.memberIds), this.circles.rhythm(c.tenantId, c.rhythmPilotId)]);
    const shown = rhythm && (await this.disclosure.load(c.tenantId)).disclosure.pilot(rhythm);
    return circleView(caller, c, new Map(members.map((m) => [m.userId, m.name])), shown);
  }

  // ------------------------------------------------------------------------------------------
  // Starting and changing a circle

  /**
   * Starts a circle in a group chat or channel the caller is part of. One circle per
   * conversation: starting it again (a retried command) returns the circle made the first time.
   * The founder convenes in the interim, and the first election opens at once.
   */
  async start(caller: Caller, input: CircleInput): Promise<{ circle: Circle; created: boolean }> {
    const team = await this.circles.conversation(caller.tenantId, input.teamId);
    if (!team || team.type !== 'team' || !inConversation(team, caller.userId)) throw notFound('conversation');
    if (team.kind === 'personal' || !team.conversationReference) {
      throw invalid([problem('teamId', 'circle.needs_group_chat')]);
    }
    const id = circleIdFor(caller.tenantId, team.id);
    spendNotify(this.limits, caller);
    const now = this.clock.now();
    const memberIds = Array.from(new Set([caller.userId, ...(team.managerId ? [team.managerId] : []), ...team.memberIds])).slice(0, MAX_MEMBERS);
    const election = openElectionOf(1, 'first', caller.userId, now, input.electionDays, []);
    const { doc, created } = await this.circles.createOnce({
      id,
      tenantId: caller.tenantId,
      type: 'circle',
      name: input.name,
      purpose: input.purpose,
      teamId: team.id,
      kind: team.kind === 'channel' ? 'channel' : 'groupChat',
      conversationReference: team.conversationReference,
      memberIds,
      convenor: { userId: caller.userId, name: caller.name, since: now.toISOString(), interim: true },
      convenors: [],
      termWeeks: input.termWeeks,
      electionDays: input.electionDays,
      election,
      dueAt: election.closesAt,
      rhythmPilotId: rhythmIdFor(id),
      status: 'active',
      createdBy: caller.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    // Both are idempotent: a retry after a crash between the writes completes the circle.
    await this.ensureRhythm(doc, input.cadence);
    await this.elections.announce(doc);
    return { circle: doc, created };
  }

  /** The circle's check-in rhythm: a pilot the check-in engine runs like any team's. */
  private async ensureRhythm(circle: Circle, cadence: Cadence): Promise<void> {
    const today = isoDay(this.clock.now());
    const now = this.clock.now().toISOString();
    await this.circles.createRhythm({
      id: circle.rhythmPilotId,
      tenantId: circle.tenantId,
      type: 'pilot',
      title: rhythmTitle(circle.name),
      practiceName: 'Leadership circle',
      hypothesis: circle.purpose || 'Practising leadership together, over time, we grow faster than alone.',
      successMeasures: ['Members check in and help each other every round'],
      teamId: circle.id,
      teamName: circle.name,
      managerId: circle.convenor.userId,
      managerName: circle.convenor.name,
      cadence,
      questions: CIRCLE_QUESTIONS,
      startDate: today,
      endDate: addDays(today, 364),
      status: 'active',
      createdAt: now,
      updatedAt: now,
      health: EMPTY_HEALTH,
      circleId: circle.id,
    });
  }

  /** The convenor (or an admin) renames the circle, changes its terms or its check-in rhythm. */
  async edit(caller: Caller, id: string, patch: CirclePatch): Promise<Circle> {
    const circle = await this.get(caller, id);
    mustConvene(caller, circle, 'circle.convenor_only_edit');
    const updated = await this.circles.change(caller.tenantId, id, (c) => ({
      ...c,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.purpose !== undefined ? { purpose: patch.purpose } : {}),
      ...(patch.termWeeks !== undefined ? { termWeeks: patch.termWeeks } : {}),
      ...(patch.electionDays !== undefined ? { electionDays: patch.electionDays } : {}),
    }));
    if (patch.cadence || patch.name || patch.purpose !== undefined) {
      await this.circles.changeRhythm(caller.tenantId, updated.rhythmPilotId, (p) => ({
        ...p,
        ...(patch.cadence ? { cadence: patch.cadence } : {}),
        ...(patch.name ? { title: rhythmTitle(patch.name), teamName: patch.name } : {}),
        ...(patch.purpose ? { hypothesis: patch.purpose } : {}),
        updatedAt: this.clock.now().toISOString(),
      }));
    }
    return updated;
  }

  /** Someone in the circle's conversation (added after it started) joins it. */
  async join(caller: Caller, id: string): Promise<Circle> {
    const circle = await this.circles.find(caller.tenantId, id);
    if (!circle) throw notFound('circle');
    if (circle.memberIds.includes(caller.userId)) return this.elections.settle(circle);
    const team = await this.circles.conversation(caller.tenantId, circle.teamId);
    if (!team || !inConversation(team, caller.userId)) throw notFound('circle');
    if (circle.memberIds.length >= MAX_MEMBERS) throw conflict('circle.full', { max: MAX_MEMBERS });
    return this.circles.change(caller.tenantId, id, (c) => (c.memberIds.includes(caller.userId) ? undefined : { ...c, memberIds: [...c.memberIds, caller.userId], conversationReference: team.conversationReference ?? c.conversationReference }));
  }

  /** A member leaves; their nomination and vote in an open election go with them. */
  async leave(caller: Caller, id: string): Promise<Circle> {
    const circle = await this.memberCircle(caller, id);
    if (circle.convenor.userId === caller.userId && circle.memberIds.length > 1) {
      throw conflict('circle.convenor_leaving');
    }
    return this.circles.change(caller.tenantId, id, (c) => {
      const election = c.election && c.election.status === 'open' ? dropPerson(c.election, caller.userId) : c.election;
      return { ...c, memberIds: c.memberIds.filter((m) => m !== caller.userId), election };
    });
  }
}

/** The circle's check-in rhythm is titled after it: "Hybrid leads circle", never "Test circle circle". */
const rhythmTitle = (name: string): string => (/\bcircle$/i.test(name.trim()) ? name.trim() : `${name.trim()} circle`);
