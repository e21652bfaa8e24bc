import type { Clock } from '../shared/clock';
import { conflict, notFound } from '../shared/errors';
import { effectiveRoles, type Member, type Team, type TeamManager } from './model';
import type { DirectoryRepository } from './repository';

/**
 * Who manages each team. A Teams team's managers are its owners in Teams (read from Microsoft
 * Graph at install and at each organisation sync), plus anyone an admin names for what Teams does
 * not know (a group chat, a manager who is not an owner). Installing the app makes nobody a
 * manager. Whoever manages a team holds Leaderful's `manager` role; nobody else does.
 */
export class TeamManagers {
  constructor(
    private readonly repo: DirectoryRepository,
    private readonly clock: Clock,
    private readonly ensureMember: (tenantId: string, info: { userId: string; name: string }) => Promise<Member>,
  ) {}

  /** The team's managers (older records knew only one, the installer). */
  static of(team: Team): TeamManager[] {
    if (team.managers) return team.managers;
    return team.managerId ? [{ userId: team.managerId, source: 'installer', since: team.installedAt ?? '' }] : [];
  }

  /** The team's owners in Teams, as Graph reports them, become its Teams managers; admin-named ones stay. */
  async setTeamsOwners(tenantId: string, teamId: string, owners: { userId: string; name?: string }[]): Promise<Team | undefined> {
    for (const o of owners) if (o.name && !(await this.repo.member(tenantId, o.userId))) await this.ensureMember(tenantId, { userId: o.userId, name: o.name });
    const now = this.clock.now().toISOString();
    return this.change(tenantId, teamId, (current) => {
      const ownerIds = new Set(owners.map((o) => o.userId));
      const kept = current.filter((m) => m.source === 'admin' && !ownerIds.has(m.userId));
      const teams = owners.map((o): TeamManager => current.find((m) => m.userId === o.userId && m.source === 'teams') ?? { userId: o.userId, source: 'teams', since: now });
      return [...teams, ...kept];
    });
  }

  /** An admin names someone a manager of the team (what Teams does not say). */
  async name(tenantId: string, teamId: string, userId: string, by: string): Promise<Team> {
    const team = await this.change(tenantId, teamId, (current) =>
      current.some((m) => m.userId === userId) ? current : [...current, { userId, source: 'admin', since: this.clock.now().toISOString(), by }],
    );
    if (!team) throw notFound('team');
    return team;
  }

  /** An admin takes back a manager they (or the installer, before) named; Teams owners change in Teams. */
  async unname(tenantId: string, teamId: string, userId: string): Promise<Team> {
    const before = await this.repo.team(tenantId, teamId);
    if (!before) throw notFound('team');
    const found = TeamManagers.of(before).find((m) => m.userId === userId);
    if (!found) throw notFound('person');
    if (found.source === 'teams') throw conflict('admin.owner_in_teams');
    return (await this.change(tenantId, teamId, (current) => current.filter((m) => m.userId !== userId)))!;
  }

  private async change(tenantId: string, teamId: string, next: (current: TeamManager[]) => TeamManager[]): Promise<Team | undefined> {
    let affected: string[] = [];
    const team = await this.repo.updateTeam(tenantId, teamId, (t) => {
      const current = TeamManagers.of(t);
      const managers = next(current);
      // Unchanged (the nightly re-read of a team's owners, mostly): nothing to write or refresh.
      affected = t.managers && JSON.stringify(managers) === JSON.stringify(current) ? [] : [...new Set([...current, ...managers].map((m) => m.userId))];
      return affected.length || !t.managers ? withManagers(t, current, managers) : undefined;
    });
    if (team) await this.refreshManagerRole(tenantId, affected);
    return team;
  }

  /** `manager` is held by exactly the people who manage some team. */
  private async refreshManagerRole(tenantId: string, userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      const manages = (await this.repo.managedTeamCount(tenantId, userId)) > 0;
      await this.repo.updateMember(tenantId, userId, (m) => {
        if (m.roles.includes('manager') === manages) return undefined;
        return { ...m, roles: effectiveRoles(manages, m.entraRoles?.roles ?? []) };
      });
    }
  }
}

/**
 * The team with `managers`: `managerId` is the first of them, and `memberIds` (everyone in the
 * conversation but that one) gains back a former first manager who is still in the team.
 */
function withManagers(team: Team, before: TeamManager[], managers: TeamManager[]): Team {
  const primary = managers[0]?.userId;
  const ids = new Set(team.memberIds);
  const formerPrimary = before[0];
  if (formerPrimary && formerPrimary.userId !== primary && formerPrimary.source !== 'admin') ids.add(formerPrimary.userId);
  if (primary) ids.delete(primary);
  const next: Team = { ...team, managers, memberIds: [...ids] };
  if (primary) next.managerId = primary;
  else delete next.managerId;
  return next;
}
