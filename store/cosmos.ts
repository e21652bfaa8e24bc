import { CosmosClient, type Container, type Database, type OperationInput } from '@azure/cosmos';
import type { TokenCredential } from '@azure/core-auth';
import {
  CONTAINERS,
  PARTITION_KEY_PATH,
  StoreConflict,
  StoreNotFound,
  StoreUnavailable,
  type ContainerName,
  type Doc,
  type NewDoc,
  type Page,
  type QueryOptions,
  type Store,
} from '../domain/ports/store';
import { PointOperations } from './point-operations';

/**
 * The only data-access code in Leaderful. Everything goes through Cosmos DB's SDK, whether the
 * endpoint is real Azure Cosmos DB or the embedded server started for local work and tests.
 *
 * Rules this module enforces so callers cannot forget them:
 *  - every document carries `tenantId`, the partition key;
 *  - every query names `c.tenantId = @tenantId` in its WHERE clause (the embedded server ignores
 *    the SDK's partitionKey option, so a missing filter would hide tenant leaks in tests);
 *  - shared documents are replaced only with their ETag (optimistic concurrency).
 */

export type { Doc, NewDoc, Page };

export interface StoreOptions {
  endpoint: string;
  database: string;
  key?: string;
  credential?: TokenCredential;
}

const TENANT_FILTER = /\bc\.tenantId\s*=\s*@tenantId\b/;
const UNAVAILABLE_CODES = new Set([408, 429, 449, 500, 502, 503, 504]);

/** Cosmos SDK errors carry `code` (HTTP status) or a Node network code. */
function statusOf(err: unknown): number | string | undefined {
  if (err && typeof err === 'object') {
    const e = err as { code?: number | string; statusCode?: number };
    return e.code ?? e.statusCode;
  }
  return undefined;
}

/** Node's network codes are upper case (ECONNRESET, UND_ERR_SOCKET); a domain refusal's code is not. */
function isNetworkFault(code: number | string | undefined): boolean {
  return (typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code)) || (typeof code === 'number' && UNAVAILABLE_CODES.has(code));
}

/** Translate a storage fault into the port's failure, which the edges already know how to report. */
function unavailable(err: unknown): unknown {
  const code = statusOf(err);
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : '';
  const networkish = code === undefined && (/Abort|Timeout|RestError|FetchError/.test(name) || /ECONN|socket|network|timed? ?out|fetch failed/i.test(message));
  if (networkish || (code !== undefined && isNetworkFault(code))) {
    return new StoreUnavailable();
  }
  return err;
}

export class CosmosStore implements Store {
  private readonly containers = new Map<ContainerName, Container>();
  private readonly pointOps = new Map<ContainerName, PointOperations>();
  /**
   * Documents returned by reads and queries: lets benchmarks show what a request costs. `grouped`:
   * point operations that went in a bulk call with others (point-operations.ts).
   */
  readonly metrics = { documentsRead: 0, operations: 0, grouped: 0 };

  private constructor(
    private readonly client: CosmosClient,
    private readonly db: Database,
  ) {}

  /** Connects, creates the database and containers if missing, and proves the connection works. */
  static async connect(opts: StoreOptions): Promise<CosmosStore> {
    const client = new CosmosClient({
      endpoint: opts.endpoint,
      ...(opts.credential ? { aadCredentials: opts.credential } : { key: opts.key ?? 'local' }),
      connectionPolicy: {
        enableEndpointDiscovery: false,
        requestTimeout: 10_000,
        retryOptions: { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 10 },
      },
    });
    const { database } = await client.databases.createIfNotExists({ id: opts.database });
    const store = new CosmosStore(client, database);
    for (const name of CONTAINERS) {
      const { container } = await database.containers.createIfNotExists({
        id: name,
        partitionKey: { paths: [PARTITION_KEY_PATH] },
      });
      store.containers.set(name, container);
    }
    return store;
  }

  dispose(): void {
    this.client.dispose();
  }

  /** Point operations (read, create, upsert, replace), grouped into bulk calls when several are under way (point-operations.ts). */
  private points(name: ContainerName): PointOperations {
    let ops = this.pointOps.get(name);
    if (!ops) this.pointOps.set(name, (ops = new PointOperations(this.c(name), (n) => (this.metrics.grouped += n))));
    return ops;
  }

  private c(name: ContainerName): Container {
    const container = this.containers.get(name);
    if (!container) throw new Error(`Unknown container ${name}`);
    return container;
  }

  private async guard<R>(work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (err) {
      throw unavailable(err);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.db.read();
      return true;
    } catch {
      return false;
    }
  }

  /** Point read: the cheapest operation Cosmos has. Undefined when absent. */
  async read<T extends Doc>(name: ContainerName, tenantId: string, id: string): Promise<T | undefined> {
    return this.guard(async () => {
      this.metrics.operations++;
      const doc = await this.points(name).read<T>(tenantId, id);
      if (doc) this.metrics.documentsRead++;
      return doc;
    });
  }

  /** Creates a document; a document with the same id is a conflict. */
  async create<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T> {
    const result = await this.createOnce(name, doc);
    if (!result.created) throw new StoreConflict('exists');
    return result.doc;
  }

  /**
   * Creates a document unless one with the same id exists, and says which happened. This is how
   * retried deliveries stay idempotent: derive the id from the request, then createOnce.
   */
  async createOnce<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<{ doc: T; created: boolean }> {
    return this.guard(async () => {
      try {
        return { doc: await this.points(name).create<T>(doc), created: true };
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
        const existing = await this.read<T>(name, doc.tenantId, doc.id);
        if (!existing) throw err;
        return { doc: existing, created: false };
      }
    });
  }

  async upsert<T extends Doc>(name: ContainerName, doc: NewDoc<T>): Promise<T> {
    return this.guard(() => this.points(name).upsert<T>(doc));
  }

  /** Replaces only if nobody changed the document since `etag` was read. */
  async replaceIfMatch<T extends Doc>(name: ContainerName, doc: T, etag: string): Promise<T> {
    return this.guard(async () => {
      try {
        return await this.points(name).replace<T>(doc, etag);
      } catch (err) {
        if (statusOf(err) === 412) throw new StoreConflict('changed');
        if (statusOf(err) === 404) throw new StoreNotFound();
        throw err;
      }
    });
  }

  /**
   * Read-modify-write with the ETag, retried when another writer got there first. `mutate` gets a
   * fresh copy each attempt and returns the new document, or undefined to leave it unchanged.
   */
  async update<T extends Doc>(
    name: ContainerName,
    tenantId: string,
    id: string,
    mutate: (current: T) => T | undefined,
    attempts = 6,
  ): Promise<T | undefined> {
    for (let i = 0; i < attempts; i++) {
      const current = await this.read<T>(name, tenantId, id);
      if (!current) return undefined;
      const next = mutate(structuredClone(current));
      if (!next) return current;
      try {
        return await this.replaceIfMatch(name, { ...next, id, tenantId }, current._etag ?? '');
      } catch (err) {
        if (err instanceof StoreConflict && i < attempts - 1) continue;
        throw err;
      }
    }
    throw new StoreConflict('contended');
  }

  async delete(name: ContainerName, tenantId: string, id: string): Promise<boolean> {
    return this.guard(async () => {
      try {
        await this.c(name).item(id, tenantId).delete();
        return true;
      } catch (err) {
        if (statusOf(err) === 404) return false;
        throw err;
      }
    });
  }

  /**
   * A tenant-scoped query. The SQL must filter `c.tenantId = @tenantId`; the parameter is bound
   * here from the caller's tenant so a query can never name another tenant's id by mistake.
   */
  async query<T>(
    name: ContainerName,
    tenantId: string,
    sql: string,
    params: Record<string, unknown> = {},
    opts: QueryOptions = {},
  ): Promise<Page<T>> {
    if (!TENANT_FILTER.test(sql)) throw new Error(`Query without tenant filter refused: ${sql}`);
    const parameters = Object.entries({ ...params, tenantId }).map(([k, v]) => ({
      name: `@${k}`,
      value: v as string,
    }));
    return this.guard(async () => {
      const iterator = this.c(name).items.query<T>(
        { query: sql, parameters },
        // Each page is a round trip (1,008 ids: 16 ms in pages of 200, 5 ms in one), and the query
        // runs again for each: whole results come in as few pages as the service will send (-1:
        // its own page size, up to 4 MB); a limited one in pages of up to 1,000.
        { partitionKey: tenantId, maxItemCount: opts.pageSize ?? (opts.limit ? Math.min(opts.limit, 1000) : -1), continuationToken: opts.continuation },
      );
      this.metrics.operations++;
      if (opts.pageSize && !opts.limit) {
        const page = await iterator.fetchNext();
        this.metrics.documentsRead += page.resources.length;
        return { items: page.resources, continuation: page.continuationToken || undefined };
      }
      const items: T[] = [];
      const limit = opts.limit ?? Number.POSITIVE_INFINITY;
      while (iterator.hasMoreResults() && items.length < limit) {
        const page = await iterator.fetchNext();
        this.metrics.documentsRead += page.resources.length;
        items.push(...page.resources);
      }
      return { items: items.slice(0, limit) };
    });
  }

  /** All results of a tenant-scoped query (use for bounded sets only). */
  async all<T>(name: ContainerName, tenantId: string, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return (await this.query<T>(name, tenantId, sql, params)).items;
  }

  /** Loads many new documents at once (demo seed, benchmarks). */
  async bulkCreate(name: ContainerName, docs: NewDoc<Doc>[]): Promise<void> {
    await this.guard(async () => {
      for (let i = 0; i < docs.length; i += 100) {
        const ops = docs.slice(i, i + 100).map(
          (d) => ({ operationType: 'Upsert', partitionKey: d.tenantId, resourceBody: d }) as unknown as OperationInput,
        );
        const results = await this.c(name).items.bulk(ops);
        const failed = results.find((r) => r.statusCode >= 400);
        if (failed) throw Object.assign(new Error(`bulk write failed with ${failed.statusCode}`), { code: failed.statusCode });
      }
    });
  }

  /** Creates many new documents at once; those whose id exists already are left as they are and named. */
  async bulkCreateOnce(name: ContainerName, docs: NewDoc<Doc>[]): Promise<string[]> {
    return this.guard(async () => {
      const existing: string[] = [];
      for (let i = 0; i < docs.length; i += 100) {
        const batch = docs.slice(i, i + 100);
        const ops = batch.map((d) => ({ operationType: 'Create', partitionKey: d.tenantId, resourceBody: d }) as unknown as OperationInput);
        const results = await this.c(name).items.bulk(ops);
        results.forEach((r, j) => {
          if (r.statusCode === 409) existing.push(batch[j].id);
          else if (r.statusCode >= 400) throw Object.assign(new Error(`bulk create failed with ${r.statusCode}`), { code: r.statusCode });
        });
        this.metrics.operations += batch.length;
      }
      return existing;
    });
  }

  /**
   * Every document of one container, across tenants. Only tests use it (to prove what is stored):
   * the app itself never reads across tenants.
   */
  async dumpContainer(name: ContainerName): Promise<Doc[]> {
    const { resources } = await this.c(name).items.readAll<Doc>({ maxItemCount: 5000 }).fetchAll();
    return resources;
  }
}
