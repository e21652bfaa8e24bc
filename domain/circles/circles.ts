import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import type { Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import type { Skipped } from '../shared/isolation';
import { NO_LIMITS, type RateLimits } from '../shared/rate-limits';
import { type Circle } from './model';
import { type CircleInput, type CirclePatch } from './schemas';
import { Elections } from './elections';
import type { DisclosureLoader } from '../anonymity';
import { Membership } from './membership';
import { CircleRepository } from './repository';
import { circleSummary, type CircleSummary, type CircleView } from './views';

/**
 * Leadership circles: communities of practice that live in a Teams group chat or channel, and
 * elect their convenor. The component's one entry point: membership (membership.ts) and
 * elections (elections.ts) over one repository (repository.ts).
 */
export class Circles {
  private readonly membership: Membership;
  private readonly elections: Elections;

  constructor(store: Store, directory: Directory, outbox: Outbox, clock: Clock, disclosure: DisclosureLoader, limits: RateLimits = NO_LIMITS) {
    const circles = new CircleRepository(store, clock);
    this.elections = new Elections(circles, directory, outbox, clock, limits);
    this.membership = new Membership(circles, this.elections, directory, clock, disclosure, limits);
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  /** The circle of a conversation, if one was started there (chat commands use this). */
  forConversation(tenantId: string, teamId: string): Promise<Circle | undefined> {
    return this.membership.forConversation(tenantId, teamId);
  }

  /** A circle the caller belongs to (admins: any). Anyone else is told it does not exist. */
  get(caller: Caller, id: string): Promise<Circle> {
    return this.membership.get(caller, id);
  }

  /** A circle the caller is a member of (admins included only when `allowAdmin`). */
  memberCircle(caller: Caller, id: string, allowAdmin = false): Promise<Circle> {
    return this.membership.memberCircle(caller, id, allowAdmin);
  }

  /** A circle the caller is in the conversation of but not (yet) a member of; undefined otherwise. */
  joinable(caller: Caller, id: string): Promise<Circle | undefined> {
    return this.membership.joinable(caller, id);
  }

  /** Circles the caller belongs to, or (`all`) also those they could join (admins: every circle). */
  list(caller: Caller, scope: 'mine' | 'all' = 'mine'): Promise<CircleSummary[]> {
    return this.membership.list(caller, scope);
  }

  summary(caller: Caller, c: Circle): CircleSummary {
    return circleSummary(caller, c);
  }

  /** Everything the tab shows of a circle, for a member or an admin. */
  view(caller: Caller, c: Circle): Promise<CircleView> {
    return this.membership.view(caller, c);
  }

  // ------------------------------------------------------------------------------------------
  // Starting and changing a circle

  /** Starts a circle in a group chat or channel the caller is part of (once per conversation). */
  start(caller: Caller, input: CircleInput): Promise<{ circle: Circle; created: boolean }> {
    return this.membership.start(caller, input);
  }

  /** The convenor (or an admin) renames the circle, changes its terms or its check-in rhythm. */
  edit(caller: Caller, id: string, patch: CirclePatch): Promise<Circle> {
    return this.membership.edit(caller, id, patch);
  }

  /** Someone in the circle's conversation (added after it started) joins it. */
  join(caller: Caller, id: string): Promise<Circle> {
    return this.membership.join(caller, id);
  }

  /** A member leaves; their nomination and vote in an open election go with them. */
  leave(caller: Caller, id: string): Promise<Circle> {
    return this.membership.leave(caller, id);
  }

  // ------------------------------------------------------------------------------------------
  // Elections: on a circle the caller may see (calling and closing) or belongs to (standing, voting)

  /** The convenor (stepping down or calling a vote) or an admin opens an election. */
  async openElection(caller: Caller, id: string, days?: number): Promise<Circle> {
    return this.elections.open(caller, await this.membership.get(caller, id), days);
  }

  /** Nominates a member (oneself included) for convenor in the open election. */
  async nominate(caller: Caller, id: string, nomineeId: string): Promise<Circle> {
    return this.elections.nominate(caller, await this.membership.memberCircle(caller, id), nomineeId);
  }

  /** A nominee withdraws (an admin may withdraw anyone); votes cast for them are dropped. */
  async withdraw(caller: Caller, id: string, nomineeId: string = caller.userId): Promise<Circle> {
    return this.elections.withdraw(caller, await this.membership.get(caller, id), nomineeId);
  }

  /** One vote per member, for a nominee; changeable (or withdrawn with `undefined`) until the close. */
  async vote(caller: Caller, id: string, nomineeId: string | undefined): Promise<Circle> {
    return this.elections.vote(caller, await this.membership.memberCircle(caller, id), nomineeId);
  }

  /** The convenor or an admin closes the election before its deadline. */
  async closeElection(caller: Caller, id: string): Promise<Circle> {
    return this.elections.close(caller, await this.membership.get(caller, id));
  }

  /** Background pass: closes elections past their deadline and opens one when a term ends (a failing circle is skipped). */
  tick(tenantId: string, skipped: Skipped[] = []): Promise<number> {
    return this.elections.tick(tenantId, skipped);
  }
}
