import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { invalid, notFound, problem } from '../shared/errors';
import { isValidTimeZone } from '../shared/schedule';
import type { Preferences } from './schemas';
import { channelsOf, channelsOffered, checkChannels, type Channel, type NoticeChannels, type NoticeKind } from './notifications';
import type { AppRole, Caller, Role } from '../shared/caller';
import { effectiveRoles, orgUnitId, type Conversation, type Member, type Person, type Team, type TenantSettings } from './model';
import { builtInPractices } from '../practices/library';
import { PracticeRepository } from '../practices/repository';
import { DirectoryRepository, memberId } from './repository';
import { orgChainsOf, type MemberOrgChain, type OrgNode } from './org-chains';
import { managersOf, managesTeam } from './rights';
import { TeamManagers } from './team-managers';

export { SYSTEM_PARTITION } from './repository';

/** A verified sign-in's app roles are written back to the member at most this often when unchanged. */
const ROLES_REFRESH_MS = 3_600_000;

/** A team's roll-up groups, narrowest first: the team, its manager's org unit and theirs, up to the organisation. */
export interface TeamRollup {
  teamId: string;
  managerId?: string;
  department?: string;
  /** Org unit ids (`unit:<leader>`), the team manager's own unit first. */
  units: string[];
}

/** Tenants, teams and members: who is who, and what each may see. */
export class Directory {
  private readonly repo: DirectoryRepository;
  private readonly practices: PracticeRepository;
  /** Who manages each team: Teams owners, and people admins name. */
  readonly managers: TeamManagers;

  /** Where notices can reach people here: the activity feed only when Microsoft Graph is configured. */
  readonly channels: readonly Channel[];

  constructor(
    store: Store,
    private readonly clock: Clock,
    activityFeed = false,
  ) {
    this.channels = channelsOffered(activityFeed);
    this.repo = new DirectoryRepository(store);
    this.practices = new PracticeRepository(store);
    this.managers = new TeamManagers(this.repo, clock, (tenantId, info) => this.upsertMember(tenantId, info));
  }

  /**
   * Resolves the caller's roles. Senior leader and admin come from Entra ID app roles only: from
   * `verified` (the roles of the sign-in token just verified, on tab calls) or, where there is no
   * token (bot and message extension), from the roles the person's last verified token carried.
   * `manager` is whoever manages a team. A first sight creates a plain member record.
   */
  async resolveCaller(tenantId: string, userId: string, name: string, verified?: { roles: AppRole[] }): Promise<Caller> {
    // One point read on the hot path: a known member implies a set-up tenant.
    let member = await this.repo.member(tenantId, userId);
    if (!member) {
      const settings = await this.ensureTenant(tenantId);
      member = (await this.repo.addMemberOnce(await this.placed(this.newMember(tenantId, settings, { userId, name: name || 'Unknown user' })))).doc;
    }
    if (verified && this.rolesStale(member, verified.roles)) {
      // Remembered for the bot and message extension, which see no token: a role removed in
      // Entra ID goes at the person's next sign-in.
      const entraRoles = { roles: verified.roles, verifiedAt: this.clock.now().toISOString() };
      member = (await this.repo.updateMember(tenantId, userId, (m) => ({ ...m, entraRoles, roles: effectiveRoles(verified.roles) }))) ?? member;
    }
    return { tenantId, userId, name: member.name, roles: rolesOf(member, verified?.roles) };
  }

  private rolesStale(member: Member, roles: AppRole[]): boolean {
    const known = member.entraRoles;
    if (!known || known.roles.join() !== roles.join()) return true;
    return this.clock.now().getTime() - Date.parse(known.verifiedAt) > ROLES_REFRESH_MS;
  }

  /** First sight of a tenant: default settings and the built-in practice library. Idempotent. */
  async ensureTenant(tenantId: string): Promise<TenantSettings> {
    const existing = await this.repo.settings(tenantId);
    if (existing) return existing;
    // Background work (scheduler, delivery) runs per tenant, and every query is scoped to one, so
    // the tenants themselves are listed in one document of a system partition.
    await this.repo.registerTenant(tenantId);
    for (const p of builtInPractices(tenantId)) await this.practices.addOnce(p);
    return this.repo.addSettingsOnce({
      id: 'settings',
      tenantId,
      type: 'settings',
      name: 'Your organisation',
      anonymityThreshold: 5,
      defaultTimeZone: 'UTC',
      workDays: [1, 2, 3, 4, 5],
    });
  }

  tenantIds(): Promise<string[]> {
    return this.repo.tenantIds();
  }

  settings(tenantId: string): Promise<TenantSettings> {
    return this.ensureTenant(tenantId);
  }

  /** Changes tenant settings (the caller has been checked to be an admin). */
  async updateSettings(
    tenantId: string,
    change: Partial<Pick<TenantSettings, 'anonymityThreshold' | 'defaultTimeZone' | 'workDays'>> & { quietHours?: TenantSettings['quietHours'] | null },
  ): Promise<TenantSettings> {
    if (change.defaultTimeZone !== undefined && !isValidTimeZone(change.defaultTimeZone)) throw invalid([problem('defaultTimeZone', 'not_time_zone')]);
    await this.ensureTenant(tenantId);
    return (await this.repo.updateSettings(tenantId, (s) => {
      const { quietHours, ...rest } = change;
      const next: TenantSettings = { ...s, ...rest };
      if (change.workDays) next.workDays = [...new Set(change.workDays)].sort();
      if (quietHours === null) delete next.quietHours;
      else if (quietHours) next.quietHours = quietHours;
      return next;
    }))!;
  }

  member(tenantId: string, userId: string): Promise<Member | undefined> {
    return this.repo.member(tenantId, userId);
  }

  async team(tenantId: string, teamId: string): Promise<Team> {
    const team = await this.repo.team(tenantId, teamId);
    if (!team) throw notFound('team');
    return team;
  }

  /** A team, or undefined when there is none (for checks that treat absence as "no"). */
  findTeam(tenantId: string, teamId: string): Promise<Team | undefined> {
    return this.repo.team(tenantId, teamId);
  }

  /** Every team in the tenant, by name. */
  allTeams(tenantId: string): Promise<Team[]> {
    return this.repo.teamsByName(tenantId);
  }

  // ------------------------------------------------------------------------------------------
  // Typed lookups and per-team rights (see rights.ts)

  /** Whether the caller may act as this team's manager (launch, edit, close its pilots). */
  managesTeam(caller: Caller, team: Team): boolean {
    return managesTeam(caller, team);
  }

  /** The teams the caller may act as manager of (admins: every team), by name. */
  async teamsManagedBy(caller: Caller): Promise<Team[]> {
    if (caller.roles.includes('admin')) return this.repo.teamsByName(caller.tenantId);
    return (await this.repo.teamsManagedBy(caller.tenantId, caller.userId)).filter((t) => managesTeam(caller, t));
  }

  /**
   * Who a pilot's check-ins are with: its team, or, for a circle's own check-in rhythm (and only
   * there), the circle. Anything else its `teamId` might name is no team: undefined.
   */
  async pilotTeam(tenantId: string, pilot: { teamId: string; circleId?: string }): Promise<Conversation | undefined> {
    if (pilot.circleId) {
      const circle = pilot.teamId === pilot.circleId ? await this.repo.conversation(tenantId, pilot.circleId) : undefined;
      return circle?.type === 'circle' ? circle : undefined;
    }
    return this.repo.team(tenantId, pilot.teamId);
  }

  /** A conversation messages to a group go to: a team or a circle; undefined for anything else. */
  conversation(tenantId: string, id: string): Promise<Conversation | undefined> {
    return this.repo.conversation(tenantId, id);
  }

  /** Teams the caller belongs to or manages. Leaders and admins see every team in the tenant. */
  async teamsFor(caller: Caller): Promise<Team[]> {
    if (caller.roles.includes('leader') || caller.roles.includes('admin')) return this.repo.teamsByName(caller.tenantId);
    return this.repo.teamsOf(caller.tenantId, caller.userId);
  }

  async membersByIds(tenantId: string, userIds: string[]): Promise<Member[]> {
    if (!userIds.length) return [];
    return this.repo.membersByIds(tenantId, userIds);
  }

  async members(tenantId: string): Promise<Member[]> {
    return this.repo.membersByName(tenantId);
  }

  /**
   * A team's roll-up groups, following the real organisation: the team, then its manager's org
   * unit, then each manager above, then the organisation (implied). Departments as a fallback
   * where the org sync has no chain.
   */
  async rollupOf(tenantId: string, teamId: string): Promise<TeamRollup> {
    const team = await this.team(tenantId, teamId);
    const manager = team.managerId ? ((await this.repo.member(tenantId, team.managerId)) ?? (await this.repo.person(tenantId, team.managerId))) : undefined;
    const chain = manager?.org && !manager.org.left ? [manager.userId, ...manager.org.chain] : [];
    return { teamId, managerId: team.managerId, department: team.department ?? manager?.department, units: chain.map(orgUnitId) };
  }

  /**
   * THE org structure for roll-ups and anonymity groups: for each member of the tenant, the chain
   * of groups from their team up to the organisation (team → the team manager's org unit → each
   * unit above → organisation), from the last organisation sync; the team's department stands in
   * where the sync has no place for its manager. See org-chains.ts.
   */
  async orgChains(tenantId: string): Promise<MemberOrgChain[]> {
    const [members, teams] = await Promise.all([this.repo.membersByName(tenantId), this.repo.teamsByName(tenantId)]);
    const nodes = new Map<string, OrgNode>(members.map((m) => [m.userId, m]));
    // Leaders who do not use Leaderful are known as people; a team manager's chain is read too.
    const load = async (ids: Iterable<string>) => {
      const missing = [...new Set(ids)].filter((id) => !nodes.has(id));
      for (const p of await this.repo.peopleByIds(tenantId, missing)) nodes.set(p.userId, p);
      return missing;
    };
    const fetched = await load([...members.flatMap((m) => m.org?.chain ?? []), ...teams.flatMap((t) => (t.managerId ? [t.managerId] : []))]);
    await load(fetched.flatMap((id) => nodes.get(id)?.org?.chain ?? []));
    return orgChainsOf(members, teams, nodes);
  }

  /**
   * People the caller works with, for pickers (kudos): everyone in their teams and, from the
   * organisation sync, their manager, their direct reports and their peers (who use Leaderful).
   * Without a synced place, their teams alone.
   */
  async colleaguesOf(caller: Caller, limit = 200): Promise<Member[]> {
    const [me, teams] = await Promise.all([this.repo.member(caller.tenantId, caller.userId), this.repo.teamsOf(caller.tenantId, caller.userId)]);
    const ids = new Set(teams.flatMap((t) => [...t.memberIds, ...managersOf(t)]));
    if (me?.managerId) ids.add(me.managerId);
    const near = await this.repo.membersReportingTo(caller.tenantId, [caller.userId, ...(me?.managerId ? [me.managerId] : [])], limit);
    ids.delete(caller.userId);
    const known = ids.size ? await this.repo.membersByIds(caller.tenantId, [...ids]) : [];
    const all = new Map([...known, ...near].filter((m) => m.userId !== caller.userId).map((m) => [m.userId, m]));
    return [...all.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
  }

  /**
   * A team's department is its manager's, as the organisation sync has it (what roll-ups from a
   * team to its department go by). Unchanged when the manager has none.
   */
  async alignTeamDepartment(tenantId: string, teamId: string): Promise<void> {
    const team = await this.repo.team(tenantId, teamId);
    if (!team?.managerId) return;
    const manager = (await this.repo.member(tenantId, team.managerId)) ?? (await this.repo.person(tenantId, team.managerId));
    const department = manager?.department;
    if (!department || department === team.department) return;
    await this.repo.updateTeam(tenantId, teamId, (t) => (t.department === department ? undefined : { ...t, department }));
  }

  /** Records where the bot is installed (a channel, group chat). Managers are kept by `managers`. */
  async upsertTeam(tenantId: string, team: Omit<Team, 'tenantId' | 'type' | 'memberIds' | 'managers' | 'managerId'> & { memberIds?: string[] }): Promise<Team> {
    await this.ensureTenant(tenantId);
    const { doc, created } = await this.repo.addTeamOnce({ memberIds: [], ...team, tenantId, type: 'team' });
    if (created) return doc;
    return (await this.repo.updateTeam(tenantId, team.id, (t) => ({
      ...t,
      ...team,
      memberIds: team.memberIds ?? t.memberIds,
    })))!;
  }

  /**
   * Adds or refreshes a member from the Teams roster. Teams is the source of names and ids;
   * roles and preferences people set in Leaderful are kept. `deviceTimeZone` (what the person's
   * Teams client reports) is the zone check-ins follow until the person chooses one. Someone the
   * organisation sync has read starts with their place in the organisation.
   */
  async upsertMember(
    tenantId: string,
    info: { userId: string; teamsUserId?: string; name: string; email?: string; deviceTimeZone?: string; locale?: string; personalConversation?: Record<string, unknown> },
    teamId?: string,
  ): Promise<Member> {
    const defined = Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as typeof info;
    const known = await this.repo.member(tenantId, info.userId);
    if (!known) {
      const settings = await this.ensureTenant(tenantId);
      const { doc, created } = await this.repo.addMemberOnce(await this.placed({ ...this.newMember(tenantId, settings, defined), teamIds: teamId ? [teamId] : [] }));
      if (created) return doc;
    }
    return (await this.repo.updateMember(tenantId, info.userId, (m) => ({
      ...m,
      ...defined,
      timeZone: m.timeZoneChosen ? m.timeZone : (info.deviceTimeZone ?? m.timeZone),
      teamIds: teamId && !m.teamIds.includes(teamId) ? [...m.teamIds, teamId] : m.teamIds,
      unreachable: info.personalConversation ? false : m.unreachable,
    })))!;
  }

  /** A new member record with the tenant's defaults for check-ins. */
  newMember(tenantId: string, settings: TenantSettings, info: { userId: string; name: string } & Partial<Member>): Member {
    return {
      id: memberId(info.userId),
      tenantId,
      type: 'member',
      timeZone: info.deviceTimeZone ?? (settings.defaultTimeZone || 'UTC'),
      roles: ['member'],
      teamIds: [],
      workDays: settings.workDays ?? [1, 2, 3, 4, 5],
      ...(settings.quietHours ? { quietHours: settings.quietHours } : {}),
      ...info,
    };
  }

  /** A new member with their place in the organisation, when the sync has read them. */
  private async placed(member: Member): Promise<Member> {
    const person = await this.repo.person(member.tenantId, member.userId);
    if (!person) return member;
    return { ...member, department: person.department, managerId: person.managerId, org: person.org };
  }

  async setTeamMembers(tenantId: string, teamId: string, add: string[], remove: string[]): Promise<Team | undefined> {
    return this.repo.updateTeam(tenantId, teamId, (t) => {
      const ids = new Set(t.memberIds);
      add.forEach((a) => ids.add(a));
      remove.forEach((r) => ids.delete(r));
      return { ...t, memberIds: [...ids] };
    });
  }

  async updateMember(tenantId: string, userId: string, change: (m: Member) => Member | undefined): Promise<Member | undefined> {
    return this.repo.updateMember(tenantId, userId, change);
  }

  /** The person chose the zone their check-ins follow: from now on it beats what their device reports. */
  async chooseTimeZone(caller: Caller, timeZone: string): Promise<Member> {
    if (!isValidTimeZone(timeZone)) throw invalid([problem('timeZone', 'not_time_zone')]);
    const updated = await this.updateMember(caller.tenantId, caller.userId, (m) => ({ ...m, timeZone, timeZoneChosen: true }));
    if (!updated) throw notFound('profile');
    return updated;
  }

  /** Where a kind of notice reaches a person (chat unless they chose otherwise and it is offered). */
  noticeChannel(member: Member, kind: NoticeKind): Channel {
    return channelsOf(member.notifications, this.channels)[kind];
  }

  /** A person's own check-in preferences: time zone, work days, quiet hours, pause, celebrations. */
  async preferences(caller: Caller): Promise<Preferences & { timeZone: string; workDays: number[]; notifications: NoticeChannels }> {
    const m = await this.member(caller.tenantId, caller.userId);
    if (!m) throw notFound('profile');
    return {
      timeZone: m.timeZone,
      workDays: m.workDays,
      quietHours: m.quietHours ?? null,
      pausedUntil: m.pausedUntil ?? null,
      optOutPublicCelebration: !!m.optOutPublicCelebration,
      notifications: channelsOf(m.notifications, this.channels),
    };
  }

  async setPreferences(caller: Caller, prefs: Preferences): Promise<Preferences & { timeZone: string; workDays: number[]; notifications: NoticeChannels }> {
    if (prefs.timeZone !== undefined && !isValidTimeZone(prefs.timeZone)) {
      throw invalid([problem('timeZone', 'not_time_zone')]);
    }
    if (prefs.notifications) checkChannels(prefs.notifications, this.channels);
    const updated = await this.updateMember(caller.tenantId, caller.userId, (m) => {
      const next: Member = { ...m };
      if (prefs.timeZone !== undefined) Object.assign(next, { timeZone: prefs.timeZone, timeZoneChosen: true });
      if (prefs.workDays !== undefined) next.workDays = [...new Set(prefs.workDays)].sort();
      if (prefs.quietHours !== undefined) next.quietHours = prefs.quietHours ?? undefined;
      if (prefs.pausedUntil !== undefined) next.pausedUntil = prefs.pausedUntil ?? undefined;
      if (prefs.optOutPublicCelebration !== undefined) next.optOutPublicCelebration = prefs.optOutPublicCelebration;
      if (prefs.notifications) next.notifications = { ...m.notifications, ...prefs.notifications };
      return next;
    });
    if (!updated) throw notFound('profile');
    return this.preferences(caller);
  }

  /** People holding an Entra app role, as their last verified sign-in showed it. */
  withEntraRoles(tenantId: string): Promise<Member[]> {
    return this.repo.membersWithEntraRoles(tenantId);
  }

  /** A manager's direct reports (the top of the organisation for `null`), by name, with how many report to each. */
  reportsOf(tenantId: string, managerId: string | null, limit = 200): Promise<Person[]> {
    return this.repo.reportsOf(tenantId, managerId, limit);
  }

  /** People whose name starts with `prefix` (case-insensitive), for pickers. */
  findPeople(tenantId: string, prefix: string, limit = 20): Promise<Person[]> {
    return this.repo.peopleNamed(tenantId, prefix.trim().toLowerCase(), limit);
  }

  /** Someone in the organisation, as the last sync read them. */
  person(tenantId: string, userId: string): Promise<Person | undefined> {
    return this.repo.person(tenantId, userId);
  }

  now(): Date {
    return this.clock.now();
  }
}

/**
 * A caller's roles: Entra's from the token or else the last verified one. A role the record holds
 * without a verified token behind it (an in-app grant or the installer's `manager` of earlier
 * versions) does not count: managing is a right per team (rights.ts).
 */
export function rolesOf(member: Member, verified?: AppRole[]): Role[] {
  return effectiveRoles(verified ?? member.entraRoles?.roles ?? []);
}
