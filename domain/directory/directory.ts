import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { invalid, notFound, problem } from '../shared/errors';
import { isValidTimeZone } from '../shared/schedule';
import type { Preferences } from './schemas';
import { channelsOf, checkChannels, type NoticeChannels } from './notifications';
import type { Caller, Role } from '../shared/caller';
import type { Conversation, Member, Team, TenantSettings } from './model';
import { builtInPractices } from '../practices/library';
import { PracticeRepository } from '../practices/repository';
import { DirectoryRepository, memberId } from './repository';
import { managesTeam } from './rights';

export { SYSTEM_PARTITION } from './repository';

/** Tenants, teams and members: who is who, and what each may see. */
export class Directory {
  private readonly repo: DirectoryRepository;
  private readonly practices: PracticeRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new DirectoryRepository(store);
    this.practices = new PracticeRepository(store);
  }

  /**
   * Resolves the caller's roles from their member record, creating a plain member record on first
   * sight (roles are granted by admins or by the Teams roster, never by what a client claims).
   */
  async resolveCaller(tenantId: string, userId: string, name: string): Promise<Caller> {
    // One point read on the hot path: a known member implies a set-up tenant.
    const known = await this.repo.member(tenantId, userId);
    if (known) return { tenantId, userId, name: known.name, roles: known.roles };
    await this.ensureTenant(tenantId);
    const member = (
      await this.repo.addMemberOnce({
        id: memberId(userId),
        tenantId,
        type: 'member',
        userId,
        name: name || 'Unknown user',
        timeZone: 'UTC',
        roles: ['member'],
        teamIds: [],
        workDays: [1, 2, 3, 4, 5],
      })
    ).doc;
    return { tenantId, userId, name: member.name, roles: member.roles };
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
    });
  }

  tenantIds(): Promise<string[]> {
    return this.repo.tenantIds();
  }

  settings(tenantId: string): Promise<TenantSettings> {
    return this.ensureTenant(tenantId);
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

  async grantRoles(tenantId: string, userId: string, roles: Role[]): Promise<Member | undefined> {
    return this.repo.updateMember(tenantId, userId, (m) => ({
      ...m,
      roles: Array.from(new Set([...m.roles, ...roles])),
    }));
  }

  /** Records where the bot is installed (a channel, group chat) and who manages it. */
  async upsertTeam(tenantId: string, team: Omit<Team, 'tenantId' | 'type' | 'memberIds'> & { memberIds?: string[] }): Promise<Team> {
    await this.ensureTenant(tenantId);
    const { doc, created } = await this.repo.addTeamOnce({ memberIds: [], ...team, tenantId, type: 'team' });
    if (created) return doc;
    return (await this.repo.updateTeam(tenantId, team.id, (t) => ({
      ...t,
      ...team,
      memberIds: team.memberIds ?? t.memberIds,
      managerId: t.managerId ?? team.managerId,
    })))!;
  }

  /**
   * Adds or refreshes a member from the Teams roster. Teams is the source of names and ids;
   * roles and preferences people set in Leaderful are kept. `deviceTimeZone` (what the person's
   * Teams client reports) is the zone check-ins follow until the person chooses one.
   */
  async upsertMember(
    tenantId: string,
    info: { userId: string; teamsUserId?: string; name: string; email?: string; deviceTimeZone?: string; locale?: string; personalConversation?: Record<string, unknown> },
    teamId?: string,
    extraRoles: Role[] = [],
  ): Promise<Member> {
    const defined = Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as typeof info;
    const { doc, created } = await this.repo.addMemberOnce({
      id: memberId(info.userId),
      tenantId,
      type: 'member',
      timeZone: info.deviceTimeZone ?? 'UTC',
      roles: ['member', ...extraRoles],
      teamIds: teamId ? [teamId] : [],
      workDays: [1, 2, 3, 4, 5],
      ...defined,
    });
    if (created) return doc;
    return (await this.repo.updateMember(tenantId, info.userId, (m) => ({
      ...m,
      ...defined,
      timeZone: m.timeZoneChosen ? m.timeZone : (info.deviceTimeZone ?? m.timeZone),
      roles: Array.from(new Set([...m.roles, ...extraRoles])),
      teamIds: teamId && !m.teamIds.includes(teamId) ? [...m.teamIds, teamId] : m.teamIds,
      unreachable: info.personalConversation ? false : m.unreachable,
    })))!;
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
      notifications: channelsOf(m.notifications),
    };
  }

  async setPreferences(caller: Caller, prefs: Preferences): Promise<Preferences & { timeZone: string; workDays: number[]; notifications: NoticeChannels }> {
    if (prefs.timeZone !== undefined && !isValidTimeZone(prefs.timeZone)) {
      throw invalid([problem('timeZone', 'not_time_zone')]);
    }
    if (prefs.notifications) checkChannels(prefs.notifications);
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

  now(): Date {
    return this.clock.now();
  }
}
