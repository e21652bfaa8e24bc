import type { Store } from '../ports/store';
import type { Role } from '../shared/caller';
import type { Scope } from './rules';

/** What anonymity needs of a team (a projection of the directory's team record). */
export interface TeamInfo {
  id: string;
  name: string;
  department?: string;
  managerId?: string;
  memberIds?: string[];
}

/** What anonymity needs of a member (a projection of the directory's member record). */
export interface MemberInfo {
  userId: string;
  name: string;
  roles: Role[];
  department?: string;
  managerId?: string;
  teamIds?: string[];
}

/**
 * Every read disclosure makes: the roster (teams and members, projected), and the scopes of
 * what has been released into aggregates, from the feedback and check-in containers.
 */
export class AnonymityRepository {
  constructor(private readonly store: Store) {}

  teams(tenantId: string): Promise<TeamInfo[]> {
    return this.store.all<TeamInfo>('directory', tenantId, "SELECT c.id, c.name, c.department, c.managerId, c.memberIds FROM c WHERE c.tenantId = @tenantId AND c.type = 'team'");
  }

  members(tenantId: string): Promise<MemberInfo[]> {
    return this.store.all<MemberInfo>('directory', tenantId, "SELECT c.userId, c.name, c.roles, c.department, c.managerId, c.teamIds FROM c WHERE c.tenantId = @tenantId AND c.type = 'member'");
  }

  /** Scopes of items written in [since, before), or before `before` and not yet closed. */
  releasedItemScopes(tenantId: string, since: string, before: string): Promise<{ scope?: Scope; teamId?: string }[]> {
    return this.store.all<{ scope?: Scope; teamId?: string }>(
      'feedback',
      tenantId,
      "SELECT c.scope, c.teamId FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.createdWeek < @before AND (c.createdWeek >= @since OR c.state != 'closed')",
      { since, before },
    );
  }

  /** Teams of closed rounds dated in [from, to). */
  releasedRoundTeams(tenantId: string, from: string, to: string): Promise<{ teamId?: string }[]> {
    return this.store.all<{ teamId?: string }>(
      'checkins',
      tenantId,
      "SELECT c.teamId FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed' AND c.date >= @from AND c.date < @to",
      { from, to },
    );
  }
}
