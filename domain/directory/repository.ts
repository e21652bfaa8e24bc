import type { Doc, NewDoc, Store } from '../ports/store';
import { personId, type Conversation, type Member, type Person, type Team, type TenantSettings } from './model';

/** The partition holding cross-tenant bookkeeping; never a real Entra tenant id. */
export const SYSTEM_PARTITION = '_system';

/** directory (system partition): `tenants`, the list background work walks. */
interface TenantIndex extends Doc {
  type: 'tenant-index';
  tenantIds: string[];
}

/** Whether the team at `c` is managed by @userId (one of its managers, or the one of older records). */
const MANAGES = '(c.managerId = @userId OR EXISTS(SELECT VALUE m FROM m IN c.managers WHERE m.userId = @userId))';

/** directory: a person's member document is `member:<userId>`. */
export const memberId = (userId: string) => `member:${userId}`;

/** Where tenants, teams and members are kept: the `directory` container. */
export class DirectoryRepository {
  constructor(private readonly store: Store) {}

  settings(tenantId: string): Promise<TenantSettings | undefined> {
    return this.store.read<TenantSettings>('directory', tenantId, 'settings');
  }

  async addSettingsOnce(settings: NewDoc<TenantSettings>): Promise<TenantSettings> {
    return (await this.store.createOnce<TenantSettings>('directory', settings)).doc;
  }

  updateSettings(tenantId: string, change: (s: TenantSettings) => TenantSettings | undefined): Promise<TenantSettings | undefined> {
    return this.store.update<TenantSettings>('directory', tenantId, 'settings', change);
  }

  /** Adds a tenant to the index in the system partition (once). */
  async registerTenant(tenantId: string): Promise<void> {
    await this.store.createOnce<TenantIndex>('directory', { id: 'tenants', tenantId: SYSTEM_PARTITION, type: 'tenant-index', tenantIds: [] });
    await this.store.update<TenantIndex>('directory', SYSTEM_PARTITION, 'tenants', (index) =>
      index.tenantIds.includes(tenantId) ? undefined : { ...index, tenantIds: [...index.tenantIds, tenantId] },
    );
  }

  async tenantIds(): Promise<string[]> {
    return (await this.store.read<TenantIndex>('directory', SYSTEM_PARTITION, 'tenants'))?.tenantIds ?? [];
  }

  member(tenantId: string, userId: string): Promise<Member | undefined> {
    return this.store.read<Member>('directory', tenantId, memberId(userId));
  }

  addMemberOnce(member: NewDoc<Member>): Promise<{ doc: Member; created: boolean }> {
    return this.store.createOnce<Member>('directory', member);
  }

  updateMember(tenantId: string, userId: string, change: (m: Member) => Member | undefined): Promise<Member | undefined> {
    return this.store.update<Member>('directory', tenantId, memberId(userId), change);
  }

  membersByIds(tenantId: string, userIds: string[]): Promise<Member[]> {
    return this.store.all<Member>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' AND ARRAY_CONTAINS(@ids, c.userId)", { ids: userIds });
  }

  membersByName(tenantId: string): Promise<Member[]> {
    return this.store.all<Member>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' ORDER BY c.name");
  }

  /** A team by id: any other document of the partition (settings, a member, a circle…) is no team. */
  async team(tenantId: string, teamId: string): Promise<Team | undefined> {
    const doc = await this.store.read<Team>('directory', tenantId, teamId);
    return doc?.type === 'team' ? doc : undefined;
  }

  /** A conversation people are messaged in: a team, or a circle (which lives in one). */
  async conversation(tenantId: string, id: string): Promise<Conversation | undefined> {
    const doc = await this.store.read<Conversation>('directory', tenantId, id);
    return doc && (doc.type === 'team' || doc.type === 'circle') && Array.isArray(doc.memberIds) ? doc : undefined;
  }

  /** Teams `userId` is one of the managers of (see rights.ts: managersOf). */
  teamsManagedBy(tenantId: string, userId: string): Promise<Team[]> {
    return this.store.all<Team>('directory', tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' AND ${MANAGES} ORDER BY c.name`, { userId });
  }

  teamsByName(tenantId: string): Promise<Team[]> {
    return this.store.all<Team>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' ORDER BY c.name");
  }

  /** Teams a person belongs to or manages, by name. */
  teamsOf(tenantId: string, userId: string): Promise<Team[]> {
    return this.store.all<Team>(
      'directory',
      tenantId,
      `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' AND (ARRAY_CONTAINS(c.memberIds, @userId) OR ${MANAGES}) ORDER BY c.name`,
      { userId },
    );
  }

  membersWithEntraRoles(tenantId: string): Promise<Member[]> {
    return this.store.all<Member>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' AND ARRAY_LENGTH(c.entraRoles.roles) > 0 ORDER BY c.name");
  }

  person(tenantId: string, userId: string): Promise<Person | undefined> {
    return this.store.read<Person>('directory', tenantId, personId(userId));
  }

  /** People the organisation sync has read, by id (their place only). */
  peopleByIds(tenantId: string, userIds: string[]): Promise<Pick<Person, 'userId' | 'name' | 'department' | 'org'>[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.store.all('directory', tenantId, "SELECT c.userId, c.name, c.department, c.org FROM c WHERE c.tenantId = @tenantId AND c.type = 'person' AND ARRAY_CONTAINS(@ids, c.userId)", { ids: userIds });
  }

  /** Members who report to any of `managerIds` in the synced organisation, by name. */
  membersReportingTo(tenantId: string, managerIds: string[], limit: number): Promise<Member[]> {
    return this.store
      .query<Member>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' AND ARRAY_CONTAINS(@ids, c.managerId) ORDER BY c.name", { ids: managerIds }, { limit })
      .then((p) => p.items);
  }

  /** Someone's direct reports in the synced organisation (`null`: the people at its top). */
  reportsOf(tenantId: string, managerId: string | null, limit: number): Promise<Person[]> {
    const where = managerId ? 'c.managerId = @managerId' : '(NOT IS_DEFINED(c.managerId) OR IS_NULL(c.managerId))';
    return this.store
      .query<Person>('directory', tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'person' AND NOT IS_DEFINED(c.org.left) AND ${where} ORDER BY c.name`, managerId ? { managerId } : {}, { limit })
      .then((p) => p.items);
  }

  /** People in the organisation whose name starts with `prefix` (lower case). */
  peopleNamed(tenantId: string, prefix: string, limit: number): Promise<Person[]> {
    return this.store
      .query<Person>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'person' AND NOT IS_DEFINED(c.org.left) AND STARTSWITH(LOWER(c.name), @prefix) ORDER BY c.name", { prefix }, { limit })
      .then((p) => p.items);
  }

  addTeamOnce(team: NewDoc<Team>): Promise<{ doc: Team; created: boolean }> {
    return this.store.createOnce<Team>('directory', team);
  }

  updateTeam(tenantId: string, teamId: string, change: (t: Team) => Team | undefined): Promise<Team | undefined> {
    return this.store.update<Team>('directory', tenantId, teamId, change);
  }
}
