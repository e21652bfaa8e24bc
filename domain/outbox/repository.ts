import { StoreConflict, StoreNotFound, type Doc, type NewDoc, type Store } from '../ports/store';
import type { Contact } from '../feedback/model';
import { SENDING_LEASE_ID, type OutboxItem, type SendingLease } from './model';

/** outbox: `activity:<id>`, an incoming Teams activity already handled. */
interface ProcessedActivity extends Doc {
  type: 'processed-activity';
  at: string;
}

const activityDocId = (activityId: string) => `activity:${activityId.slice(0, 200)}`;

/**
 * Where the outbox is kept (the `outbox` container): queued messages and the ids of activities
 * already handled. Also the one reader of the `contacts` container (see Outbox.contactUserId).
 */
export class OutboxRepository {
  constructor(private readonly store: Store) {}

  /** Queues a message unless one with its id is already there, and says which happened. */
  async addOnce(item: NewDoc<OutboxItem>): Promise<boolean> {
    return (await this.store.createOnce<OutboxItem>('outbox', item)).created;
  }

  find(tenantId: string, id: string): Promise<OutboxItem | undefined> {
    return this.store.read<OutboxItem>('outbox', tenantId, id);
  }

  /** Up to `limit` messages due at `now`: pending ones, and sends whose lease has expired; oldest first. */
  due(tenantId: string, now: string, limit: number): Promise<OutboxItem[]> {
    return this.store.all<OutboxItem>(
      'outbox',
      tenantId,
      `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND ((c.status = 'pending' AND c.notBefore <= @now) OR (c.status = 'sending' AND c.leaseUntil <= @now)) ORDER BY c.notBefore`,
      { now },
    );
  }

  /** Saves a change made on the version read with `etag` (throws if someone changed it since). */
  replace(item: OutboxItem, etag: string): Promise<OutboxItem> {
    return this.store.replaceIfMatch('outbox', item, etag);
  }

  update(tenantId: string, id: string, mutate: (current: OutboxItem) => OutboxItem | undefined): Promise<OutboxItem | undefined> {
    return this.store.update<OutboxItem>('outbox', tenantId, id, mutate);
  }

  sendingLease(tenantId: string): Promise<SendingLease | undefined> {
    return this.store.read<SendingLease>('outbox', tenantId, SENDING_LEASE_ID);
  }

  /** The tenant's first sending lease; false when another sender created it first. */
  async createSendingLease(lease: SendingLease): Promise<boolean> {
    return (await this.store.createOnce<SendingLease>('outbox', lease)).created;
  }

  /** Saves the lease over the version read with `etag`; false when someone changed it since. */
  async replaceSendingLease(lease: SendingLease, etag: string): Promise<boolean> {
    try {
      await this.store.replaceIfMatch('outbox', lease, etag);
      return true;
    } catch (err) {
      if (err instanceof StoreConflict || err instanceof StoreNotFound) return false;
      throw err;
    }
  }

  /** Every message's status in a tenant (only the status field is read). */
  async statuses(tenantId: string): Promise<string[]> {
    const rows = await this.store.all<{ status: string }>('outbox', tenantId, "SELECT c.status FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox'");
    return rows.map((r) => r.status);
  }

  /** Messages waiting to be sent or being sent in a tenant (one count query). */
  async depth(tenantId: string): Promise<number> {
    const [n] = await this.store.all<number>('outbox', tenantId, "SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND (c.status = 'pending' OR c.status = 'sending')");
    return n ?? 0;
  }

  /** The user behind an anonymous feedback item's contact link, if there is one. */
  async contactUserId(tenantId: string, feedbackId: string): Promise<string | undefined> {
    return (await this.store.read<Contact>('contacts', tenantId, `contact:${feedbackId}`))?.userId;
  }

  /** Records an activity id as handled; false when it already was. */
  async markActivityHandled(tenantId: string, activityId: string, at: string): Promise<boolean> {
    const { created } = await this.store.createOnce<ProcessedActivity>('outbox', { id: activityDocId(activityId), tenantId, type: 'processed-activity', at });
    return created;
  }

  async forgetActivity(tenantId: string, activityId: string): Promise<void> {
    await this.store.delete('outbox', tenantId, activityDocId(activityId));
  }
}
