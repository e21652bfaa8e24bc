import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { conflict, forbidden, invalid, problem } from '../shared/errors';
import type { PlainErrorCode } from '../shared/codes';
import { hasRole, type Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import { dueAtOf, type Circle, type Election, type ElectionResult } from './model';
import type { CircleRepository } from './repository';
import { eachIsolated, type Skipped } from '../shared/isolation';
import { spendNotify, type RateLimits } from '../shared/rate-limits';
import { CONVENOR_LESSON_ID } from '../lessons/library';

/**
 * Electing a circle's convenor. Members nominate (themselves or others), each member has one vote,
 * changeable until the election closes (by the convenor, an admin, or the deadline). Terms last
 * `termWeeks`; when one ends an election opens by itself and the outgoing convenor may not stand
 * (the role rotates). See ELECTION_RULES.
 *
 * The use cases take a circle the caller may act on (see Membership); the rules below them are
 * pure, so the circle is written once, with its ETag.
 */
const DAY = 86_400_000;
const KEEP_CONVENORS = 50;

export class Elections {
  constructor(
    private readonly circles: CircleRepository,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  /** The convenor (stepping down or calling a vote) or an admin opens an election. */
  async open(caller: Caller, circle: Circle, days?: number): Promise<Circle> {
    mustConvene(caller, circle, 'circle.convenor_only_call');
    if (circle.election?.status === 'open') throw conflict('circle.election_open');
    spendNotify(this.limits, caller);
    const updated = await this.circles.change(caller.tenantId, circle.id, (c) => (c.election?.status === 'open' ? undefined : withElection(c, 'requested', caller.userId, this.clock.now(), days)));
    await this.announce(updated);
    return updated;
  }

  /** A member nominates a member (oneself included) for convenor in the open election. */
  async nominate(caller: Caller, circle: Circle, nomineeId: string): Promise<Circle> {
    const election = openElectionIn(circle);
    if (!circle.memberIds.includes(nomineeId)) throw invalid([problem('userId', 'circle.not_member')]);
    if (election.excluded.includes(nomineeId)) throw invalid([problem('userId', 'circle.cannot_stand')]);
    if (nomineeId !== caller.userId) spendNotify(this.limits, caller);
    const nominee = await this.directory.member(caller.tenantId, nomineeId);
    const at = this.clock.now().toISOString();
    const updated = await this.circles.change(caller.tenantId, circle.id, (c) => {
      const e = c.election;
      if (!e || e.status !== 'open') throw conflict('circle.election_closed');
      const existing = e.nominees.find((n) => n.userId === nomineeId);
      if (existing?.nominatedBy.includes(caller.userId)) return undefined;
      const nominees = existing
        ? e.nominees.map((n) => (n.userId === nomineeId ? { ...n, nominatedBy: [...n.nominatedBy, caller.userId] } : n))
        : [...e.nominees, { userId: nomineeId, name: nominee?.name ?? 'Circle member', nominatedBy: [caller.userId], at }];
      return { ...c, election: { ...e, nominees } };
    });
    if (nomineeId !== caller.userId) {
      await this.outbox.enqueue(caller.tenantId, `circle-nominated:${circle.id}:${election.number}:${nomineeId}`, 'circle_update', { kind: 'user', userId: nomineeId }, {
        event: 'nominated',
        circleId: circle.id,
        circleName: updated.name,
        byName: caller.name,
        closesAt: election.closesAt,
      });
    }
    return updated;
  }

  /** A nominee withdraws (an admin may withdraw anyone); votes cast for them are dropped. */
  async withdraw(caller: Caller, circle: Circle, nomineeId: string): Promise<Circle> {
    if (nomineeId !== caller.userId && !hasRole(caller, 'admin')) throw forbidden('circle.nominee_only');
    openElectionIn(circle);
    return this.circles.change(caller.tenantId, circle.id, (c) => {
      const e = c.election;
      if (!e || e.status !== 'open' || !e.nominees.some((n) => n.userId === nomineeId)) return undefined;
      return { ...c, election: dropNominee(e, nomineeId) };
    });
  }

  /** One vote per member, for a nominee; changeable (or withdrawn with `undefined`) until the close. */
  async vote(caller: Caller, circle: Circle, nomineeId: string | undefined): Promise<Circle> {
    const election = openElectionIn(circle);
    if (nomineeId !== undefined && !election.nominees.some((n) => n.userId === nomineeId)) throw invalid([problem('userId', 'circle.not_standing')]);
    return this.circles.change(caller.tenantId, circle.id, (c) => {
      const e = c.election;
      if (!e || e.status !== 'open') throw conflict('circle.election_closed');
      if (nomineeId !== undefined && !e.nominees.some((n) => n.userId === nomineeId)) throw invalid([problem('userId', 'circle.not_standing')]);
      if (e.votes[caller.userId] === nomineeId) return undefined;
      const votes = { ...e.votes };
      if (nomineeId === undefined) delete votes[caller.userId];
      else votes[caller.userId] = nomineeId;
      return { ...c, election: { ...e, votes } };
    });
  }

  /** The convenor or an admin closes the election before its deadline. */
  async close(caller: Caller, circle: Circle): Promise<Circle> {
    // A retried close by whoever closed it: already done.
    if (circle.election?.status === 'closed' && circle.election.result?.closedBy === caller.userId) return circle;
    mustConvene(caller, circle, 'circle.convenor_only_close');
    if (circle.election?.status !== 'open') throw conflict('circle.no_election');
    spendNotify(this.limits, caller);
    const names = await this.memberNames(circle);
    const updated = await this.circles.change(caller.tenantId, circle.id, (c) => (c.election?.status === 'open' ? closeElectionOf(c, caller.userId, this.clock.now(), names) : undefined));
    await this.afterClose(updated);
    return updated;
  }

  /** Background pass: closes elections past their deadline and opens one when a term ends. */
  async tick(tenantId: string, skipped: Skipped[] = []): Promise<number> {
    const due = await this.circles.dueBy(tenantId, this.clock.now().toISOString());
    await eachIsolated(due, 'circle', skipped, (circle) => this.settle(circle));
    return due.length;
  }

  /** Brings a circle up to date with the clock (deadline closes, end-of-term elections). Idempotent. */
  async settle(circle: Circle): Promise<Circle> {
    let current = circle;
    for (let step = 0; step < 3 && current.dueAt <= this.clock.now().toISOString(); step++) {
      const now = this.clock.now();
      const names = current.election?.status === 'open' ? await this.memberNames(current) : new Map<string, string>();
      const next = await this.circles.change(current.tenantId, current.id, (c) => {
        if (c.dueAt > now.toISOString()) return undefined;
        if (c.election?.status === 'open') return c.election.closesAt <= now.toISOString() ? closeElectionOf(c, 'deadline', now, names) : { ...c, dueAt: dueAtOf(c) };
        if (c.convenor.termEndsAt && c.convenor.termEndsAt <= now.toISOString()) return withElection(c, 'term_ended', 'scheduler', this.clock.now());
        return { ...c, dueAt: dueAtOf(c) };
      });
      if (next.election?.status === 'closed') await this.afterClose(next);
      else await this.announce(next);
      if (next._etag === current._etag) break;
      current = next;
    }
    return current;
  }

  /** Announces an open election in the circle's conversation, once per election. */
  async announce(c: Circle): Promise<void> {
    const e = c.election;
    if (!e || e.status !== 'open') return;
    // Each member who opens the announcement sees the ballot as it stands (Universal Actions refresh).
    const members = await this.directory.membersByIds(c.tenantId, c.memberIds);
    const userIds = members.map((m) => m.teamsUserId).filter((id): id is string => !!id);
    await this.outbox.enqueue(c.tenantId, `circle-election:${c.id}:${e.number}`, 'circle_update', { kind: 'team', teamId: c.id }, {
      userIds,
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

  /** After an election closes: the rhythm follows the new convenor, and the circle hears who. */
  private async afterClose(c: Circle): Promise<void> {
    const e = c.election;
    if (!e?.result) return;
    await this.circles.changeRhythm(c.tenantId, c.rhythmPilotId, (p) =>
      p.managerId === c.convenor.userId ? undefined : { ...p, managerId: c.convenor.userId, managerName: c.convenor.name, updatedAt: this.clock.now().toISOString() },
    );
    const r = e.result;
    const result = {
      event: 'elected',
      circleId: c.id,
      circleName: c.name,
      winnerName: r.winnerName,
      rule: r.rule,
      votesCast: r.votesCast,
      tally: r.tally.map((t) => ({ name: t.name, votes: t.votes })),
      termEndsAt: c.convenor.termEndsAt,
    };
    await this.outbox.enqueue(c.tenantId, `circle-elected:${c.id}:${e.number}`, 'circle_update', { kind: 'team', teamId: c.id }, result);
    // The announcement's ballot no longer applies: it is redrawn in place with the result.
    const announced = `circle-election:${c.id}:${e.number}`;
    await this.outbox.cancelPending(c.tenantId, announced);
    await this.outbox.enqueueUpdate(c.tenantId, `closed:${announced}`, announced, 'circle_update', { kind: 'team', teamId: c.id }, result);
    // The new convenor gets the starter lesson in their own chat.
    await this.outbox.enqueue(c.tenantId, `lesson-convenor:${c.id}:${e.number}`, 'lesson', { kind: 'user', userId: c.convenor.userId }, { lessonId: CONVENOR_LESSON_ID, reason: 'convenor', circleName: c.name });
  }

  private async memberNames(c: Circle): Promise<Map<string, string>> {
    const members = await this.directory.membersByIds(c.tenantId, c.memberIds);
    return new Map(members.map((m) => [m.userId, m.name]));
  }
}

// ------------------------------------------------------------------------------------------------
// The rules, pure

/** Only the convenor or an admin may change the circle or call and close its elections. */
export function mustConvene(caller: Caller, circle: Circle, why: PlainErrorCode): void {
  if (circle.convenor.userId !== caller.userId && !hasRole(caller, 'admin')) throw forbidden(why);
}

export function openElectionOf(number: number, reason: Election['reason'], openedBy: string, now: Date, days: number, excluded: string[]): Election {
  return { number, status: 'open', reason, openedAt: now.toISOString(), closesAt: new Date(now.getTime() + days * DAY).toISOString(), openedBy, excluded, nominees: [], votes: {} };
}

/** The circle with its next election open. */
export function withElection(c: Circle, reason: Election['reason'], openedBy: string, now: Date, days?: number): Circle {
  // The sitting convenor does not stand again straight away (rotation), unless interim or alone.
  const excluded = !c.convenor.interim && c.memberIds.length > 1 ? [c.convenor.userId] : [];
  const election = openElectionOf((c.election?.number ?? 0) + 1, reason, openedBy, now, days ?? c.electionDays, excluded);
  return { ...c, election, dueAt: election.closesAt };
}

function openElectionIn(circle: Circle): Election {
  const e = circle.election;
  if (!e || e.status !== 'open') throw conflict('circle.no_election');
  return e;
}

function dropNominee(e: Election, nomineeId: string): Election {
  const votes = Object.fromEntries(Object.entries(e.votes).filter(([, v]) => v !== nomineeId));
  return { ...e, nominees: e.nominees.filter((n) => n.userId !== nomineeId), votes };
}

/** Someone leaves the circle: their vote, their nomination and their support for others go. */
export function dropPerson(e: Election, userId: string): Election {
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
