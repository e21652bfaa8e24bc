import { CONTAINERS, type ContainerName, type Doc, type NewDoc, type Store } from '../ports/store';
import type { Member, Person, Team } from '../directory/model';
import type { Pilot } from '../pilots/model';
import type { Round } from '../checkins/model';
import type { Circle } from '../circles/model';
import type { FeedbackItem } from '../feedback/model';
import type { OutboxItem } from '../outbox/model';
import { PRIVACY_ID, type PrivacyRecord } from './model';

/** The partition of cross-tenant bookkeeping and its tenant index (see directory/repository.ts). */
const SYSTEM_PARTITION = '_system';
interface TenantIndex extends Doc {
  tenantIds: string[];
}

const PAGE = 200;
/** Deletions in flight at once: the store's throughput, without starving live requests. */
const DELETERS = 8;

/**
 * Every store call of the privacy component: its own record, the walk over a tenant's whole
 * partition in every container (export, erasure, tenant deletion), and the few reads and writes
 * offboarding needs. Every query is bound to one tenant.
 */
export class PrivacyRepository {
  constructor(private readonly store: Store) {}

  record(tenantId: string): Promise<PrivacyRecord | undefined> {
    return this.store.read<PrivacyRecord>('directory', tenantId, PRIVACY_ID);
  }

  async ensureRecord(tenantId: string, key: string): Promise<PrivacyRecord> {
    return (await this.store.createOnce<PrivacyRecord>('directory', { id: PRIVACY_ID, tenantId, type: 'privacy', key, erased: [] })).doc;
  }

  async addErased(tenantId: string, reference: string): Promise<void> {
    await this.store.update<PrivacyRecord>('directory', tenantId, PRIVACY_ID, (r) => (r.erased.includes(reference) ? undefined : { ...r, erased: [...r.erased, reference] }));
  }

  /** Every document of the tenant in one container, a page at a time. */
  async scan(name: ContainerName, tenantId: string, visit: (docs: Doc[]) => Promise<void>): Promise<void> {
    let continuation: string | undefined;
    do {
      const page = await this.store.query<Doc>(name, tenantId, 'SELECT * FROM c WHERE c.tenantId = @tenantId', {}, { pageSize: PAGE, continuation });
      if (page.items.length) await visit(page.items);
      continuation = page.continuation;
    } while (continuation);
  }

  /** How many documents the tenant has in each container (ids only are read). */
  async counts(tenantId: string): Promise<Record<ContainerName, number>> {
    const counts = {} as Record<ContainerName, number>;
    for (const name of CONTAINERS) counts[name] = (await this.ids(name, tenantId)).length;
    return counts;
  }

  private async ids(name: ContainerName, tenantId: string): Promise<string[]> {
    const rows = await this.store.all<{ id: string }>(name, tenantId, 'SELECT c.id FROM c WHERE c.tenantId = @tenantId');
    return rows.map((r) => r.id);
  }

  /** Removes every document of the tenant's partition in one container; how many were removed. */
  async deletePartition(name: ContainerName, tenantId: string): Promise<number> {
    let removed = 0;
    // Background work may still write while this runs: go again until a pass finds nothing.
    for (let pass = 0; pass < 5; pass++) {
      const ids = await this.ids(name, tenantId);
      if (!ids.length) break;
      for (let i = 0; i < ids.length; i += DELETERS) {
        const done = await Promise.all(ids.slice(i, i + DELETERS).map((id) => this.store.delete(name, tenantId, id)));
        removed += done.filter(Boolean).length;
      }
    }
    return removed;
  }

  /** Takes the tenant off the list background work walks. */
  async forgetTenant(tenantId: string): Promise<void> {
    await this.store.update<TenantIndex>('directory', SYSTEM_PARTITION, 'tenants', (index) =>
      index.tenantIds.includes(tenantId) ? { ...index, tenantIds: index.tenantIds.filter((id) => id !== tenantId) } : undefined,
    );
  }

  member(tenantId: string, userId: string): Promise<Member | undefined> {
    return this.store.read<Member>('directory', tenantId, `member:${userId}`);
  }

  person(tenantId: string, userId: string): Promise<Person | undefined> {
    return this.store.read<Person>('directory', tenantId, `person:${userId}`);
  }

  async memberNames(tenantId: string, userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await this.store.all<{ userId: string; name: string }>('directory', tenantId, "SELECT c.userId, c.name FROM c WHERE c.tenantId = @tenantId AND c.type = 'member' AND ARRAY_CONTAINS(@ids, c.userId)", { ids: userIds });
    return new Map(rows.map((r) => [r.userId, r.name]));
  }

  circlesConvenedBy(tenantId: string, userId: string): Promise<Circle[]> {
    return this.store.all<Circle>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' AND c.convenor.userId = @userId", { userId });
  }

  /** The rounds a person answered (their answers are kept, de-linked, in an open round's figures). */
  async roundsAnsweredBy(tenantId: string, userId: string): Promise<Set<string>> {
    const rows = await this.store.all<{ roundId: string }>('checkins', tenantId, "SELECT c.roundId FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.userId = @userId", { userId });
    return new Set(rows.map((r) => r.roundId));
  }

  /** The feedback items a person's contact links point at (their anonymous items). */
  feedbackItems(tenantId: string, ids: string[]): Promise<FeedbackItem[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.store.all<FeedbackItem>('feedback', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND ARRAY_CONTAINS(@ids, c.id)", { ids });
  }

  /** Writes a document under a new id (an id that named the person) and removes the old one. */
  async move(name: ContainerName, oldId: string, doc: NewDoc<Doc>): Promise<void> {
    await this.store.upsert(name, doc);
    await this.store.delete(name, doc.tenantId, oldId);
  }

  update<T extends Doc>(name: ContainerName, tenantId: string, id: string, mutate: (current: T) => T | undefined): Promise<T | undefined> {
    return this.store.update<T>(name, tenantId, id, mutate);
  }

  remove(name: ContainerName, tenantId: string, id: string): Promise<boolean> {
    return this.store.delete(name, tenantId, id);
  }

  // -----------------------------------------------------------------------------------------
  // Offboarding: a conversation the app was removed from

  async team(tenantId: string, teamId: string): Promise<Team | undefined> {
    const doc = await this.store.read<Team>('directory', tenantId, teamId);
    return doc?.type === 'team' ? doc : undefined;
  }

  circlesIn(tenantId: string, teamId: string): Promise<Circle[]> {
    return this.store.all<Circle>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'circle' AND c.teamId = @teamId", { teamId });
  }

  /** Pilots of a team, and the check-in rhythms of circles living in its conversation. */
  pilotsOf(tenantId: string, teamId: string, circleIds: string[]): Promise<Pilot[]> {
    return this.store.all<Pilot>('pilots', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND (c.teamId = @teamId OR ARRAY_CONTAINS(@circleIds, c.circleId))", { teamId, circleIds });
  }

  openRoundsOf(tenantId: string, pilotIds: string[]): Promise<Round[]> {
    if (!pilotIds.length) return Promise.resolve([]);
    return this.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'open' AND ARRAY_CONTAINS(@pilotIds, c.pilotId)", { pilotIds });
  }

  /** Messages not sent yet. */
  unsent(tenantId: string): Promise<OutboxItem[]> {
    return this.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND (c.status = 'pending' OR c.status = 'sending')");
  }
}
