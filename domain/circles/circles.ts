import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../ports/store';
import { isoDay, type Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { DomainError, conflict, forbidden, notFound } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import { type Cadence, type Pilot } from '../pilots/model';
import { type Circle, type Election, type ElectionResult } from './model';
import { type Question } from '../practices/model';
import { type Team } from '../directory/model';
import type { Outbox } from '../outbox/outbox';
import { EMPTY_HEALTH } from '../pilots/pilots';
import { cadenceSchema } from '../pilots/schemas';
import { addDays } from '../shared/schedule';

/**
 * Leadership circles: communities of practice that live in a Teams group chat or channel.
 *
 * - A circle is started in a conversation where Leaderful is installed; its members come from
 *   that conversation's roster (people can join or leave later).
 * - It elects its convenor: members nominate (themselves or others), each member has one vote,
 *   changeable until the election closes (by the convenor, an admin, or the deadline). Terms last
 *   `termWeeks`; when one ends an election opens by itself and the outgoing convenor may not stand
 *   (the role rotates). See TIE_BREAK_RULE and ROTATION_RULE.
 * - Its check-in rhythm is a Pilot with `circleId` whose "team" is the circle document itself, so
 *   the one check-in engine (domain/checkins) schedules, reminds, rotates facilitators,
 *   summarises and celebrates circle rounds exactly as it does a team's.
 */
export const TIE_BREAK_RULE =
  'Most votes wins. A tie goes to the tied nominee who has convened this circle least recently (never before comes first); if still tied, to the one nominated first.';
export const ROTATION_RULE =
  'With no nominees when the election closes, the sitting convenor carries on for a new term if they may stand; otherwise the role rotates to the member who has convened least recently (never before comes first), in the order people joined.';

const DAY = 86_400_000;
const MAX_MEMBERS = 250;
const KEEP_CONVENORS = 50;
const NEVER = '9999-12-31T00:00:00.000Z';

export const CIRCLE_CADENCE: Cadence = { weekdays: [2], time: '10:00', everyWeeks: 2, reminderHours: 4, roundHours: 48 };

/** The questions of a circle's check-in: the engine's confidence/progress/blocker conventions. */
export const CIRCLE_QUESTIONS: Question[] = [
  { id: 'confidence', kind: 'scale', text: 'How confident do you feel in your leadership this fortnight? (1–5)' },
  { id: 'progress', kind: 'text', text: 'What did you try since the circle last met, and what happened?' },
  { id: 'blocker', kind: 'text', text: 'Where would the circle’s help make a difference?' },
];

/** Trimmed text with a length range; errors name the bound. Shared by the circle-family modules. */
export const boundedText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);
export const userIdSchema = z.string().trim().min(1, 'pick a person').max(100, 'is not a valid person id').regex(/^[\w:.@-]+$/, 'is not a valid person id');

export const circleInputSchema = z
  .object({
    teamId: z.string().min(1, 'pick a group chat or channel').max(200),
    name: boundedText(3, 80),
    purpose: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    termWeeks: z.number().int().min(2, 'must be 2–52 weeks').max(52, 'must be 2–52 weeks').default(12),
    electionDays: z.number().int().min(1, 'must be 1–21 days').max(21, 'must be 1–21 days').default(7),
    cadence: cadenceSchema.default(CIRCLE_CADENCE),
  })
  .strict();
export type CircleInput = z.output<typeof circleInputSchema>;

export const circlePatchSchema = z
  .object({
    name: boundedText(3, 80),
    purpose: z.string().trim().max(500, 'must be at most 500 characters'),
    termWeeks: z.number().int().min(2, 'must be 2–52 weeks').max(52, 'must be 2–52 weeks'),
    electionDays: z.number().int().min(1, 'must be 1–21 days').max(21, 'must be 1–21 days'),
    cadence: cadenceSchema,
  })
  .partial()
  .strict();
export type CirclePatch = z.output<typeof circlePatchSchema>;

export const nominationSchema = z.object({ userId: userIdSchema }).strict();
export const voteSchema = z.object({ userId: userIdSchema }).strict();
export const openElectionSchema = z.object({ days: z.number().int().min(1, 'must be 1–21 days').max(21, 'must be 1–21 days').optional() }).strict();

export const circleIdFor = (tenantId: string, teamId: string) => `circle:${createHash('sha256').update(`${tenantId}|${teamId}`).digest('hex').slice(0, 24)}`;
const rhythmIdFor = (circleId: string) => `pilot:${circleId.replace(':', '-')}`;

const inConversation = (team: Pick<Team, 'memberIds' | 'managerId'>, userId: string) => team.memberIds.includes(userId) || team.managerId === userId;

function dueAtOf(c: Pick<Circle, 'election' | 'convenor'>): string {
  if (c.election?.status === 'open') return c.election.closesAt;
  return c.convenor.termEndsAt ?? NEVER;
}

/** What the tab and the cards get for a circle's election. Ballots are secret: only counts. */
export interface ElectionView {
  number: number;
  status: 'open' | 'closed';
  reason: Election['reason'];
  openedAt: string;
  closesAt: string;
  excluded: { id: string; name: string }[];
  nominees: { id: string; name: string; nominatedByMe: boolean; nominations: number }[];
  votesCast: number;
  myVote?: string;
  result?: Omit<ElectionResult, 'closedBy'> & { closedBy: 'deadline' | 'convenor' | 'admin' | 'member' };
  tieBreakRule: string;
  rotationRule: string;
}

export interface CircleSummary {
  id: string;
  name: string;
  purpose: string;
  kind: Circle['kind'];
  memberCount: number;
  convenor: { id: string; name: string };
  isMember: boolean;
  electionOpen: boolean;
}

export interface CircleView extends CircleSummary {
  teamId: string;
  members: { id: string; name: string; isConvenor: boolean }[];
  convenorTerm: { id: string; name: string; since: string; termEndsAt?: string; interim: boolean };
  pastConvenors: Circle['convenors'];
  termWeeks: number;
  electionDays: number;
  election?: ElectionView;
  rhythm?: { pilotId: string; status: Pilot['status']; cadence: Cadence; rounds: number; participation: number | null; confidence: number | null };
  can: { edit: boolean; openElection: boolean; closeElection: boolean; nominate: boolean; vote: boolean; leave: boolean };
  createdAt: string;
  etag?: string;
}

export class Circles {
  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  // ------------------------------------------------------------------------------------------
  // Reading

  /** The circle of a conversation, if one was started there (chat commands use this). */
  async forConversation(tenantId: string, teamId: string): Promise<Circle | undefined> {
    const circle = await this.store.read<Circle>('directory', tenantId, circleIdFor(tenantId, teamId));
    return circle && (await this.settle(circle));
  }

  /** A circle the caller belongs to (admins: any). Anyone else is told it does not exist. */
  async get(caller: Caller, id: string): Promise<Circle> {
    const circle = id.startsWith('circle:') ? await this.store.read<Circle>('directory', caller.tenantId, id) : undefined;
    if (!circle || circle.type !== 'circle' || !(circle.memberIds.includes(caller.userId) || hasRole(caller, 'admin'))) throw notFound('That circle');
    return this.settle(circle);
  }

  /** A circle the caller is a member of (admins included only when `allowAdmin`). */
  async memberCircle(caller: Caller, id: string, allowAdmin = false): Promise<Circle> {
    const circle = await this.get(caller, id);
    if (!circle.memberIds.includes(caller.userId) && !(allowAdmin && hasRole(caller, 'admin'))) throw notFound('That circle');
    return circle;
  }

  /**
   * A circle the caller could join: they are in its conversation but not (yet) a member. Used to
   * offer "join" to people added to the chat after the circle started; undefined otherwise.
   */
  async joinable(caller: Caller, id: string): Promise<Circle | undefined> {
    const circle = id.startsWith('circle:') ? await this.store.read<Circle>('directory', caller.tenantId, id) : undefined;
    if (!circle || circle.type !== 'circle' || circle.memberIds.includes(caller.userId)) return undefined;
    const team = await this.store.read<Team>('directory', caller.tenantId, circle.teamId);
    return team && inConversation(team, caller.userId) ? circle : undefined;
  }

  /** Circles the caller belongs to, or (`all`) every circle in the tenant as a summary. */
  async list(caller: Caller, scope: 'mine' | 'all' = 'mine'): Promise<CircleSummary[]> {
    const circles =
      scope === 'all'
        ? await this.store.all<Circle>('directory', caller.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' ORDER BY c.name")
        : await this.store.all<Circle>('directory', caller.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' AND ARRAY_CONTAINS(c.memberIds, @userId) ORDER BY c.name", { userId: caller.userId });
    return circles.map((c) => this.summary(caller, c));
  }

  summary(caller: Caller, c: Circle): CircleSummary {
    return {
      id: c.id,
      name: c.name,
      purpose: c.purpose,
      kind: c.kind,
      memberCount: c.memberIds.length,
      convenor: { id: c.convenor.userId, name: c.convenor.name },
      isMember: c.memberIds.includes(caller.userId),
      electionOpen: c.election?.status === 'open',
    };
  }

  /** Everything the tab shows of a circle, for a member or an admin. */
  async view(caller: Caller, c: Circle): Promise<CircleView> {
    const [members, rhythm] = await Promise.all([
      this.directory.membersByIds(c.tenantId, c.memberIds),
      this.store.read<Pilot>('pilots', c.tenantId, c.rhythmPilotId),
    ]);
    const names = new Map(members.map((m) => [m.userId, m.name]));
    const nameOf = (id: string) => names.get(id) ?? 'Former member';
    const isMember = c.memberIds.includes(caller.userId);
    const isConvenor = c.convenor.userId === caller.userId;
    const admin = hasRole(caller, 'admin');
    const e = c.election;
    const open = e?.status === 'open';
    const election: ElectionView | undefined = e && {
      number: e.number,
      status: e.status,
      reason: e.reason,
      openedAt: e.openedAt,
      closesAt: e.closesAt,
      excluded: e.excluded.map((id) => ({ id, name: nameOf(id) })),
      nominees: e.nominees.map((n) => ({ id: n.userId, name: n.name, nominatedByMe: n.nominatedBy.includes(caller.userId), nominations: n.nominatedBy.length })),
      votesCast: Object.keys(e.votes).length,
      myVote: e.votes[caller.userId],
      result: e.result && { ...e.result, closedBy: this.closedByLabel(c, e.result.closedBy) },
      tieBreakRule: TIE_BREAK_RULE,
      rotationRule: ROTATION_RULE,
    };
    return {
      ...this.summary(caller, c),
      teamId: c.teamId,
      members: c.memberIds.map((id) => ({ id, name: nameOf(id), isConvenor: id === c.convenor.userId })).sort((a, b) => a.name.localeCompare(b.name)),
      convenorTerm: { id: c.convenor.userId, name: c.convenor.name, since: c.convenor.since, termEndsAt: c.convenor.termEndsAt, interim: !!c.convenor.interim },
      pastConvenors: c.convenors,
      termWeeks: c.termWeeks,
      electionDays: c.electionDays,
      election,
      rhythm: rhythm && {
        pilotId: rhythm.id,
        status: rhythm.status,
        cadence: rhythm.cadence,
        rounds: rhythm.health.rounds,
        participation: rhythm.health.participation,
        confidence: rhythm.health.confidence,
      },
      can: {
        edit: isConvenor || admin,
        openElection: !open && (isConvenor || admin),
        closeElection: open && (isConvenor || admin),
        nominate: open && isMember,
        vote: open && isMember && !!e?.nominees.length,
        leave: isMember && !isConvenor,
      },
      createdAt: c.createdAt,
      etag: c._etag,
    };
  }

  private closedByLabel(c: Circle, closedBy: string): 'deadline' | 'convenor' | 'admin' | 'member' {
    if (closedBy === 'deadline') return 'deadline';
    if (c.convenors.some((x) => x.userId === closedBy) || c.convenor.userId === closedBy) return 'convenor';
    return c.memberIds.includes(closedBy) ? 'member' : 'admin';
  }

  // ------------------------------------------------------------------------------------------
  // Starting and changing a circle

  /**
   * Starts a circle in a group chat or channel the caller is part of. One circle per
   * conversation: starting it again (a retried command) returns the circle made the first time.
   * The founder convenes in the interim, and the first election opens at once.
   */
  async start(caller: Caller, input: CircleInput): Promise<{ circle: Circle; created: boolean }> {
    const team = await this.store.read<Team>('directory', caller.tenantId, input.teamId);
    if (!team || team.type !== 'team' || !inConversation(team, caller.userId)) throw notFound('That conversation');
    if (team.kind === 'personal' || !team.conversationReference) {
      throw new DomainError('validation', 'teamId: a circle lives in a group chat or channel where Leaderful is installed', [
        { field: 'teamId', message: 'a circle lives in a group chat or channel where Leaderful is installed' },
      ]);
    }
    const id = circleIdFor(caller.tenantId, team.id);
    const now = this.clock.now();
    const memberIds = Array.from(new Set([caller.userId, ...(team.managerId ? [team.managerId] : []), ...team.memberIds])).slice(0, MAX_MEMBERS);
    const election = openElectionOf(1, 'first', caller.userId, now, input.electionDays, []);
    const { doc, created } = await this.store.createOnce<Circle>('directory', {
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
    await this.announce(doc);
    return { circle: doc, created };
  }

  /** The circle's check-in rhythm: a pilot the check-in engine runs like any team's. */
  private async ensureRhythm(circle: Circle, cadence: Cadence): Promise<void> {
    const today = isoDay(this.clock.now());
    const now = this.clock.now().toISOString();
    await this.store.createOnce<Pilot>('pilots', {
      id: circle.rhythmPilotId,
      tenantId: circle.tenantId,
      type: 'pilot',
      title: `${circle.name} circle`,
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
    this.mustConvene(caller, circle, 'Only the circle’s convenor can change it.');
    const updated = await this.change(caller.tenantId, id, (c) => ({
      ...c,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.purpose !== undefined ? { purpose: patch.purpose } : {}),
      ...(patch.termWeeks !== undefined ? { termWeeks: patch.termWeeks } : {}),
      ...(patch.electionDays !== undefined ? { electionDays: patch.electionDays } : {}),
    }));
    if (patch.cadence || patch.name || patch.purpose !== undefined) {
      await this.store.update<Pilot>('pilots', caller.tenantId, updated.rhythmPilotId, (p) => ({
        ...p,
        ...(patch.cadence ? { cadence: patch.cadence } : {}),
        ...(patch.name ? { title: `${patch.name} circle`, teamName: patch.name } : {}),
        ...(patch.purpose ? { hypothesis: patch.purpose } : {}),
        updatedAt: this.clock.now().toISOString(),
      }));
    }
    return updated;
  }

  /** Someone in the circle's conversation (added after it started) joins it. */
  async join(caller: Caller, id: string): Promise<Circle> {
    const circle = await this.store.read<Circle>('directory', caller.tenantId, id.startsWith('circle:') ? id : '-');
    if (!circle || circle.type !== 'circle') throw notFound('That circle');
    if (circle.memberIds.includes(caller.userId)) return this.settle(circle);
    const team = await this.store.read<Team>('directory', caller.tenantId, circle.teamId);
    if (!team || !inConversation(team, caller.userId)) throw notFound('That circle');
    if (circle.memberIds.length >= MAX_MEMBERS) throw conflict(`A circle has at most ${MAX_MEMBERS} members.`);
    return this.change(caller.tenantId, id, (c) => (c.memberIds.includes(caller.userId) ? undefined : { ...c, memberIds: [...c.memberIds, caller.userId], conversationReference: team.conversationReference ?? c.conversationReference }));
  }

  /** A member leaves; their nomination and vote in an open election go with them. */
  async leave(caller: Caller, id: string): Promise<Circle> {
    const circle = await this.memberCircle(caller, id);
    if (circle.convenor.userId === caller.userId && circle.memberIds.length > 1) {
      throw conflict('You convene this circle: hand the role on first (open an election, or ask an admin).');
    }
    return this.change(caller.tenantId, id, (c) => {
      const election = c.election && c.election.status === 'open' ? dropPerson(c.election, caller.userId) : c.election;
      return { ...c, memberIds: c.memberIds.filter((m) => m !== caller.userId), election };
    });
  }

  // ------------------------------------------------------------------------------------------
  // Elections

  /** The convenor (stepping down or calling a vote) or an admin opens an election. */
  async openElection(caller: Caller, id: string, days?: number): Promise<Circle> {
    const circle = await this.get(caller, id);
    this.mustConvene(caller, circle, 'Only the convenor or an admin can call an election.');
    if (circle.election?.status === 'open') throw conflict('An election is already open in this circle.');
    const updated = await this.change(caller.tenantId, id, (c) => (c.election?.status === 'open' ? undefined : this.withElection(c, 'requested', caller.userId, days)));
    await this.announce(updated);
    return updated;
  }

  /** Nominates a member (oneself included) for convenor in the open election. */
  async nominate(caller: Caller, id: string, nomineeId: string): Promise<Circle> {
    const circle = await this.memberCircle(caller, id);
    const election = this.openElectionIn(circle);
    if (!circle.memberIds.includes(nomineeId)) throw fieldError('userId', 'is not a member of this circle');
    if (election.excluded.includes(nomineeId)) throw fieldError('userId', 'convened the last term: the role rotates, so they cannot stand this time');
    const nominee = await this.directory.member(caller.tenantId, nomineeId);
    const at = this.clock.now().toISOString();
    const updated = await this.change(caller.tenantId, id, (c) => {
      const e = c.election;
      if (!e || e.status !== 'open') throw conflict('This election has closed.');
      const existing = e.nominees.find((n) => n.userId === nomineeId);
      if (existing?.nominatedBy.includes(caller.userId)) return undefined;
      const nominees = existing
        ? e.nominees.map((n) => (n.userId === nomineeId ? { ...n, nominatedBy: [...n.nominatedBy, caller.userId] } : n))
        : [...e.nominees, { userId: nomineeId, name: nominee?.name ?? 'Circle member', nominatedBy: [caller.userId], at }];
      return { ...c, election: { ...e, nominees } };
    });
    if (nomineeId !== caller.userId) {
      await this.outbox.enqueue(caller.tenantId, `circle-nominated:${id}:${election.number}:${nomineeId}`, 'circle_update', { kind: 'user', userId: nomineeId }, {
        event: 'nominated',
        circleId: id,
        circleName: updated.name,
        byName: caller.name,
        closesAt: election.closesAt,
      });
    }
    return updated;
  }

  /** A nominee withdraws (an admin may withdraw anyone); votes cast for them are dropped. */
  async withdraw(caller: Caller, id: string, nomineeId: string = caller.userId): Promise<Circle> {
    const circle = await this.get(caller, id);
    if (nomineeId !== caller.userId && !hasRole(caller, 'admin')) throw forbidden('Only the nominee can withdraw their nomination.');
    this.openElectionIn(circle);
    return this.change(caller.tenantId, id, (c) => {
      const e = c.election;
      if (!e || e.status !== 'open' || !e.nominees.some((n) => n.userId === nomineeId)) return undefined;
      return { ...c, election: dropNominee(e, nomineeId) };
    });
  }

  /** One vote per member, for a nominee; changeable (or withdrawn with `undefined`) until the close. */
  async vote(caller: Caller, id: string, nomineeId: string | undefined): Promise<Circle> {
    const circle = await this.memberCircle(caller, id);
    const election = this.openElectionIn(circle);
    if (nomineeId !== undefined && !election.nominees.some((n) => n.userId === nomineeId)) throw fieldError('userId', 'is not standing in this election');
    return this.change(caller.tenantId, id, (c) => {
      const e = c.election;
      if (!e || e.status !== 'open') throw conflict('This election has closed.');
      if (nomineeId !== undefined && !e.nominees.some((n) => n.userId === nomineeId)) throw fieldError('userId', 'is not standing in this election');
      if (e.votes[caller.userId] === nomineeId) return undefined;
      const votes = { ...e.votes };
      if (nomineeId === undefined) delete votes[caller.userId];
      else votes[caller.userId] = nomineeId;
      return { ...c, election: { ...e, votes } };
    });
  }

  /** The convenor or an admin closes the election before its deadline. */
  async closeElection(caller: Caller, id: string): Promise<Circle> {
    const circle = await this.get(caller, id);
    // A retried close by whoever closed it: already done.
    if (circle.election?.status === 'closed' && circle.election.result?.closedBy === caller.userId) return circle;
    this.mustConvene(caller, circle, 'Only the convenor or an admin can close the election early.');
    if (circle.election?.status !== 'open') throw conflict('No election is open in this circle.');
    const names = await this.memberNames(circle);
    const updated = await this.change(caller.tenantId, id, (c) => (c.election?.status === 'open' ? closeElectionOf(c, caller.userId, this.clock.now(), names) : undefined));
    await this.afterClose(updated);
    return updated;
  }

  /** Background pass: closes elections past their deadline and opens one when a term ends. */
  async tick(tenantId: string): Promise<number> {
    const due = await this.store.all<Circle>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' AND c.dueAt <= @now", { now: this.clock.now().toISOString() });
    for (const circle of due) await this.settle(circle);
    return due.length;
  }

  /** Brings a circle up to date with the clock (deadline closes, end-of-term elections). Idempotent. */
  private async settle(circle: Circle): Promise<Circle> {
    let current = circle;
    for (let step = 0; step < 3 && current.dueAt <= this.clock.now().toISOString(); step++) {
      const now = this.clock.now();
      const names = current.election?.status === 'open' ? await this.memberNames(current) : new Map<string, string>();
      const next = await this.change(current.tenantId, current.id, (c) => {
        if (c.dueAt > now.toISOString()) return undefined;
        if (c.election?.status === 'open') return c.election.closesAt <= now.toISOString() ? closeElectionOf(c, 'deadline', now, names) : { ...c, dueAt: dueAtOf(c) };
        if (c.convenor.termEndsAt && c.convenor.termEndsAt <= now.toISOString()) return this.withElection(c, 'term_ended', 'scheduler');
        return { ...c, dueAt: dueAtOf(c) };
      });
      if (next.election?.status === 'closed') await this.afterClose(next);
      else await this.announce(next);
      if (next._etag === current._etag) break;
      current = next;
    }
    return current;
  }

  private withElection(c: Circle, reason: Election['reason'], openedBy: string, days?: number): Circle {
    // The sitting convenor does not stand again straight away (rotation), unless interim or alone.
    const excluded = !c.convenor.interim && c.memberIds.length > 1 ? [c.convenor.userId] : [];
    const election = openElectionOf((c.election?.number ?? 0) + 1, reason, openedBy, this.clock.now(), days ?? c.electionDays, excluded);
    return { ...c, election, dueAt: election.closesAt };
  }

  /** After an election closes: the rhythm follows the new convenor, and the circle hears who. */
  private async afterClose(c: Circle): Promise<void> {
    const e = c.election;
    if (!e?.result) return;
    await this.store.update<Pilot>('pilots', c.tenantId, c.rhythmPilotId, (p) =>
      p.managerId === c.convenor.userId ? undefined : { ...p, managerId: c.convenor.userId, managerName: c.convenor.name, updatedAt: this.clock.now().toISOString() },
    );
    const r = e.result;
    await this.outbox.enqueue(c.tenantId, `circle-elected:${c.id}:${e.number}`, 'circle_update', { kind: 'team', teamId: c.id }, {
      event: 'elected',
      circleId: c.id,
      circleName: c.name,
      winnerName: r.winnerName,
      rule: r.rule,
      votesCast: r.votesCast,
      tally: r.tally.map((t) => ({ name: t.name, votes: t.votes })),
      termEndsAt: c.convenor.termEndsAt,
    });
  }

  /** Announces an open election in the circle's conversation, once per election. */
  private async announce(c: Circle): Promise<void> {
    const e = c.election;
    if (!e || e.status !== 'open') return;
    await this.outbox.enqueue(c.tenantId, `circle-election:${c.id}:${e.number}`, 'circle_update', { kind: 'team', teamId: c.id }, {
      event: 'election',
      circleId: c.id,
      circleName: c.name,
      reason: e.reason,
      memberCount: c.memberIds.length,
      convenorName: c.convenor.name,
      rotates: e.excluded.length > 0,
      closesAt: e.closesAt,
    });
  }

  // ------------------------------------------------------------------------------------------

  private openElectionIn(circle: Circle): Election {
    const e = circle.election;
    if (!e || e.status !== 'open') throw conflict('No election is open in this circle.');
    return e;
  }

  private mustConvene(caller: Caller, circle: Circle, why: string): void {
    if (circle.convenor.userId !== caller.userId && !hasRole(caller, 'admin')) throw forbidden(why);
  }

  private async memberNames(c: Circle): Promise<Map<string, string>> {
    const members = await this.directory.membersByIds(c.tenantId, c.memberIds);
    return new Map(members.map((m) => [m.userId, m.name]));
  }

  /** ETag read-modify-write that also keeps `dueAt` and `updatedAt` right. */
  private async change(tenantId: string, id: string, mutate: (c: Circle) => Circle | undefined): Promise<Circle> {
    const updated = await this.store.update<Circle>('directory', tenantId, id, (c) => {
      const next = mutate(c);
      return next && { ...next, dueAt: dueAtOf(next), updatedAt: this.clock.now().toISOString() };
    });
    if (!updated) throw notFound('That circle');
    return updated;
  }
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError('validation', `${field}: ${message}`, [{ field, message }]);
}

function openElectionOf(number: number, reason: Election['reason'], openedBy: string, now: Date, days: number, excluded: string[]): Election {
  return { number, status: 'open', reason, openedAt: now.toISOString(), closesAt: new Date(now.getTime() + days * DAY).toISOString(), openedBy, excluded, nominees: [], votes: {} };
}

function dropNominee(e: Election, nomineeId: string): Election {
  const votes = Object.fromEntries(Object.entries(e.votes).filter(([, v]) => v !== nomineeId));
  return { ...e, nominees: e.nominees.filter((n) => n.userId !== nomineeId), votes };
}

/** Someone leaves the circle: their vote, their nomination and their support for others go. */
function dropPerson(e: Election, userId: string): Election {
  const dropped = dropNominee(e, userId);
  const votes = { ...dropped.votes };
  delete votes[userId];
  return { ...dropped, votes, nominees: dropped.nominees.map((n) => ({ ...n, nominatedBy: n.nominatedBy.filter((b) => b !== userId) })).filter((n) => n.nominatedBy.length > 0) };
}

/**
 * Tallies and closes the open election of `c` and seats the winner for a new term. Pure: the
 * caller writes the result with the circle's ETag.
 */
export function closeElectionOf(c: Circle, closedBy: string, now: Date, names: Map<string, string>): Circle {
  const e = c.election!;
  const at = now.toISOString();
  const lastConvened = (userId: string) => {
    if (c.convenor.userId === userId) return at;
    return c.convenors.filter((x) => x.userId === userId).reduce((latest, x) => (x.to > latest ? x.to : latest), '');
  };
  const joinOrder = (userId: string) => {
    const i = c.memberIds.indexOf(userId);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const nominees = e.nominees.filter((n) => c.memberIds.includes(n.userId));
  const counts = new Map(nominees.map((n) => [n.userId, 0]));
  let votesCast = 0;
  for (const [voter, nominee] of Object.entries(e.votes)) {
    if (!c.memberIds.includes(voter) || !counts.has(nominee)) continue;
    counts.set(nominee, counts.get(nominee)! + 1);
    votesCast++;
  }
  let winnerId: string;
  let rule: ElectionResult['rule'];
  if (nominees.length) {
    const max = Math.max(...counts.values());
    const top = nominees.filter((n) => counts.get(n.userId) === max);
    rule = top.length === 1 ? 'votes' : 'tie_break';
    top.sort((a, b) => lastConvened(a.userId).localeCompare(lastConvened(b.userId)) || a.at.localeCompare(b.at) || joinOrder(a.userId) - joinOrder(b.userId));
    winnerId = top[0].userId;
  } else if (!e.excluded.includes(c.convenor.userId) && c.memberIds.includes(c.convenor.userId)) {
    rule = 'continued';
    winnerId = c.convenor.userId;
  } else {
    rule = 'rotation';
    const eligible = c.memberIds.filter((m) => !e.excluded.includes(m));
    const pool = eligible.length ? eligible : c.memberIds;
    winnerId = [...pool].sort((a, b) => lastConvened(a).localeCompare(lastConvened(b)) || joinOrder(a) - joinOrder(b))[0] ?? c.convenor.userId;
  }
  const winnerName = nominees.find((n) => n.userId === winnerId)?.name ?? names.get(winnerId) ?? (winnerId === c.convenor.userId ? c.convenor.name : 'Circle member');
  const tally = nominees.map((n) => ({ userId: n.userId, name: n.name, votes: counts.get(n.userId) ?? 0 })).sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name));
  const result: ElectionResult = { winnerId, winnerName, rule, tally, votesCast, closedAt: at, closedBy };
  const termEndsAt = new Date(now.getTime() + c.termWeeks * 7 * DAY).toISOString();
  const same = winnerId === c.convenor.userId;
  const convenors = same ? c.convenors : [...c.convenors, { userId: c.convenor.userId, name: c.convenor.name, from: c.convenor.since, to: at }].slice(-KEEP_CONVENORS);
  const convenor = same ? { userId: winnerId, name: winnerName, since: c.convenor.since, termEndsAt } : { userId: winnerId, name: winnerName, since: at, termEndsAt };
  const next: Circle = { ...c, convenor, convenors, election: { ...e, status: 'closed', result } };
  return { ...next, dueAt: dueAtOf(next) };
}
