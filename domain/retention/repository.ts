import type { Store } from '../ports/store';
import type { TenantSettings } from '../directory/model';
import { RETENTION_KINDS, retentionCountsSql, typesOf, type RetentionKind } from './policy';

/**
 * Every store call retention makes: the tenant's chosen periods (on its settings document), the
 * ids of records past their period, and their deletion. Always within the one tenant's partition.
 */
export class RetentionRepository {
  constructor(private readonly store: Store) {}

  async stored(tenantId: string): Promise<TenantSettings['retention']> {
    return (await this.store.read<TenantSettings>('directory', tenantId, 'settings'))?.retention;
  }

  /** Saves the tenant's periods (the settings document exists: the caller is signed in to it). */
  async save(tenantId: string, retention: NonNullable<TenantSettings['retention']>): Promise<void> {
    await this.store.update<TenantSettings>('directory', tenantId, 'settings', (s) => (JSON.stringify(s.retention ?? {}) === JSON.stringify(retention) ? undefined : { ...s, retention }));
  }

  /** Up to `limit` records of a kind whose retention started before `before`, oldest first. */
  async expired(tenantId: string, kind: RetentionKind, before: string, limit: number): Promise<{ id: string; tenantId: string }[]> {
    const { container, from } = RETENTION_KINDS[kind];
    const state = retentionCountsSql(kind);
    const sql = `SELECT TOP ${Math.max(1, Math.floor(limit))} c.id, c.tenantId FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@types, c.type)${state ? ` AND ${state}` : ''} AND c.${from} < @before ORDER BY c.${from}`;
    return (await this.store.query<{ id: string; tenantId: string }>(container, tenantId, sql, { types: typesOf(kind), before })).items;
  }

  /**
   * Deletes one record in the tenant's partition. An item's contact link goes first, so a failure
   * in between leaves the item to be found (and its link retried) on the next pass, never an orphan.
   */
  async remove(tenantId: string, kind: RetentionKind, id: string): Promise<void> {
    if (kind === 'feedback') await this.store.delete('contacts', tenantId, `contact:${id}`);
    await this.store.delete(RETENTION_KINDS[kind].container, tenantId, id);
  }

  /** How many records of a kind the tenant holds (operators and tests read it). */
  async count(tenantId: string, kind: RetentionKind): Promise<number> {
    const { container } = RETENTION_KINDS[kind];
    const [n] = await this.store.all<number>(container, tenantId, 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@types, c.type)', { types: typesOf(kind) });
    return n ?? 0;
  }
}
