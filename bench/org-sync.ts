/**
 * Organisation sync figures.   node bench/run.mjs org-sync
 *
 * A Microsoft Graph stand-in serving BENCH_PEOPLE people (default 50,000) in BENCH_LEVELS levels
 * (6) runs in its own process; the app (with its embedded store in another) syncs that tenant
 * through the real Graph SDK:
 *   1. the first sync: every user, page by page (people/s, Graph calls);
 *   2. a nightly sync with nothing changed (the delta link alone);
 *   3. a sync after 5 changes;
 *   4. a sync after a reorganisation (a director moves to another vice president: everyone under
 *      them gets a new manager chain);
 *   5. for comparison, in the same run, a full re-read of everyone (the delta link forgotten).
 * Options: BENCH_PEOPLE, BENCH_LEVELS, BENCH_PAGE (users per Graph page, 200).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startLeaderful } from '../server/main';
import type { SyncRun } from '../domain/org';
import { GraphStandIn } from '../support/graph/stand-in';
import { organisation, type Organisation } from '../support/graph/organisation';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const LEVELS = Number(process.env.BENCH_LEVELS ?? 6);
const PAGE = Number(process.env.BENCH_PAGE ?? 200);
const TENANT = '0b0e0000-0000-4000-8000-00000000be0c';

/** The child: a stand-in with the organisation; commands on stdin, answers on stdout (one JSON line each). */
async function serveGraph(): Promise<void> {
  const graph = await new GraphStandIn(randomBytes(18).toString('base64url'), PAGE).start();
  const org: Organisation = organisation(PEOPLE, LEVELS);
  const tenant = graph.tenant(TENANT);
  tenant.put(org.users);
  const say = (x: unknown) => process.stdout.write(`${JSON.stringify(x)}\n`);
  say({ url: graph.url, secret: graph.secret, ca: graph.ca });
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, arg] = line.trim().split(' ');
    if (command === 'changes') {
      const n = Number(arg);
      const people = org.levels[LEVELS - 1];
      for (let i = 0; i < n; i++) tenant.update(people[i * 7].id, { jobTitle: `Specialist ${i}` });
      say({ ok: true });
    } else if (command === 'reorg') {
      // The first director moves under the last vice president.
      const director = org.levels[2][0];
      const vp = org.levels[1][org.levels[1].length - 1];
      tenant.update(director.id, { managerId: vp.id, department: vp.department });
      const below = (ids: Set<string>): number => {
        const next = org.users.filter((u) => u.managerId && ids.has(u.managerId)).map((u) => u.id);
        return next.length ? next.length + below(new Set(next)) : 0;
      };
      say({ ok: true, moved: 1 + below(new Set([director.id])) });
    } else if (command === 'requests') {
      say({ requests: graph.requests.length });
    } else if (command === 'stop') {
      await graph.stop();
      say({ ok: true });
      process.exit(0);
    }
  }
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [process.argv[1], 'serve-graph'], { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const ask = async (command?: string): Promise<any> => {
    if (command) child.stdin!.write(`${command}\n`);
    const { value } = await lines.next();
    return JSON.parse(String(value));
  };
  const t0 = performance.now();
  const graph = await ask();
  process.stdout.write(`Graph stand-in: ${PEOPLE.toLocaleString('en')} people in ${LEVELS} levels, ${PAGE} a page (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);

  const app = await startLeaderful({
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AAD_APP_CLIENT_ID: randomUUID(),
      SEED_DEMO_DATA: 'false',
      GRAPH_ENDPOINT: graph.url,
      GRAPH_LOCAL_TOKEN: graph.secret,
      GRAPH_LOCAL_CA: graph.ca,
    },
  });
  const rows: Record<string, string | number>[] = [];
  const measure = async (what: string, prepare?: string) => {
    const extra = prepare ? await ask(prepare) : {};
    const started = performance.now();
    const run = (await app.domain.org.run(TENANT, 'admin')) as SyncRun;
    const seconds = (performance.now() - started) / 1000;
    if (!run.ok) throw new Error(`${what}: ${JSON.stringify(run.problems)}`);
    rows.push({
      sync: what,
      mode: run.mode,
      seconds: seconds.toFixed(2),
      'users read': run.changes,
      'people/s': Math.round(run.changes / seconds),
      'Graph calls': run.graphCalls,
      'members written': run.updated,
      ...(extra.moved ? { note: `${extra.moved} people under the move` } : {}),
    });
  };
  try {
    await measure('first (everyone)');
    await measure('nightly, nothing changed');
    await measure('after 5 changes', 'changes 5');
    await measure('after a reorganisation', 'reorg');
    await app.domain.org.forgetDeltaLink(TENANT);
    await measure('full re-read (for comparison)');
  } finally {
    await app.stop();
    await ask('stop').catch(() => undefined);
  }
  console.table(rows);
  const full = rows[4];
  const delta = rows[2];
  process.stdout.write(
    `Delta after 5 changes vs a full re-read: ${delta['Graph calls']} vs ${full['Graph calls']} Graph calls, ${delta.seconds} s vs ${full.seconds} s.\n`,
  );
}

if (process.argv[2] === 'serve-graph') void serveGraph();
else
  void main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
