import { randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import type { AuditEntry } from './model';
import { AuditRepository } from './repository';

/**
 * The append-only record of what admins (and senior leaders deciding projects) changed, and of
 * who took tenant data out (exports). Each entry is written by the domain use case that made the
 * change or the export, never by a face, so the bot, the message extension and the tab API all
 * get it. No route edits or removes one: entries leave only once past the audit log's own
 * retention period (domain/retention: TTL in Azure, the sweeper).
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

  /** Records an export of tenant data (what, in which format, with which filter): who took what out. */
  exported(caller: Caller, what: 'pilots' | 'feedback' | 'audit', format: 'csv' | 'json', filter: Record<string, string | number | undefined> = {}): Promise<AuditEntry> {
    const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>;
    return this.record(caller, { action: 'data.exported', target: { kind: 'export', name: what }, after: { format, ...defined } });
  }

  list(tenantId: string, pageSize: number, continuation?: string): Promise<{ items: AuditEntry[]; continuation?: string }> {
    return this.repo.page(tenantId, pageSize, continuation);
  }

  /** The whole log, newest first, a page at a time (exports of a large log hold one page in memory). */
  async *pages(tenantId: string, pageSize = 500): AsyncGenerator<AuditEntry[]> {
    let continuation: string | undefined;
    do {
      const page = await this.repo.page(tenantId, pageSize, continuation);
      if (page.items.length) yield page.items;
      continuation = page.continuation;
    } while (continuation);
  }
}
