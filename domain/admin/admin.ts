import type { AuditLog } from '../audit/audit';
import type { AuditEntry, AuditValue } from '../audit/model';
import type { Directory } from '../directory/directory';
import type { ManagerSource, Member, Person, Team, TenantSettings } from '../directory/model';
import { TeamManagers } from '../directory/team-managers';
import type { OrgSummary, SyncRun } from '../org/model';
import type { OrgSync } from '../org/sync';
import { hasRole, type AppRole, type Caller } from '../shared/caller';
import { forbidden, notFound } from '../shared/errors';
import type { TenantSettingsInput } from './schemas';

/** Someone holding a role, and where it comes from. */
export interface RoleHolder {
  userId: string;
  name: string;
  role: AppRole | 'manager';
  /** `entra`: an app role in the person's last verified sign-in; otherwise why they manage `team`. */
  source: 'entra' | ManagerSource;
  since: string;
  team?: { id: string; name: string };
  /** Who named them (admin-named managers). */
  by?: string;
}

export interface TeamView {
  id: string;
  name: string;
  kind: Team['kind'];
  /** Whether Teams can tell its owners (a Teams team, not a group chat). */
  teamsTeam: boolean;
  memberCount: number;
  managers: { userId: string; name: string; source: ManagerSource; since: string; by?: string }[];
}

export interface PersonView {
  userId: string;
  name: string;
  department?: string;
  jobTitle?: string;
  managerId?: string;
  directReports: number;
}

export interface SyncStatusView {
  running: boolean;
  lastRunAt?: string;
  lastSuccessAt?: string;
  summary?: OrgSummary;
  runs: SyncRun[];
}

/**
 * The admin area: organisation sync status, who holds which role and why, teams and their
 * managers, tenant settings. Admins only (the Leaderful.Admin app role from Entra ID); every
 * change is recorded in the audit log.
 */
export class Administration {
  constructor(
    private readonly directory: Directory,
    private readonly org: OrgSync,
    private readonly audit: AuditLog,
  ) {}

  async syncStatus(caller: Caller): Promise<SyncStatusView> {
    mustBeAdmin(caller);
    const state = await this.org.status(caller.tenantId);
    const leased = !!state?.lease && state.lease.until > this.directory.now().toISOString();
    return { running: leased || this.org.isRunning(caller.tenantId), lastRunAt: state?.lastRunAt, lastSuccessAt: state?.lastSuccessAt, summary: state?.summary, runs: state?.runs ?? [] };
  }

  /** Starts a sync now (it runs in the background; the status says when it is done). */
  async requestSync(caller: Caller): Promise<SyncStatusView> {
    mustBeAdmin(caller);
    await this.audit.record(caller, { action: 'org.sync_requested', target: { kind: 'org' } });
    void this.org.start(caller.tenantId, 'admin');
    return { ...(await this.syncStatus(caller)), running: true };
  }

  async roles(caller: Caller): Promise<RoleHolder[]> {
    mustBeAdmin(caller);
    const holders: RoleHolder[] = [];
    for (const m of await this.directory.withEntraRoles(caller.tenantId)) {
      for (const role of m.entraRoles!.roles) holders.push({ userId: m.userId, name: m.name, role, source: 'entra', since: m.entraRoles!.verifiedAt });
    }
    const teams = await this.directory.allTeams(caller.tenantId);
    const names = await this.names(caller.tenantId, teams.flatMap((t) => TeamManagers.of(t).map((m) => m.userId)));
    for (const t of teams) {
      for (const m of TeamManagers.of(t)) holders.push({ userId: m.userId, name: names.get(m.userId) ?? m.userId, role: 'manager', source: m.source, since: m.since, team: { id: t.id, name: t.name }, ...(m.by ? { by: names.get(m.by) ?? m.by } : {}) });
    }
    return holders;
  }

  async teams(caller: Caller): Promise<TeamView[]> {
    mustBeAdmin(caller);
    const teams = (await this.directory.allTeams(caller.tenantId)).filter((t) => t.kind !== 'personal');
    const managers = teams.flatMap((t) => TeamManagers.of(t));
    const names = await this.names(caller.tenantId, [...managers.map((m) => m.userId), ...managers.flatMap((m) => (m.by ? [m.by] : []))]);
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      teamsTeam: !!t.aadGroupId,
      memberCount: t.memberIds.length,
      managers: TeamManagers.of(t).map((m) => ({ userId: m.userId, name: names.get(m.userId) ?? m.userId, source: m.source, since: m.since, ...(m.by ? { by: names.get(m.by) ?? m.by } : {}) })),
    }));
  }

  /** Names someone a manager of a team: someone Leaderful knows in this tenant, or someone in its organisation. */
  async nameManager(caller: Caller, teamId: string, userId: string): Promise<TeamView> {
    mustBeAdmin(caller);
    const known = (await this.directory.member(caller.tenantId, userId)) ?? (await this.directory.person(caller.tenantId, userId));
    if (!known || known.org?.left) throw notFound('person');
    await this.directory.team(caller.tenantId, teamId); // a team that is there, before anyone becomes a member
    const person = known.type === 'member' ? known : await this.directory.upsertMember(caller.tenantId, { userId, name: known.name });
    const before = await this.directory.team(caller.tenantId, teamId);
    const team = await this.directory.managers.name(caller.tenantId, teamId, userId, caller.userId);
    if (TeamManagers.of(before).length !== TeamManagers.of(team).length) {
      await this.audit.record(caller, { action: 'team.manager_named', target: { kind: 'team', id: team.id, name: team.name }, after: { userId, name: person.name } });
    }
    return this.view(caller, team.id);
  }

  async unnameManager(caller: Caller, teamId: string, userId: string): Promise<TeamView> {
    mustBeAdmin(caller);
    const team = await this.directory.managers.unname(caller.tenantId, teamId, userId);
    const person = await this.directory.member(caller.tenantId, userId);
    await this.audit.record(caller, { action: 'team.manager_unnamed', target: { kind: 'team', id: team.id, name: team.name }, before: { userId, name: person?.name ?? userId } });
    return this.view(caller, team.id);
  }

  async settings(caller: Caller): Promise<TenantSettings> {
    mustBeAdmin(caller);
    return this.directory.settings(caller.tenantId);
  }

  async updateSettings(caller: Caller, input: TenantSettingsInput): Promise<TenantSettings> {
    mustBeAdmin(caller);
    const before = await this.directory.settings(caller.tenantId);
    const after = await this.directory.updateSettings(caller.tenantId, input);
    const changed = (Object.keys(input) as (keyof TenantSettingsInput)[]).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
    if (changed.length) {
      const pick = (s: TenantSettings) => Object.fromEntries(changed.map((k) => [k, (s[k] ?? null) as AuditValue]));
      await this.audit.record(caller, { action: 'settings.changed', target: { kind: 'settings' }, before: pick(before), after: pick(after) });
    }
    return after;
  }

  /** A manager's direct reports in the synced organisation (the top of it without one). */
  async people(caller: Caller, managerId: string | null): Promise<PersonView[]> {
    mustBeAdmin(caller);
    return (await this.directory.reportsOf(caller.tenantId, managerId)).map(personView);
  }

  async findPeople(caller: Caller, prefix: string): Promise<PersonView[]> {
    mustBeAdmin(caller);
    return prefix.trim() ? (await this.directory.findPeople(caller.tenantId, prefix)).map(personView) : [];
  }

  async auditLog(caller: Caller, continuation?: string): Promise<{ items: AuditEntry[]; continuation?: string }> {
    mustBeAdmin(caller);
    return this.audit.list(caller.tenantId, 50, continuation);
  }

  private async view(caller: Caller, teamId: string): Promise<TeamView> {
    const found = (await this.teams(caller)).find((t) => t.id === teamId);
    if (!found) throw notFound('team');
    return found;
  }

  private async names(tenantId: string, userIds: string[]): Promise<Map<string, string>> {
    const members = await this.directory.membersByIds(tenantId, [...new Set(userIds)]);
    return new Map(members.map((m) => [m.userId, m.name]));
  }
}

function mustBeAdmin(caller: Caller): void {
  if (!hasRole(caller, 'admin')) throw forbidden('admin.admins_only');
}

function personView(m: Member | Person): PersonView {
  return { userId: m.userId, name: m.name, department: m.department, jobTitle: m.org?.jobTitle, managerId: m.managerId, directReports: m.org?.directReports ?? 0 };
}
