#!/usr/bin/env node
// Times one-partition queries against the embedded Cosmos-compatible server (@vercel/cosmosdb-server),
// with the patched query engine (default) or a pristine copy of it (PRISTINE=1).
//
//   node bench/embedded-query.mjs              # patched engine (patches/@zeit+cosmosdb-query+0.7.2.patch)
//   PRISTINE=1 node bench/embedded-query.mjs   # unpatched engine, from the npm tarball (needs `npm pack`)
//
// Env: BENCH_SIZES (default "10000,100000"), BENCH_RUNS (default 5), BENCH_TIMEOUT_S (default 300).
// The server runs in a child process on 127.0.0.1; the bench kills it when done or on timeout.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { CosmosClient } from '@azure/cosmos';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const require = createRequire(import.meta.url);

const PRISTINE = process.env.PRISTINE === '1';
const MODE = PRISTINE ? 'pristine' : 'patched';
const SIZES = (process.env.BENCH_SIZES || '10000,100000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 5));
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S || 300) * 1000;
const SLOW_MS = 5_000; // a first run slower than this is not repeated
const TENANT = 'tenant-bench';
const OTHER_TENANT = 'tenant-other';
const PILOT = 'pilot-0';
const PILOTS = 4; // docs are spread over pilot-0..3, so the queried pilot holds a quarter of them

const QUERIES = [
  { name: 'COUNT', sql: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND c.pilotId = @p' },
  { name: 'TOP 50 ORDER BY', sql: 'SELECT TOP 50 * FROM c WHERE c.tenantId=@t AND c.pilotId=@p ORDER BY c.createdAt DESC' },
];

const engineVersion = JSON.parse(
  readFileSync(
    require.resolve('@zeit/cosmosdb-query/package.json', { paths: [path.dirname(require.resolve('@vercel/cosmosdb-server'))] }),
    'utf8',
  ),
).version;

/** Extracts the npm tarball of the engine (same version as installed) into a temp dir, once. */
function pristineEngineDir() {
  const dir = path.join(os.tmpdir(), `leaderful-bench-cosmosdb-query-${engineVersion}`);
  const pkg = path.join(dir, 'package');
  if (!existsSync(path.join(pkg, 'lib', 'index.js'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`Fetching pristine @zeit/cosmosdb-query@${engineVersion} with npm pack into ${dir} ...`);
    const out = execFileSync('npm', ['pack', `@zeit/cosmosdb-query@${engineVersion}`, '--pack-destination', dir], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const tgz = out.trim().split('\n').pop();
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
  }
  return pkg;
}

function startServer(engineDir) {
  const env = { ...process.env };
  if (engineDir) env.BENCH_COSMOSDB_QUERY_DIR = engineDir;
  else delete env.BENCH_COSMOSDB_QUERY_DIR;
  const child = fork(path.join(here, 'embedded-query-server.cjs'), [], {
    cwd: root,
    env,
    execArgv: ['--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('embedded server did not start in 30 s')), 30_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve({ child, ...m });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded server exited early (code ${code})`));
    });
  });
}

const children = new Set();
function killChildren() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killChildren(); process.exit(130); });

async function stopServer(server, client) {
  client.dispose();
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  });
}

function doc(i, tenantId) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const sec = String(i % 60).padStart(2, '0');
  return {
    id: `answer-${tenantId}-${i}`,
    tenantId,
    type: 'answer',
    pilotId: `pilot-${i % PILOTS}`,
    roundId: `round-${Math.floor(i / 500)}`,
    memberId: `member-${i % 997}`,
    confidence: 1 + (i % 5),
    createdAt: `2025-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${day}T09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${sec}.${String(i % 1000).padStart(3, '0')}Z`,
  };
}

async function load(container, n) {
  const docs = [];
  for (let i = 0; i < n; i++) docs.push(doc(i, TENANT));
  for (let i = 0; i < 25; i++) docs.push(doc(i, OTHER_TENANT));
  const batches = [];
  for (let i = 0; i < docs.length; i += 100) batches.push(docs.slice(i, i + 100));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const ops = batch.map((d) => ({ operationType: 'Create', partitionKey: d.tenantId, resourceBody: d }));
      const results = await container.items.bulk(ops);
      const failed = results.find((r) => r.statusCode >= 400);
      if (failed) throw new Error(`bulk create failed with status ${failed.statusCode}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function connect(endpoint, n) {
  // No custom `agent`: for http:// endpoints the SDK then refuses the connection (allowInsecureConnection is
  // only set with its own default agent, which already keeps connections alive).
  const client = new CosmosClient({
    endpoint,
    key: 'bench',
    connectionPolicy: {
      enableEndpointDiscovery: false,
      requestTimeout: TIMEOUT_MS + 60_000,
      retryOptions: { maxRetryAttemptCount: 0, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 0 },
    },
  });
  const { database } = await client.databases.createIfNotExists({ id: 'bench' });
  const { container } = await database.containers.createIfNotExists({ id: 'answers', partitionKey: { paths: ['/tenantId'] } });
  const t0 = performance.now();
  await load(container, n);
  return { client, container, loadMs: performance.now() - t0 };
}

class Timeout extends Error {}

async function timeQuery(container, q) {
  const controller = new AbortController();
  let timer;
  const t0 = performance.now();
  const run = container.items
    .query(
      { query: q.sql, parameters: [{ name: '@t', value: TENANT }, { name: '@p', value: PILOT }] },
      { partitionKey: TENANT, abortSignal: controller.signal },
    )
    .fetchAll();
  run.catch(() => undefined); // after a timeout the child is killed and this rejects; ignore it
  try {
    const { resources } = await Promise.race([
      run,
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Timeout());
        }, TIMEOUT_MS);
      }),
    ]);
    return { ms: performance.now() - t0, resources };
  } finally {
    clearTimeout(timer);
  }
}

function check(q, n, resources) {
  const expected = Math.ceil(n / PILOTS);
  if (q.name === 'COUNT') {
    if (resources[0] !== expected) throw new Error(`COUNT returned ${JSON.stringify(resources)}, expected ${expected}`);
  } else {
    const ok =
      resources.length === Math.min(50, expected) &&
      resources.every((d, i) => d.tenantId === TENANT && d.pilotId === PILOT && (i === 0 || resources[i - 1].createdAt >= d.createdAt));
    if (!ok) throw new Error(`TOP 50 returned ${resources.length} docs or the wrong order`);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

async function main() {
  const engineDir = PRISTINE ? pristineEngineDir() : null;
  const rows = [];
  console.log(`Embedded query bench: mode=${MODE}, sizes=${SIZES.join(', ')}, runs<=${RUNS}, timeout=${TIMEOUT_MS / 1000} s, node ${process.version}`);
  for (const n of SIZES) {
    let env = null;
    const boot = async () => {
      const server = await startServer(engineDir);
      if (server.patched === PRISTINE) {
        throw new Error(
          PRISTINE
            ? `expected the pristine engine but ${server.engine} is patched`
            : `the installed engine (${server.engine}) is not patched: run \`npx patch-package\` first`,
        );
      }
      const conn = await connect(`http://127.0.0.1:${server.port}/`, n);
      console.log(`  ${n} docs: server pid ${server.child.pid}, engine ${server.engine}, loaded ${n + 25} docs in ${fmt(conn.loadMs)}`);
      env = { server, ...conn };
    };
    await boot();
    for (const q of QUERIES) {
      if (!env) await boot(); // the previous query timed out and its server was killed
      const times = [];
      let result = null;
      for (let r = 0; r < RUNS; r++) {
        try {
          const { ms, resources } = await timeQuery(env.container, q);
          check(q, n, resources);
          times.push(ms);
          if (ms > SLOW_MS) break; // one run is enough for slow cases
        } catch (err) {
          if (!(err instanceof Timeout)) throw err;
          result = `> ${TIMEOUT_MS / 1000} s (timed out)`;
          // The child is stuck in a synchronous query: kill it; a fresh one is loaded for the next query.
          await stopServer(env.server, env.client);
          env = null;
          break;
        }
      }
      const row = { docs: n, query: q.name, mode: MODE, runs: times.length + (result ? 1 : 0), median: result ?? fmt(median(times)) };
      rows.push(row);
      console.log(`  ${n} docs, ${q.name}: ${row.median} (${row.runs} run${row.runs === 1 ? '' : 's'}${times.length > 1 ? `: ${times.map((t) => t.toFixed(1)).join(', ')} ms` : ''})`);
    }
    if (env) await stopServer(env.server, env.client);
  }

  const header = ['docs', 'query', 'mode', 'runs', 'median'];
  const table = [header, ...rows.map((r) => [String(r.docs), r.query, r.mode, String(r.runs), r.median])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => (i === 0 || i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 || i >= 3 ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`);
  for (const row of table.slice(1)) console.log(line(row));
  console.log(`\nQueried one partition (${TENANT}) holding N docs, 1/${PILOTS} of them in ${PILOT}; ${OTHER_TENANT} holds 25 more.`);
}

main().then(
  () => {
    killChildren();
    process.exit(0);
  },
  (err) => {
    console.error(err);
    killChildren();
    process.exit(1);
  },
);
