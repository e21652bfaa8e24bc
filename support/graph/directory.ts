/**
 * One tenant's directory as the Graph stand-in keeps it: users with department, job title and
 * manager, and teams with their members and owners. Every change is logged with a version, which
 * is what a delta token remembers: a delta round returns the users changed since then.
 */
export interface GraphUser {
  id: string;
  displayName: string;
  department?: string;
  jobTitle?: string;
  managerId?: string;
}

export interface GraphTeamMember {
  userId: string;
  displayName?: string;
  owner?: boolean;
}

interface Change {
  version: number;
  userId: string;
  manager: boolean;
}

type Removed = { reason: 'changed' | 'deleted' };

export class TenantDirectory {
  private readonly users = new Map<string, GraphUser>();
  private readonly removed = new Map<string, Removed>();
  readonly teams = new Map<string, GraphTeamMember[]>();
  private readonly log: Change[] = [];
  private sortedIds?: string[];
  /** The current state version; a delta token holds the version its round ended at. */
  version = 0;
  /** Delta tokens older than this are refused (410) and the client must start over. */
  oldestToken = 0;

  /** Adds or replaces users (each one logged as changed). */
  put(users: GraphUser[]): void {
    this.version += 1;
    for (const u of users) {
      const before = this.users.get(u.id);
      this.users.set(u.id, { ...u });
      this.removed.delete(u.id);
      this.log.push({ version: this.version, userId: u.id, manager: before?.managerId !== u.managerId || !before });
    }
    this.sortedIds = undefined;
  }

  /** Changes some of a user's fields; `managerId: undefined` removes the manager link. */
  update(id: string, patch: Partial<Omit<GraphUser, 'id'>>): void {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    this.version += 1;
    const next = { ...user, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    this.users.set(id, next);
    this.log.push({ version: this.version, userId: id, manager: 'managerId' in patch && patch.managerId !== user.managerId });
  }

  remove(id: string, reason: Removed['reason'] = 'deleted'): void {
    if (!this.users.delete(id)) return;
    this.version += 1;
    this.removed.set(id, { reason });
    this.log.push({ version: this.version, userId: id, manager: false });
    this.sortedIds = undefined;
  }

  user(id: string): GraphUser | undefined {
    return this.users.get(id);
  }

  get size(): number {
    return this.users.size;
  }

  /** Every current user id, in a stable order (a full round pages through it). */
  allIds(): string[] {
    this.sortedIds ??= [...this.users.keys()].sort();
    return this.sortedIds;
  }

  /** Users changed after `since` up to `upTo`, with whether their manager link changed. */
  changedSince(since: number, upTo: number): { id: string; manager: boolean }[] {
    const found = new Map<string, boolean>();
    for (const c of this.log) if (c.version > since && c.version <= upTo) found.set(c.userId, (found.get(c.userId) ?? false) || c.manager);
    return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, manager]) => ({ id, manager }));
  }

  /** A user as a delta page shows them: selected fields, `manager@delta` when asked for, or `@removed`. */
  deltaItem(id: string, select: string[], withManager: boolean): Record<string, unknown> {
    const user = this.users.get(id);
    if (!user) return { id, '@removed': this.removed.get(id) ?? { reason: 'deleted' } };
    const item: Record<string, unknown> = { '@odata.type': '#microsoft.graph.user', id };
    for (const field of select) {
      if (field === 'manager') continue;
      const value = (user as unknown as Record<string, unknown>)[field];
      if (value !== undefined) item[field] = value;
    }
    if (withManager && select.includes('manager')) {
      item['manager@delta'] = user.managerId ? [{ '@odata.type': '#microsoft.graph.user', id: user.managerId }] : [{ '@odata.type': '#microsoft.graph.user', id: '00000000-0000-0000-0000-000000000000', '@removed': { reason: 'deleted' } }];
    }
    return item;
  }
}
