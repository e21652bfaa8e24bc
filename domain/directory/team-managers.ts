import type { Clock } from '../shared/clock';
import { conflict, notFound } from '../shared/errors';
import type { Member, Team, TeamManager } from './model';
import type { DirectoryRepository } from './repository';

/**
 * Who manages each team. A Teams team's managers are its owners in Teams (read from Microsoft
 * Graph at install and at each organisation sync), plus anyone an admin names for what Teams does
 * not know (a group chat, a manager who is not an owner). Installing the app makes nobody a
 * manager. Managing is a right over that team (rights.ts), never a role stored on the person.
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
    return this.repo.updateTeam(tenantId, teamId, (t) => {
      if (t.type !== 'team') return undefined; // an id of anything else names no team
      const current = TeamManagers.of(t);
      const managers = next(current);
      // Unchanged (the nightly re-read of a team's owners, mostly): nothing to write.
      if (t.managers && JSON.stringify(managers) === JSON.stringify(current)) return undefined;
      return withManagers(t, managers);
    });
  }
}

/** The team with `managers`: `managerId` is the first of them (kept for readers that know one). */
function withManagers(team: Team, managers: TeamManager[]): Team {
  const primary = managers[0]?.userId;
  const next: Team = { ...team, managers };
  if (primary) next.managerId = primary;
  else delete next.managerId;
  return next;
}
