import { createHash, randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { forbidden, notFound } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import type { Challenge } from './model';
import type { ChallengeInput } from './schemas';
import { ProjectRepository } from './repository';

/**
 * Organisation challenges: a senior leader posts a problem the organisation wants solved; any
 * circle can take it up as a community project (Projects.propose with `challengeId`). Everyone in
 * the organisation sees them; the poster (or an admin) closes one when it is no longer open.
 */
export class Challenges {
  private readonly repo: ProjectRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new ProjectRepository(store);
  }

  async post(caller: Caller, input: ChallengeInput, requestKey?: string): Promise<{ challenge: Challenge; created: boolean }> {
    if (!hasRole(caller, 'leader')) throw forbidden('challenge.leaders_only');
    const now = this.clock.now().toISOString();
    const id = requestKey ? `challenge:${createHash('sha256').update(`${caller.tenantId}|${caller.userId}|${requestKey}`).digest('hex').slice(0, 32)}` : `challenge:${randomUUID()}`;
    const { doc, created } = await this.repo.postOnce({
      id,
      tenantId: caller.tenantId,
      type: 'challenge',
      title: input.title,
      problem: input.problem,
      postedById: caller.userId,
      postedByName: caller.name,
      status: 'open',
      takenUpBy: [],
      createdAt: now,
      updatedAt: now,
    });
    return { challenge: doc, created };
  }

  /** Open ones first, then closed; newest first within each. */
  async list(caller: Caller): Promise<Challenge[]> {
    const all = await this.repo.challenges(caller.tenantId);
    return [...all.filter((c) => c.status === 'open'), ...all.filter((c) => c.status !== 'open')];
  }

  async get(caller: Caller, id: string): Promise<Challenge> {
    const challenge = await this.repo.challenge(caller.tenantId, id);
    if (!challenge) throw notFound('challenge');
    return challenge;
  }

  async close(caller: Caller, id: string): Promise<Challenge> {
    const challenge = await this.get(caller, id);
    if (challenge.postedById !== caller.userId && !hasRole(caller, 'admin')) throw forbidden('challenge.poster_only');
    const closed = await this.repo.updateChallenge(caller.tenantId, id, (c) => (c.status === 'closed' ? undefined : { ...c, status: 'closed', updatedAt: this.clock.now().toISOString() }));
    return closed ?? challenge;
  }

  /** Records that a circle's project takes the challenge up (once per project). */
  async takenUp(tenantId: string, id: string, by: Challenge['takenUpBy'][number]): Promise<void> {
    await this.repo.updateChallenge(tenantId, id, (c) => (c.takenUpBy.some((x) => x.projectId === by.projectId) ? undefined : { ...c, takenUpBy: [...c.takenUpBy, by], updatedAt: this.clock.now().toISOString() }));
  }
}
