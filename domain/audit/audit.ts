import { randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import type { AuditEntry } from './model';
import { AuditRepository } from './repository';

/**
 * The append-only record of what admins changed. Each change writes one entry after it is made;
 * there is no way to edit or remove one (retention is a later policy's job, not a route's).
 */
export class AuditLog {
  private readonly repo: AuditRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new AuditRepository(store);
  }

  record(caller: Caller, entry: Pick<AuditEntry, 'action' | 'target' | 'before' | 'after'>): Promise<AuditEntry> {
    const at = this.clock.now().toISOString();
    return this.repo.append({
      id: `audit:${at}:${randomUUID().slice(0, 8)}`,
      tenantId: caller.tenantId,
      type: 'audit',
      at,
      actor: { userId: caller.userId, name: caller.name },
      ...entry,
    });
  }

  list(tenantId: string, pageSize: number, continuation?: string): Promise<{ items: AuditEntry[]; continuation?: string }> {
    return this.repo.page(tenantId, pageSize, continuation);
  }
}
