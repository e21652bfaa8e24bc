import { createHash, randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Celebrations } from '../celebrations/celebrations';
import type { Circles } from '../circles/circles';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { managersOf } from '../directory/rights';
import { conflict, forbidden, invalid, notFound, problem, refusal } from '../shared/errors';
import { LEADERSHIP_ELEMENTS, LEADERSHIP_LEVELS, type DevelopmentPath, type LeadershipElement, type LeadershipLevel, type PathShare } from './model';
import { type Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import type { Pilots } from '../pilots/pilots';
import { MAX_GOALS } from './schemas';
import { PathRepository, pathIdFor } from './repository';
import { NO_LIMITS, spendNotify, type RateLimits } from '../shared/rate-limits';

/**
 * Development paths: anyone (not only managers) chooses a level of leadership to grow in, rates
 * themselves on the five elements of leadership, sets a few goals tied to pilots or circle work,
 * meets a coach (their manager or a peer) for coaching check-ins, and asks for a readiness review
 * that can end in recognition.
 *
 * Private by default: a path is read only by its owner and the people they share it with. Senior
 * leaders and admins have no view of it unless shared; everyone else is told it does not exist.
 */
const KEEP_COACHING = 100;

export interface PathView {
  id: string;
  owner: { id: string; name: string };
  level: LeadershipLevel;
  assessment?: { ratings: Record<LeadershipElement, number>; note: string; at: string };
  goals: DevelopmentPath['goals'];
  shares: PathShare[];
  coaching: DevelopmentPath['coaching'];
  review?: DevelopmentPath['review'];
  recognition: DevelopmentPath['recognition'];
  isOwner: boolean;
  myRelation?: PathShare['relation'];
  can: { edit: boolean; coach: boolean; review: boolean };
  createdAt: string;
  updatedAt: string;
}

/** What the path's forms offer; levels and elements are codes each face words. */
export interface PathOptions {
  levels: LeadershipLevel[];
  elements: LeadershipElement[];
  maxGoals: number;
  managers: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  pilots: { id: string; title: string }[];
  circles: { id: string; name: string }[];
}

export class DevelopmentPaths {
  private readonly paths: PathRepository;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly pilots: Pilots,
    private readonly circles: Circles,
    private readonly celebrations: Celebrations,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly limits: RateLimits = NO_LIMITS,
  ) {
    this.paths = new PathRepository(store);
  }

  view(caller: Caller, p: DevelopmentPath): PathView {
    const isOwner = p.ownerId === caller.userId;
    const share = p.shares.find((s) => s.userId === caller.userId);
    return {
      id: p.id,
      owner: { id: p.ownerId, name: p.ownerName },
      level: p.level,
      assessment: p.assessment,
      goals: p.goals,
      shares: p.shares,
      coaching: [...p.coaching].reverse(),
      review: p.review,
      recognition: p.recognition,
      isOwner,
      myRelation: share?.relation,
      can: { edit: isOwner, coach: isOwner || !!share?.coach, review: !!share?.coach },
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }

  /** The caller's own path, if they have started one. */
  mine(caller: Caller): Promise<DevelopmentPath | undefined> {
    return this.paths.of(caller.tenantId, caller.userId);
  }

  /** A path the caller owns or was shared; for anyone else (leaders and admins too) it does not exist. */
  async get(caller: Caller, id: string): Promise<DevelopmentPath> {
    const path = await this.paths.find(caller.tenantId, id);
    if (!path || !(path.ownerId === caller.userId || path.sharedIds.includes(caller.userId))) throw notFound('path');
    return path;
  }

  /** Paths others have shared with the caller. */
  async sharedWithMe(caller: Caller): Promise<DevelopmentPath[]> {
    return this.paths.sharedWith(caller.tenantId, caller.userId);
  }

  /** What the path's forms offer: levels, elements, the caller's managers, teams, pilots, circles. */
  async options(caller: Caller): Promise<PathOptions> {
    const [managers, teams, pilots, circles] = await Promise.all([this.managersOf(caller), this.directory.teamsFor(caller), this.pilots.list(caller, { limit: 100 }), this.circles.list(caller, 'mine')]);
    const mineOnly = teams.filter((t) => t.memberIds.includes(caller.userId) || t.managerId === caller.userId);
    const people = await this.directory.membersByIds(caller.tenantId, managers);
    return {
      levels: [...LEADERSHIP_LEVELS],
      elements: [...LEADERSHIP_ELEMENTS],
      maxGoals: MAX_GOALS,
      managers: people.map((m) => ({ id: m.userId, name: m.name })),
      teams: mineOnly.map((t) => ({ id: t.id, name: t.name })),
      pilots: pilots.filter((p) => !p.circleId).map((p) => ({ id: p.id, title: p.title })),
      circles: circles.map((c) => ({ id: c.id, name: c.name })),
    };
  }

  /** Starts the caller's path at a level, or moves it to another level. */
  async setLevel(caller: Caller, level: LeadershipLevel): Promise<{ path: DevelopmentPath; created: boolean }> {
    const now = this.clock.now().toISOString();
    const { doc, created } = await this.paths.createOnce({
      id: pathIdFor(caller.userId),
      tenantId: caller.tenantId,
      type: 'path',
      ownerId: caller.userId,
      ownerName: caller.name,
      level,
      goals: [],
      shares: [],
      sharedIds: [],
      coaching: [],
      recognition: { visibility: 'private' },
      createdAt: now,
      updatedAt: now,
    });
    if (created) return { path: doc, created };
    // A new level starts a new readiness cycle.
    const path = await this.changeMine(caller, (p) => (p.level === level ? undefined : { ...p, level, review: undefined }));
    return { path, created };
  }

  async assess(caller: Caller, ratings: Record<LeadershipElement, number>, note: string): Promise<DevelopmentPath> {
    return this.changeMine(caller, (p) => ({ ...p, assessment: { ratings, note, at: this.clock.now().toISOString() } }));
  }

  /** A goal, optionally tied to a pilot the caller can see or a circle they belong to. At most five. */
  async addGoal(caller: Caller, input: { text: string; pilotId?: string; circleId?: string }): Promise<DevelopmentPath> {
    const pilot = input.pilotId ? await this.pilots.teamPilot(caller, input.pilotId) : undefined;
    const circle = input.circleId ? await this.circles.memberCircle(caller, input.circleId) : undefined;
    return this.changeMine(caller, (p) => {
      if (p.goals.length >= MAX_GOALS) throw invalid([problem('goals', 'path.too_many_goals', { max: MAX_GOALS })]);
      const goal = { id: randomUUID().slice(0, 8), text: input.text, pilotId: pilot?.id, pilotTitle: pilot?.title, circleId: circle?.id, circleName: circle?.name, status: 'open' as const, at: this.clock.now().toISOString() };
      return { ...p, goals: [...p.goals, goal] };
    });
  }

  async editGoal(caller: Caller, goalId: string, patch: { text?: string; status?: 'open' | 'done' }): Promise<DevelopmentPath> {
    return this.changeMine(caller, (p) => {
      if (!p.goals.some((g) => g.id === goalId)) throw notFound('goal');
      return { ...p, goals: p.goals.map((g) => (g.id === goalId ? { ...g, ...patch } : g)) };
    });
  }

  async removeGoal(caller: Caller, goalId: string): Promise<DevelopmentPath> {
    return this.changeMine(caller, (p) => (p.goals.some((g) => g.id === goalId) ? { ...p, goals: p.goals.filter((g) => g.id !== goalId) } : undefined));
  }

  /** Shares the path with the caller's manager or a named peer (coach by default). */
  async share(caller: Caller, input: { userId: string; relation: 'manager' | 'peer'; coach: boolean }): Promise<DevelopmentPath> {
    if (input.userId === caller.userId) throw invalid([problem('userId', 'not_yourself')]);
    const person = await this.directory.member(caller.tenantId, input.userId);
    if (!person) throw invalid([problem('userId', 'path.not_in_org')]);
    if (input.relation === 'manager' && !(await this.managersOf(caller)).includes(person.userId)) throw invalid([problem('userId', 'path.not_your_manager')]);
    spendNotify(this.limits, caller);
    let added = '';
    const path = await this.changeMine(caller, (p) => {
      const existing = p.shares.find((s) => s.userId === person.userId);
      if (existing && existing.relation === input.relation && existing.coach === input.coach) return undefined;
      const at = existing?.at ?? this.clock.now().toISOString();
      added = existing ? '' : at;
      const share: PathShare = { userId: person.userId, name: person.name, relation: input.relation, coach: input.coach, at };
      const shares = existing ? p.shares.map((s) => (s.userId === person.userId ? share : s)) : [...p.shares, share];
      return { ...p, shares, sharedIds: shares.map((s) => s.userId) };
    });
    if (added) {
      await this.outbox.enqueue(caller.tenantId, `path-shared:${path.id}:${person.userId}:${added}`, 'path_update', { kind: 'user', userId: person.userId }, {
        event: 'shared',
        pathId: path.id,
        ownerName: caller.name,
        level: path.level,
        relation: input.relation,
        coach: input.coach,
      });
    }
    return path;
  }

  async unshare(caller: Caller, userId: string): Promise<DevelopmentPath> {
    return this.changeMine(caller, (p) => {
      if (!p.sharedIds.includes(userId)) return undefined;
      const shares = p.shares.filter((s) => s.userId !== userId);
      return { ...p, shares, sharedIds: shares.map((s) => s.userId) };
    });
  }

  /** Where a readiness recognition is celebrated: privately (default) or in one of the caller's teams. */
  async setRecognition(caller: Caller, input: { visibility: 'private' | 'team'; teamId?: string }): Promise<DevelopmentPath> {
    if (input.visibility === 'team') {
      const teams = await this.directory.teamsFor(caller);
      if (!teams.some((t) => t.id === input.teamId && (t.memberIds.includes(caller.userId) || t.managerId === caller.userId))) throw invalid([problem('teamId', 'path.not_your_team')]);
    }
    return this.changeMine(caller, (p) => ({ ...p, recognition: { ...p.recognition, visibility: input.visibility, teamId: input.visibility === 'team' ? input.teamId : undefined } }));
  }

  /** The owner asks their coaches for a readiness review. */
  async requestReview(caller: Caller): Promise<DevelopmentPath> {
    const current = await this.mineOrThrow(caller);
    const coaches = current.shares.filter((s) => s.coach);
    if (!coaches.length) throw conflict('path.needs_coach');
    if (!current.assessment) throw conflict('path.needs_assessment');
    spendNotify(this.limits, caller);
    let requestedAt = '';
    const path = await this.changeMine(caller, (p) => {
      if (p.review?.status === 'requested') return undefined;
      requestedAt = this.clock.now().toISOString();
      return { ...p, review: { status: 'requested', at: requestedAt } };
    });
    if (requestedAt) {
      for (const coach of coaches) {
        await this.outbox.enqueue(caller.tenantId, `path-review:${path.id}:${requestedAt}:${coach.userId}`, 'path_update', { kind: 'user', userId: coach.userId }, {
          event: 'review_requested',
          pathId: path.id,
          ownerName: caller.name,
          level: path.level,
        });
      }
    }
    return path;
  }

  /** A coaching check-in note, by the owner or one of their coaches; the other side hears of it. */
  async coach(caller: Caller, id: string, text: string, requestKey?: string): Promise<DevelopmentPath> {
    const path = await this.get(caller, id);
    const isOwner = path.ownerId === caller.userId;
    if (!isOwner && !path.shares.some((s) => s.userId === caller.userId && s.coach)) throw forbidden('path.coaching_only');
    spendNotify(this.limits, caller);
    const entryId = requestKey ? createHash('sha256').update(`${caller.userId}|${requestKey}`).digest('hex').slice(0, 16) : randomUUID();
    let added = false;
    const updated = (await this.paths.change(caller.tenantId, id, (p) => {
      if (p.coaching.some((c) => c.id === entryId)) return undefined;
      added = true;
      const at = this.clock.now().toISOString();
      return { ...p, coaching: [...p.coaching, { id: entryId, at, byId: caller.userId, byName: caller.name, text }].slice(-KEEP_COACHING), updatedAt: at };
    }))!;
    if (added) {
      const to = isOwner ? updated.shares.filter((s) => s.coach).map((s) => s.userId) : [updated.ownerId];
      for (const userId of to) {
        await this.outbox.enqueue(caller.tenantId, `path-coaching:${id}:${entryId}:${userId}`, 'path_update', { kind: 'user', userId }, {
          event: 'coaching',
          pathId: id,
          byName: caller.name,
          byOwner: isOwner,
          ownerName: updated.ownerName,
          text,
        });
      }
    }
    return updated;
  }

  /** A coach's readiness review. "Ready" is recognised with a celebration, once per level. */
  async review(caller: Caller, id: string, input: { outcome: 'ready' | 'not_yet'; note: string }): Promise<DevelopmentPath> {
    const path = await this.get(caller, id);
    if (!path.shares.some((s) => s.userId === caller.userId && s.coach)) throw forbidden('path.coach_only');
    spendNotify(this.limits, caller);
    const at = this.clock.now().toISOString();
    const updated = (await this.paths.change(caller.tenantId, id, (p) =>
      p.review?.status === input.outcome && p.review.byId === caller.userId && p.review.note === input.note
        ? undefined
        : { ...p, review: { status: input.outcome, at, byId: caller.userId, byName: caller.name, note: input.note }, updatedAt: at },
    ))!;
    if (input.outcome === 'ready') {
      const owner = await this.directory.member(caller.tenantId, updated.ownerId);
      const team = updated.recognition.visibility === 'team' && updated.recognition.teamId && !owner?.optOutPublicCelebration ? updated.recognition.teamId : undefined;
      const celebration = await this.celebrations.recognise(caller.tenantId, `path-ready:${caller.tenantId}:${updated.ownerId}:${updated.level}`, {
        kind: 'path_ready',
        teamId: team,
        toId: updated.ownerId,
        fromId: caller.userId,
        visibility: team ? 'team' : 'private',
        // The coach's note stays private: a team celebration says only what the person chose to share.
        params: { name: updated.ownerName, level: updated.level, coach: caller.name, note: input.note && !team ? input.note : '' },
      });
      if (celebration) {
        return (await this.paths.change(caller.tenantId, id, (p) => ({ ...p, recognition: { ...p.recognition, celebrationId: celebration.id } })))!;
      }
    } else {
      await this.outbox.enqueue(caller.tenantId, `path-not-yet:${id}:${at}`, 'path_update', { kind: 'user', userId: updated.ownerId }, {
        event: 'not_yet',
        pathId: id,
        byName: caller.name,
        level: updated.level,
        note: input.note,
      });
    }
    return updated;
  }

  // ------------------------------------------------------------------------------------------

  /** The caller's managers: their declared manager and the managers of teams they are in. */
  private async managersOf(caller: Caller): Promise<string[]> {
    const [me, teams] = await Promise.all([this.directory.member(caller.tenantId, caller.userId), this.directory.teamsFor(caller)]);
    const ids = new Set<string>();
    if (me?.managerId && me.managerId !== caller.userId) ids.add(me.managerId);
    for (const t of teams) if (t.type === 'team' && t.memberIds.includes(caller.userId)) for (const m of managersOf(t)) if (m !== caller.userId) ids.add(m);
    return [...ids];
  }

  private async mineOrThrow(caller: Caller): Promise<DevelopmentPath> {
    const path = await this.mine(caller);
    if (!path) throw noPath();
    return path;
  }

  private async changeMine(caller: Caller, mutate: (p: DevelopmentPath) => DevelopmentPath | undefined): Promise<DevelopmentPath> {
    const updated = await this.paths.change(caller.tenantId, pathIdFor(caller.userId), (p) => {
      const next = mutate(p);
      return next && { ...next, ownerName: caller.name, updatedAt: this.clock.now().toISOString() };
    });
    if (!updated) throw noPath();
    return updated;
  }
}

const noPath = () => refusal('not_found', 'path.none');
