import type { ContainerName, Doc } from '../ports/store';
import type { Team, TeamManager } from '../directory/model';
import type { Circle } from '../circles/model';
import { dueAtOf } from '../circles/model';
import type { Celebration } from '../celebrations/model';
import type { Pilot } from '../pilots/model';
import type { Round } from '../checkins/model';
import type { PulsePeriod } from '../pulse/model';
import type { Story } from '../stories/model';
import type { DevelopmentPath } from '../paths/model';
import type { Mentions } from './mentions';

/**
 * The erasure policy, document by document (docs/privacy.md says the same in words). Documents
 * that are the person's own, or only about them, go; documents others share keep their facts
 * with the person written out: their id becomes the one-way reference, their name ERASED_NAME.
 * Counts stay as they were (a round answered by five stays answered by five), so every team
 * figure reads the same afterwards.
 */
export type Verdict = { kind: 'delete' } | { kind: 'write'; doc: Doc };

export interface ErasureContext {
  userId: string;
  reference: string;
  mentions: Mentions;
  /** Rounds the person answered: there, they stay counted (as the reference). */
  answered: Set<string>;
  /** Who convenes each circle the person convened, now (undefined: the circle closes). */
  successors: Map<string, { userId: string; name: string } | undefined>;
  now: string;
}

/** The person's own documents, or ones only about them: removed whole. */
function removed(container: ContainerName, doc: Doc, x: ErasureContext): boolean {
  const d = doc as Doc & Record<string, unknown>;
  switch (container) {
    case 'contacts': // the only link from an anonymous item to its author
    case 'outbox': // messages to or about them, queued or sent
      return true;
    case 'directory':
      return (['member', 'person', 'lesson_read'].includes(d.type) && d.userId === x.userId) || (d.type === 'path' && d.ownerId === x.userId);
    case 'checkins':
      // Their own pulse answers: the open answer is theirs alone; closed pulses keep only group sums.
      return d.type === 'pulse_answer' && d.userId === x.userId;
    case 'pilots':
      // Kudos from or to them, and anything celebrating them personally.
      return d.type === 'celebration' && ((d as unknown as Celebration).kind === 'kudos' ? d.fromId === x.userId || d.toId === x.userId : d.toId === x.userId);
    default:
      return false;
  }
}

/** What becomes of one document that names the person (undefined: nothing to change). */
export function verdict(container: ContainerName, doc: Doc, x: ErasureContext): Verdict | undefined {
  if (!x.mentions.in(doc)) return undefined;
  if (removed(container, doc, x)) return { kind: 'delete' };
  const shaped = reshape(doc, x);
  return { kind: 'write', doc: x.mentions.scrub(shaped) };
}

/** Lists the person leaves (memberships, rotas, reactions, ballots) before names and ids are written out. */
function reshape(doc: Doc, x: ErasureContext): Doc {
  const not = (id: string) => id !== x.userId;
  switch (doc.type) {
    case 'team': {
      const t = doc as Team;
      const managers = (t.managers ?? []).filter((m: TeamManager) => not(m.userId));
      return { ...t, memberIds: t.memberIds.filter(not), managers, managerId: t.managerId === x.userId ? managers[0]?.userId : t.managerId } as Team;
    }
    case 'circle':
      return leaveCircle(doc as Circle, x);
    case 'path': {
      // Someone else's path they were a coach or peer on: the share goes, the coaching stays (de-identified).
      const p = doc as DevelopmentPath;
      return { ...p, shares: p.shares.filter((sh) => not(sh.userId)), sharedIds: p.sharedIds.filter(not) } as DevelopmentPath;
    }
    case 'pilot': {
      const p = doc as Pilot;
      let next: Pilot = p;
      if (p.rota?.order.includes(x.userId)) {
        const order = p.rota.order.filter(not);
        next = { ...next, rota: { order, last: order.length ? Math.min(p.rota.last, order.length - 1) : 0 } };
      }
      const successor = p.circleId ? x.successors.get(p.circleId) : undefined;
      if (p.managerId === x.userId && successor) next = { ...next, managerId: successor.userId, managerName: successor.name };
      return next;
    }
    case 'round':
      return leaveRound(doc as Round, x);
    case 'pulse':
      return leavePulse(doc as PulsePeriod, x);
    case 'story': {
      const s = doc as Story;
      const reactions = Object.fromEntries(Object.entries(s.reactions).map(([k, ids]) => [k, ids.filter(not)])) as Story['reactions'];
      return { ...s, reactions } as Story;
    }
    default:
      return doc;
  }
}

/**
 * A round they were asked in. Closed, or answered by them: they stay counted, as the reference,
 * and are never prompted or reminded again. Open and not answered: they leave it, as someone who
 * left the team would.
 */
function leaveRound(r: Round, x: ErasureContext): Round {
  if (r.status === 'closed') return r;
  if (x.answered.has(r.id)) {
    const add = (list: string[]) => (list.includes(x.userId) ? list : [...list, x.userId]);
    return { ...r, prompted: add(r.prompted), reminded: add(r.reminded) };
  }
  const schedule = { ...r.schedule };
  delete schedule[x.userId];
  const not = (id: string) => id !== x.userId;
  return { ...r, invited: r.invited.filter(not), prompted: r.prompted.filter(not), reminded: r.reminded.filter(not), schedule, facilitatorId: r.facilitatorId === x.userId ? undefined : r.facilitatorId };
}

/** A managers' pulse still open: they leave it (their answer goes with their documents). Closed ones hold group sums. */
function leavePulse(p: PulsePeriod, x: ErasureContext): PulsePeriod {
  if (p.status === 'closed') return p;
  const not = (id: string) => id !== x.userId;
  const schedule = { ...p.schedule };
  delete schedule[x.userId];
  return { ...p, invited: p.invited.filter(not), prompted: p.prompted.filter(not), reminded: p.reminded.filter(not), schedule };
}

/**
 * A circle they were in. A convenor's office passes to the successor chosen beforehand (interim
 * until the circle's next election); in an open election their nomination, their ballot and any
 * ballot for them go (those voters may vote again). A circle left empty closes.
 */
function leaveCircle(c: Circle, x: ErasureContext): Circle {
  const not = (id: string) => id !== x.userId;
  let next: Circle = { ...c, memberIds: c.memberIds.filter(not), updatedAt: x.now };
  if (c.convenor.userId === x.userId) {
    const successor = x.successors.get(c.id);
    next = successor
      ? { ...next, convenor: { userId: successor.userId, name: successor.name, since: x.now, interim: true }, convenors: [...c.convenors, { userId: c.convenor.userId, name: c.convenor.name, from: c.convenor.since, to: x.now }].slice(-20) }
      : { ...next, status: 'closed' };
  }
  if (c.election) {
    const votes = Object.fromEntries(Object.entries(c.election.votes).filter(([voter, nominee]) => not(voter) && not(nominee)));
    next = { ...next, election: { ...c.election, votes, excluded: c.election.excluded.filter(not), nominees: c.election.nominees.filter((n) => not(n.userId)).map((n) => ({ ...n, nominatedBy: n.nominatedBy.filter(not) })) } };
  }
  return { ...next, dueAt: dueAtOf(next) };
}

/** Who takes over a circle the person convenes: the first other member, if there is one. */
export function successorOf(c: Circle, userId: string): string | undefined {
  return c.convenor.userId === userId ? c.memberIds.find((id) => id !== userId) : undefined;
}
