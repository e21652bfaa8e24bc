/**
 * The store port: what the domain needs from persistence, and nothing about how it is done.
 * `store/cosmos.ts` implements it with `@azure/cosmos` (Azure Cosmos DB, or the embedded server
 * locally). Every document carries `tenantId`, the partition key; every query names
 * `c.tenantId = @tenantId` and is bound to the caller's tenant by the implementation.
 */

import { DomainError } from '../shared/errors';

/** The containers Leaderful keeps, all partitioned by tenant (see `infra/main.bicep`). */
export const CONTAINERS = ['directory', 'pilots', 'checkins', 'feedback', 'contacts', 'outbox', 'audit'] as const;
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

/**
 * The failures a store may raise. They are domain errors, so every edge already reports them
 * (409, 404, 503 with Retry-After), worded for the reader from their code.
 */
export const CONFLICT_REASONS = {
  /** `create` of an id that already exists. */
  exists: 'store.exists',
  /** `replaceIfMatch` whose ETag no longer matches: someone wrote in between. */
  changed: 'store.changed',
  /** `update` that kept losing the race to other writers. */
  contended: 'store.contended',
} as const;
export type ConflictReason = keyof typeof CONFLICT_REASONS;

/** A write lost to another one: the id exists already, or the document changed since it was read. */
export class StoreConflict extends DomainError {
  constructor(readonly reason: ConflictReason) {
    super('conflict', CONFLICT_REASONS[reason]);
  }
}

/** A replace of a document that is no longer there. */
export class StoreNotFound extends DomainError {
  constructor() {
    super('not_found', 'store.gone');
  }
}

/** The store cannot be reached (network fault, throttling, timeout): worth retrying shortly. */
export class StoreUnavailable extends DomainError {
  constructor() {
    super('unavailable', 'store.unavailable', {}, [], 5); // seconds: the edges send it as Retry-After
  }
}

/** Any method may raise StoreUnavailable; the writes name the other failures they raise. */
export interface Store {
  /** Point read; undefined when absent. */
  read<T extends Doc>(name: ContainerName, tenantId: string, id: string): Promise<T | undefined>;
  /** Creates a document; one with the same id already there is a StoreConflict('exists'). */
  create<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T>;
  /** Creates unless a document with the same id exists, and says which happened (idempotent writes). */
  createOnce<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<{ doc: T; created: boolean }>;
  upsert<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T>;
  /**
   * Replaces only if nobody changed the document since `etag` was read: StoreConflict('changed')
   * otherwise, StoreNotFound when it is gone.
   */
  replaceIfMatch<T extends Doc>(name: ContainerName, doc: T, etag: string): Promise<T>;
  /**
   * Read-modify-write with the ETag, retried on a concurrent change (StoreConflict('contended')
   * when the attempts run out); `mutate` returns undefined to leave it. Undefined when absent.
   */
  update<T extends Doc>(name: ContainerName, tenantId: string, id: string, mutate: (current: T) => T | undefined, attempts?: number): Promise<T | undefined>;
  delete(name: ContainerName, tenantId: string, id: string): Promise<boolean>;
  /** A tenant-scoped query; the SQL must filter `c.tenantId = @tenantId`. */
  query<T>(name: ContainerName, tenantId: string, sql: string, params?: Record<string, unknown>, opts?: QueryOptions): Promise<Page<T>>;
  /** All results of a tenant-scoped query (bounded sets only). */
  all<T>(name: ContainerName, tenantId: string, sql: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Loads many documents at once (demo seed, restore, benchmarks). */
  bulkCreate(name: ContainerName, docs: NewDoc<Doc>[]): Promise<void>;
  /** Creates many new documents at once, leaving any whose id exists alone: the ids of those. */
  bulkCreateOnce(name: ContainerName, docs: NewDoc<Doc>[]): Promise<string[]>;
}
