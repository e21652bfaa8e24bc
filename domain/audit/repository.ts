import type { NewDoc, Store } from '../ports/store';
import type { AuditEntry } from './model';

/** The `audit` container: entries are created and read, nothing else (no update, no delete). */
export class AuditRepository {
  constructor(private readonly store: Store) {}

  append(entry: NewDoc<AuditEntry>): Promise<AuditEntry> {
    return this.store.create<AuditEntry>('audit', entry);
  }

  /** Newest first, a page at a time. */
  page(tenantId: string, pageSize: number, continuation?: string): Promise<{ items: AuditEntry[]; continuation?: string }> {
    return this.store.query<AuditEntry>('audit', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'audit' ORDER BY c.at DESC", {}, { pageSize, continuation });
  }
}
