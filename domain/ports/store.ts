/**
 * The store port: what the domain needs from persistence, and nothing about how it is done.
 * `store/cosmos.ts` implements it with `@azure/cosmos` (Azure Cosmos DB, or the embedded server
 * locally). Every document carries `tenantId`, the partition key; every query names
 * `c.tenantId = @tenantId` and is bound to the caller's tenant by the implementation.
 */

/** The containers Leaderful keeps, all partitioned by tenant (see `infra/main.bicep`). */
export const CONTAINERS = ['directory', 'pilots', 'checkins', 'feedback', 'contacts', 'outbox'] as const;
export type ContainerName = (typeof CONTAINERS)[number];
export const PARTITION_KEY_PATH = '/tenantId';

export interface Doc {
  id: string;
  tenantId: string;
  type: string;
  _etag?: string;
  _ts?: number;
}

export type NewDoc<T extends Doc> = Omit<T, '_etag' | '_ts'>;

export interface Page<T> {
  items: T[];
  continuation?: string;
}

export interface QueryOptions {
  pageSize?: number;
  continuation?: string;
  limit?: number;
}

export interface Store {
  /** Point read; undefined when absent. */
  read<T extends Doc>(name: ContainerName, tenantId: string, id: string): Promise<T | undefined>;
  /** Creates a document; one with the same id already there is a conflict. */
  create<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T>;
  /** Creates unless a document with the same id exists, and says which happened (idempotent writes). */
  createOnce<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<{ doc: T; created: boolean }>;
  upsert<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T>;
  /** Replaces only if nobody changed the document since `etag` was read. */
  replaceIfMatch<T extends Doc>(name: ContainerName, doc: T, etag: string): Promise<T>;
  /** Read-modify-write with the ETag, retried on a concurrent change; `mutate` returns undefined to leave it. */
  update<T extends Doc>(name: ContainerName, tenantId: string, id: string, mutate: (current: T) => T | undefined, attempts?: number): Promise<T | undefined>;
  delete(name: ContainerName, tenantId: string, id: string): Promise<boolean>;
  /** A tenant-scoped query; the SQL must filter `c.tenantId = @tenantId`. */
  query<T>(name: ContainerName, tenantId: string, sql: string, params?: Record<string, unknown>, opts?: QueryOptions): Promise<Page<T>>;
  /** All results of a tenant-scoped query (bounded sets only). */
  all<T>(name: ContainerName, tenantId: string, sql: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Loads many documents at once (demo seed, restore, benchmarks). */
  bulkCreate(name: ContainerName, docs: NewDoc<Doc>[]): Promise<void>;
}
