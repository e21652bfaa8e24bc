import type { ContainerName, Doc, NewDoc, Page, QueryOptions, Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { kindOf, RETENTION_KIND_NAMES, RETENTION_KINDS, stamped, type RetentionPolicy } from './policy';

/** Containers holding a kind kept for a limited time (writes elsewhere pass straight through). */
const RETAINED_CONTAINERS = new Set<ContainerName>(RETENTION_KIND_NAMES.map((k) => RETENTION_KINDS[k].container));

/** A tenant's retention policy, as of now (cached briefly: it is read on every retained write). */
export interface PolicyOf {
  of(tenantId: string): Promise<RetentionPolicy>;
}

/**
 * The store as the domain writes through it: every document of a retained kind is written with
 * its `ttl` (and start of retention) from the tenant's policy, so no component has to remember
 * to. Reads and queries pass straight through.
 */
export class RetentionStamping implements Store {
  constructor(
    private readonly inner: Store,
    private readonly policies: PolicyOf,
    private readonly clock: Clock,
  ) {}

  private async stamp<T extends Doc>(name: ContainerName, doc: T): Promise<T> {
    if (!kindOf(name, doc)) return doc;
    return stamped(name, doc, await this.policies.of(doc.tenantId), this.clock.now());
  }

  read<T extends Doc>(name: ContainerName, tenantId: string, id: string): Promise<T | undefined> {
    return this.inner.read<T>(name, tenantId, id);
  }

  async create<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T> {
    return this.inner.create<T>(name, await this.stamp(name, doc as T));
  }

  async createOnce<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<{ doc: T; created: boolean }> {
    return this.inner.createOnce<T>(name, await this.stamp(name, doc as T));
  }

  async upsert<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T> {
    return this.inner.upsert<T>(name, await this.stamp(name, doc as T));
  }

  async replaceIfMatch<T extends Doc>(name: ContainerName, doc: T, etag: string): Promise<T> {
    return this.inner.replaceIfMatch<T>(name, await this.stamp(name, doc), etag);
  }

  async update<T extends Doc>(name: ContainerName, tenantId: string, id: string, mutate: (current: T) => T | undefined, attempts?: number): Promise<T | undefined> {
    if (!RETAINED_CONTAINERS.has(name)) return this.inner.update<T>(name, tenantId, id, mutate, attempts);
    // The policy is read before the read-modify-write: `mutate` runs synchronously inside it.
    const policy = await this.policies.of(tenantId);
    const now = this.clock.now();
    return this.inner.update<T>(name, tenantId, id, (current) => {
      const next = mutate(current);
      return next && kindOf(name, next) ? stamped(name, next, policy, now) : next;
    }, attempts);
  }

  delete(name: ContainerName, tenantId: string, id: string): Promise<boolean> {
    return this.inner.delete(name, tenantId, id);
  }

  query<T>(name: ContainerName, tenantId: string, sql: string, params?: Record<string, unknown>, opts?: QueryOptions): Promise<Page<T>> {
    return this.inner.query<T>(name, tenantId, sql, params, opts);
  }

  all<T>(name: ContainerName, tenantId: string, sql: string, params?: Record<string, unknown>): Promise<T[]> {
    return this.inner.all<T>(name, tenantId, sql, params);
  }

  async bulkCreate(name: ContainerName, docs: NewDoc<Doc>[]): Promise<void> {
    return this.inner.bulkCreate(name, await Promise.all(docs.map((d) => this.stamp(name, d as Doc))));
  }

  async bulkCreateOnce(name: ContainerName, docs: NewDoc<Doc>[]): Promise<string[]> {
    return this.inner.bulkCreateOnce(name, await Promise.all(docs.map((d) => this.stamp(name, d as Doc))));
  }
}
