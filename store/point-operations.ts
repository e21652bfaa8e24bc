import type { Container, JSONObject, OperationInput, OperationResponse } from '@azure/cosmos';
import type { Doc, NewDoc } from '../domain/ports/store';
import { NaturalBatches } from './batching';

/**
 * The point operations (one document, named by id and tenant): a caller's record, an answer, an
 * outbox item's claim and its sent mark. `replace` only if nobody changed it since `etag`.
 */
export type PointOp =
  | { kind: 'read'; tenantId: string; id: string }
  | { kind: 'upsert'; doc: NewDoc<Doc> }
  | { kind: 'create'; doc: NewDoc<Doc> }
  | { kind: 'replace'; doc: Doc; etag: string };

/**
 * Ids the SDK refuses before a single call (not a string; '/', '\\' or '#'). A bulk call does not
 * check them (and the embedded store stores them), so such operations go alone and meet the same
 * refusal either way.
 */
const goesAlone = (op: PointOp): boolean => {
  const id: unknown = op.kind === 'read' ? op.id : op.doc.id;
  return typeof id !== 'string' || /[/\\#]/.test(id);
};

/** Statuses an operation inside a bulk call can get that its own call would have retried. */
const RETRY_ALONE = new Set([408, 410, 429, 449, 500, 503]);

/**
 * Point operations on one container. Alone they are the SDK's single calls; when several
 * are under way at once they go as one bulk call (store/batching.ts). One point read through the
 * SDK costs the app ≈ 0.45–0.55 ms of CPU (and the store ≈ 0.25 ms); in a bulk of 50 ≈ 0.03–0.06 ms
 * each (bench/README.md). A bulk call is not a transaction: every operation has its own outcome,
 * which its caller gets as if it had gone alone. Operations the bulk call could not do (throttled,
 * timed out) go again alone, through the SDK's retry policy. Failures carry the HTTP status as
 * `code` either way (404 absent, 409 exists, 412 changed), as the SDK's own errors do.
 */
function bulkInput(op: PointOp): OperationInput {
  const body = (doc: NewDoc<Doc>) => doc as unknown as JSONObject;
  switch (op.kind) {
    case 'read':
      return { operationType: 'Read', id: op.id, partitionKey: op.tenantId };
    case 'upsert':
      return { operationType: 'Upsert', partitionKey: op.doc.tenantId, resourceBody: body(op.doc) };
    case 'create':
      return { operationType: 'Create', partitionKey: op.doc.tenantId, resourceBody: body(op.doc) };
    case 'replace':
      return { operationType: 'Replace', id: op.doc.id, partitionKey: op.doc.tenantId, resourceBody: body(op.doc), ifMatch: op.etag };
  }
}

const settledValue = <T>(s: PromiseSettledResult<T>): Promise<T> => (s.status === 'fulfilled' ? Promise.resolve(s.value) : Promise.reject(s.reason));

export class PointOperations {
  private readonly batches: NaturalBatches<PointOp, Doc | undefined>;

  constructor(
    private readonly container: Container,
    /** Told how many operations each bulk call carried (the store's metrics). */
    private readonly onGrouped: (operations: number) => void = () => undefined,
  ) {
    this.batches = new NaturalBatches({ one: (op) => this.alone(op), many: (ops) => this.together(ops) });
  }

  read<T extends Doc>(tenantId: string, id: string): Promise<T | undefined> {
    return this.batches.run({ kind: 'read', tenantId, id }) as Promise<T | undefined>;
  }

  upsert<T extends Doc>(doc: NewDoc<T>): Promise<T> {
    return this.batches.run({ kind: 'upsert', doc }) as Promise<T>;
  }

  create<T extends Doc>(doc: NewDoc<T>): Promise<T> {
    return this.batches.run({ kind: 'create', doc }) as Promise<T>;
  }

  replace<T extends Doc>(doc: T, etag: string): Promise<T> {
    return this.batches.run({ kind: 'replace', doc, etag }) as Promise<T>;
  }

  private async alone(op: PointOp): Promise<Doc | undefined> {
    if (op.kind === 'upsert') return (await this.container.items.upsert<NewDoc<Doc>>(op.doc)).resource as Doc;
    if (op.kind === 'create') return (await this.container.items.create<NewDoc<Doc>>(op.doc)).resource as Doc;
    if (op.kind === 'replace') return (await this.container.item(op.doc.id, op.doc.tenantId).replace<Doc>(op.doc, { accessCondition: { type: 'IfMatch', condition: op.etag } })).resource;
    try {
      const { resource } = await this.container.item(op.id, op.tenantId).read<Doc>();
      return resource && resource.tenantId === op.tenantId ? resource : undefined;
    } catch (err) {
      if ((err as { code?: unknown }).code === 404) return undefined;
      throw err;
    }
  }

  private async together(all: PointOp[]): Promise<PromiseSettledResult<Doc | undefined>[]> {
    const ops = all.filter((op) => !goesAlone(op));
    if (ops.length < all.length) {
      const grouped = ops.length ? await this.together(ops) : [];
      return Promise.allSettled(all.map((op) => (goesAlone(op) ? this.alone(op) : settledValue(grouped[ops.indexOf(op)]))));
    }
    const responses = await this.container.items.bulk(ops.map(bulkInput));
    this.onGrouped(ops.length);
    return Promise.allSettled(ops.map((op, i) => this.outcome(op, responses[i])));
  }

  /** What one operation of a bulk call came to, as its own call would have answered. */
  private async outcome(op: PointOp, response: OperationResponse | undefined): Promise<Doc | undefined> {
    const status = response?.statusCode ?? 0;
    if (!response || RETRY_ALONE.has(status)) return this.alone(op);
    if (op.kind === 'read') {
      if (status === 404) return undefined;
      const doc = response.resourceBody as unknown as Doc | undefined;
      if (status < 300) return doc && doc.tenantId === op.tenantId ? doc : undefined;
    } else if (status < 300) {
      return response.resourceBody as unknown as Doc;
    }
    throw Object.assign(new Error(`${op.kind} failed with ${status}`), { code: status });
  }
}
