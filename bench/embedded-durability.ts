/**
 * What the embedded store's durability costs.   npm run build && node bench/run.mjs embedded-durability
 *
 * 1. Acknowledged writes/s with the journal (every write on disk before it is answered) and
 *    without (memory only), measured in the same run in alternating rounds so that the machine's
 *    load hits both alike, at several numbers of concurrent writers:
 *      store: document upserts through @azure/cosmos straight to the embedded store's process;
 *      app:   PUT /api/me/preferences (SSO-verified, a read and a write) through the built app.
 * 2. Start-up with 100,000 documents in the snapshot and 10,000 entries in the journal after it:
 *    the store's process alone (spawn to serving) and the whole app (spawn to "Leaderful is running").
 *
 * The load comes from this process; the store and the app run in their own processes.
 * Options: BENCH_SECONDS (per round, default 4), BENCH_ROUNDS (3), BENCH_WRITERS (1,16,64),
 * BENCH_DOCS (100000), BENCH_JOURNAL (10000), BENCH_PART (writes|startup|all).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Doc } from '../domain/ports/store';
import { CosmosStore } from '../store/cosmos';
import { embeddedStoreDir, startEmbeddedCosmos, type EmbeddedCosmos } from '../store/embedded';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { TEST_APP_CLIENT_ID, TestIdentityProvider } from '../support/identity-provider';
import { percentile } from './lib/clock';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,16,64').split(',').map(Number);
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const JOURNAL = Number(process.env.BENCH_JOURNAL ?? 10_000);
const PART = process.env.BENCH_PART ?? 'all';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Round {
  perSecond: number;
  p50: number;
}

/** `writers` closed loops calling `write` for SECONDS; acknowledged writes per second and the median latency. */
async function round(writers: number, write: (writer: number, i: number) => Promise<boolean>): Promise<Round> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + SECONDS * 1000;
  let failed = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < until; i++) {
        const t0 = performance.now();
        if (await write(w, i)) latencies.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  if (failed) throw new Error(`${failed} writes failed`);
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), p50: percentile(latencies.sort((a, b) => a - b), 50) };
}

/** Alternates with/without for ROUNDS rounds at each number of writers and prints medians and the ratio. */
async function compare(label: string, journaled: (w: number, i: number) => Promise<boolean>, memory: (w: number, i: number) => Promise<boolean>) {
  await round(4, journaled); // warm-up: connections, caches, JIT
  await round(4, memory);
  for (const writers of WRITERS) {
    const on: Round[] = [];
    const off: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      on.push(await round(writers, journaled));
      off.push(await round(writers, memory));
    }
    const [a, b] = [median(on.map((x) => x.perSecond)), median(off.map((x) => x.perSecond))];
    console.log(
      `  ${label.padEnd(6)} ${String(writers).padStart(3)} writers   with journal ${a.toFixed(0).padStart(5)}/s (p50 ${median(on.map((x) => x.p50)).toFixed(1)} ms)` +
        `   without ${b.toFixed(0).padStart(5)}/s (p50 ${median(off.map((x) => x.p50)).toFixed(1)} ms)   ratio ${(a / b).toFixed(2)}×`,
    );
  }
}

async function writesPerSecond() {
  console.log(`Acknowledged writes/s, with vs without the journal (median of ${ROUNDS} alternating rounds of ${SECONDS} s)`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-bench-'));
  const tenantId = randomUUID();
  const stores: { embedded: EmbeddedCosmos; store: CosmosStore }[] = [];
  for (const dir of [embeddedStoreDir(dataDir), undefined]) {
    const embedded = await startEmbeddedCosmos({ dataDir: dir });
    stores.push({ embedded, store: await CosmosStore.connect({ endpoint: embedded.endpoint, database: 'leaderful', key: 'embedded' }) });
  }
  const upsert = (store: CosmosStore) => async (w: number, i: number) => {
    await store.upsert('checkins', { id: `answer:bench-${w}-${i % 500}`, tenantId, type: 'answer', roundId: `round:bench-${w}`, userId: `user-${w}`, values: { confidence: (i % 5) + 1, progress: 'Tried the practice twice this week; the second time went better.' }, answeredAt: new Date().toISOString() } as Doc);
    return true;
  };
  await compare('store', upsert(stores[0].store), upsert(stores[1].store));
  for (const s of stores) {
    s.store.dispose();
    await s.embedded.stop();
  }

  const idp = await new TestIdentityProvider().start();
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID, AAD_JWKS_URI: idp.jwksUri, AAD_AUTHORITY_HOST: idp.authorityHost, RATE_LIMIT_API_PER_MINUTE: '100000', DATA_DIR: path.join(dataDir, 'app') };
  const apps: AppProcess[] = [startAppProcess({ ...env, EMBEDDED_SNAPSHOT: 'true' }), startAppProcess({ ...env, EMBEDDED_SNAPSHOT: 'false' })];
  const urls = await Promise.all(apps.map((a) => a.ready));
  const tokens = await Promise.all(Array.from({ length: Math.max(...WRITERS) }, (_, w) => idp.token({ tid: tenantId, oid: `00000000-0000-4000-8000-${String(w).padStart(12, '0')}`, name: `Writer ${w}` })));
  const zones = ['UTC', 'Europe/Madrid', 'Asia/Tokyo', 'America/New_York'];
  const put = (url: string) => async (w: number, i: number) => {
    const res = await fetch(`${url}/api/me/preferences`, { method: 'PUT', headers: { authorization: `Bearer ${tokens[w]}`, 'content-type': 'application/json' }, body: JSON.stringify({ timeZone: zones[i % zones.length] }) });
    await res.arrayBuffer();
    return res.status === 200;
  };
  await compare('app', put(urls[0]), put(urls[1]));
  for (const a of apps) await a.stop();
  await idp.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const sizeOf = (dir: string, pattern: RegExp) =>
  readdirSync(dir)
    .filter((f) => pattern.test(f))
    .reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function startUp() {
  console.log(`Start-up with ${DOCS.toLocaleString('en')} documents in the snapshot and ${JOURNAL.toLocaleString('en')} journal entries after it`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-bench-'));
  const dir = embeddedStoreDir(dataDir);
  const tenantId = randomUUID();
  const answer = (n: number, version: number): Doc =>
    ({ id: `answer:bench-${n}`, tenantId, type: 'answer', pilotId: `pilot:bench-${n % 1000}`, roundId: `round:bench-${n % 1000}:${n % 8}`, userId: `u${n % 5000}`, values: { confidence: ((n + version) % 5) + 1, progress: 'Tried the practice twice this week; the second time went better.' }, shareAnonymously: false, answeredAt: '2027-01-05T10:00:00Z' }) as Doc;

  // The data: documents loaded and snapshotted, then single writes that stay in the journal.
  let embedded = await startEmbeddedCosmos({ dataDir: dir, compactBytes: 1e12 });
  let store = await CosmosStore.connect({ endpoint: embedded.endpoint, database: 'leaderful', key: 'embedded' });
  for (let from = 0; from < DOCS; from += 5000) await store.bulkCreate('checkins', Array.from({ length: Math.min(5000, DOCS - from) }, (_, k) => answer(from + k, 0)));
  await embedded.compact();
  await Promise.all(Array.from({ length: 16 }, async (_, w) => {
    for (let i = w; i < JOURNAL; i += 16) await store.upsert('checkins', answer((i * 7919) % DOCS, 1));
  }));
  store.dispose();
  await embedded.stop();
  console.log(`  snapshot ${mb(sizeOf(dir, /^snapshot\.db$/))}, journal ${mb(sizeOf(dir, /^journal-\d+\.log$/))}`);

  const storeTimes: number[] = [];
  const loadTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    embedded = await startEmbeddedCosmos({ dataDir: dir });
    storeTimes.push(performance.now() - t0);
    loadTimes.push(embedded.restored!.ms);
    if (r === 0) console.log(`  restored ${embedded.restored!.documents.toLocaleString('en')} documents, ${embedded.restored!.journalRecords.toLocaleString('en')} journal entries in ${embedded.restored!.journalFrames.toLocaleString('en')} frames`);
    await embedded.stop();
  }
  console.log(`  store process: spawn to serving ${median(storeTimes).toFixed(0)} ms (of which loading the snapshot and replaying the journal ${median(loadTimes).toFixed(0)} ms), median of ${ROUNDS}`);

  const appTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const app = startAppProcess({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SIGN_IN: 'true', SEED_DEMO_DATA: 'false', EMBEDDED_SNAPSHOT: 'true', DATA_DIR: dataDir });
    await app.ready;
    appTimes.push(performance.now() - t0);
    await app.stop();
  }
  const empty = mkdtempSync(path.join(tmpdir(), 'leaderful-bench-'));
  const emptyTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const app = startAppProcess({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SIGN_IN: 'true', SEED_DEMO_DATA: 'false', EMBEDDED_SNAPSHOT: 'true', DATA_DIR: empty });
    await app.ready;
    emptyTimes.push(performance.now() - t0);
    await app.stop();
  }
  console.log(`  whole app: spawn to serving ${median(appTimes).toFixed(0)} ms (with an empty data folder: ${median(emptyTimes).toFixed(0)} ms), median of ${ROUNDS}`);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
}

async function main() {
  if (PART === 'all' || PART === 'writes') await writesPerSecond();
  if (PART === 'all' || PART === 'startup') await startUp();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
