/**
 * Point reads and upserts that are under way together go as one bulk call (store/batching.ts,
 * store/point-operations.ts). What a caller gets must not depend on whether its operation went
 * alone or with others: its own document, absent when absent or in another tenant, the same
 * refusal for a bad id, and a throttled operation inside a bulk call done after all.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosStore } from '../store/cosmos';
import { NaturalBatches } from '../store/batching';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../store/embedded';
import { StoreConflict, StoreNotFound, type Doc } from '../domain/ports/store';

describe('natural batches', () => {
  /** A runner whose calls the test finishes by hand, to see what goes together. */
  function manualRunner() {
    const calls: { inputs: number[]; finish(): void }[] = [];
    const runner = {
      one: (input: number) => new Promise<number>((resolve) => calls.push({ inputs: [input], finish: () => resolve(input * 10) })),
      many: (inputs: number[]) =>
        new Promise<PromiseSettledResult<number>[]>((resolve) =>
          calls.push({
            inputs,
            finish: () => resolve(inputs.map((i) => (i === 13 ? { status: 'rejected', reason: new Error('unlucky') } : { status: 'fulfilled', value: i * 10 }))),
          }),
        ),
    };
    return { calls, runner };
  }

  it('sends alone while few are under way, then groups what waited, each with its own outcome', async () => {
    const { calls, runner } = manualRunner();
    const batches = new NaturalBatches(runner, 2, 3);
    const results = [1, 2, 3, 4, 5, 13, 7].map((n) => batches.run(n).then((v) => v, (e: Error) => e.message));
    // Two go at once and alone; the others wait for room.
    expect(calls.map((c) => c.inputs)).toEqual([[1], [2]]);
    calls[0].finish();
    await new Promise((r) => setImmediate(r));
    // Room for one call: the next three waiting (the group's limit) leave together.
    expect(calls.map((c) => c.inputs)).toEqual([[1], [2], [3, 4, 5]]);
    calls[1].finish();
    await new Promise((r) => setImmediate(r));
    expect(calls.map((c) => c.inputs)).toEqual([[1], [2], [3, 4, 5], [13, 7]]);
    calls[2].finish();
    calls[3].finish();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 'unlucky', 70]);
  });

  it('a group that fails as a whole fails each of its callers, and the next ones still go', async () => {
    const batches = new NaturalBatches<number, number>(
      {
        one: async (n) => n,
        many: async () => {
          throw new Error('store unreachable');
        },
      },
      1,
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batches.run(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await batches.run(4)).toBe(4);
  });
});

describe('point reads and upserts through the embedded store', () => {
  let embedded: EmbeddedCosmos;
  let store: CosmosStore;
  const doc = (tenantId: string, i: number): Doc => ({ id: `answer:${i}`, tenantId, type: 'answer', values: { confidence: (i % 5) + 1 } }) as Doc;

  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    store = await CosmosStore.connect({ endpoint: embedded.endpoint, database: 'batching' });
  });
  afterAll(async () => {
    store.dispose();
    await embedded.stop();
  });

  it('gives every caller its own document, whichever way it went', async () => {
    const tenants = ['tenant-a', 'tenant-b'];
    const grouped = store.metrics.grouped;
    const written = await Promise.all(Array.from({ length: 300 }, (_, i) => store.upsert('checkins', doc(tenants[i % 2], i))));
    expect(written.map((d) => [d.tenantId, d.id, (d as unknown as { values: unknown }).values])).toEqual(
      Array.from({ length: 300 }, (_, i) => [tenants[i % 2], `answer:${i}`, { confidence: (i % 5) + 1 }]),
    );
    expect(written.every((d) => typeof d._etag === 'string')).toBe(true);
    const read = await Promise.all(Array.from({ length: 300 }, (_, i) => store.read('checkins', tenants[i % 2], `answer:${i}`)));
    expect(read.map((d) => d?.id)).toEqual(written.map((d) => d.id));
    // Another tenant's id, or an id nobody wrote: absent, as a single read says.
    const foreign = await Promise.all(Array.from({ length: 60 }, (_, i) => store.read('checkins', tenants[(i + 1) % 2], `answer:${i}`)));
    const missing = await Promise.all(Array.from({ length: 60 }, (_, i) => store.read('checkins', 'tenant-a', `answer:none-${i}`)));
    expect([...foreign, ...missing].filter(Boolean)).toEqual([]);
    // Most of them went together (the first few of each burst go alone).
    expect(store.metrics.grouped - grouped).toBeGreaterThan(500);
  });

  it('keeps create-once and replace-if-unchanged exact when they go together', async () => {
    // Twenty callers create the same document at once: one creates it, the others are told it exists.
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => store.createOnce('outbox', { id: 'item:1', tenantId: 'tenant-a', type: 'outbox', by: i } as Doc)));
    expect(created.filter((c) => c.created)).toHaveLength(1);
    expect(new Set(created.map((c) => (c.doc as unknown as { by: number }).by))).toEqual(new Set([(created.find((c) => c.created)!.doc as unknown as { by: number }).by]));
    // Twenty callers claim it with the ETag they read: one wins, the others are refused as changed.
    const current = (await store.read('outbox', 'tenant-a', 'item:1'))!;
    const claims = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.replaceIfMatch('outbox', { ...current, claimedBy: i }, current._etag!)));
    const won = claims.filter((c) => c.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(claims.filter((c) => c.status === 'rejected').map((c) => (c as PromiseRejectedResult).reason instanceof StoreConflict)).toEqual(Array(19).fill(true));
    const stored = (await store.read('outbox', 'tenant-a', 'item:1')) as unknown as { claimedBy: number };
    expect(stored.claimedBy).toBe(((won[0] as PromiseFulfilledResult<Doc>).value as unknown as { claimedBy: number }).claimedBy);
    // Replacing a document nobody created: not found, alone or together.
    const absent = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.replaceIfMatch('outbox', { id: `item:none-${i}`, tenantId: 'tenant-a', type: 'outbox' } as Doc, '"x"')));
    expect(absent.map((c) => c.status === 'rejected' && c.reason instanceof StoreNotFound)).toEqual(Array(10).fill(true));
  });

  it('refuses a bad id as a single call does, and only that one', async () => {
    const bad = { id: 'answer/1', tenantId: 'tenant-a', type: 'answer' } as Doc;
    const alone = await store.upsert('checkins', bad).catch((e: { message?: string }) => e.message);
    const together = await Promise.allSettled([...Array.from({ length: 9 }, (_, i) => doc('tenant-a', 1000 + i)), bad, doc('tenant-a', 2000)].map((d) => store.upsert('checkins', d)));
    expect(alone).toMatch(/illegal chars/);
    expect(together.map((r) => (r.status === 'fulfilled' ? 'stored' : (r.reason as Error).message))).toEqual([...Array(9).fill('stored'), alone, 'stored']);
  });
});

describe('a throttled operation inside a bulk call', () => {
  let embedded: EmbeddedCosmos;
  let proxy: http.Server;
  let store: CosmosStore;
  let throttled = 0;

  /**
   * Between the SDK and the store, a proxy that answers the first operation of every bulk call
   * with 429, as Cosmos DB does when a partition runs out of request units mid-batch.
   */
  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    const target = new URL(embedded.endpoint);
    proxy = http.createServer((req, res) => {
      const isBatch = String(req.headers['x-ms-cosmos-is-batch-request'] ?? '').toLowerCase() === 'true';
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          if (isBatch && answer.statusCode && answer.statusCode < 300) {
            const results = JSON.parse(body.toString('utf8')) as { statusCode: number; resourceBody?: unknown; retryAfterMilliseconds?: number }[];
            results[0] = { statusCode: 429, retryAfterMilliseconds: 5 };
            throttled++;
            body = Buffer.from(JSON.stringify(results));
          }
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 500, headers);
          res.end(body);
        });
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    store = await CosmosStore.connect({ endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`, database: 'throttled' });
  });
  afterAll(async () => {
    store.dispose();
    await new Promise((r) => proxy.close(r));
    await embedded.stop();
  });

  it('is done after all, alone, and its caller never knows', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({ id: `answer:${i}`, tenantId: 'tenant-a', type: 'answer', n: i }) as Doc);
    const written = await Promise.all(docs.map((d) => store.upsert('checkins', d)));
    expect(throttled).toBeGreaterThan(0);
    expect(written.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    const read = await Promise.all(docs.map((d) => store.read('checkins', 'tenant-a', d.id)));
    expect(read.map((d) => (d as unknown as { n: number } | undefined)?.n)).toEqual(docs.map((_, i) => i));
  });
});
